package dev.tokenbill.period;

/**
 * One execution of a billing run, as the lifecycle sees it: which run and period, how it bills, and how it ended.
 * {@code runId} is the run (one per start, shared by its restarts); {@code executionId} orders the executions;
 * {@code attempt} tells apart the runs of one period and mode; {@code billingStarted} is true once an execution of
 * the run got past input validation (before that the run has written nothing but its start).
 */
public record RunRecord(long executionId, long runId, String period, RunMode mode, long attempt, boolean correction,
        Status status, boolean billingStarted) {

    /**
     * Where an execution stands. RUNNING includes one left behind by a process that died (restart recovers it);
     * ABANDONED never runs again, and the lifecycle counts it only so that no new run takes its attempt number.
     */
    public enum Status {
        RUNNING, COMPLETED, FAILED, STOPPED, ABANDONED
    }

    public boolean isFinal() {
        return mode == RunMode.FINAL;
    }

    public boolean finished() {
        return status == Status.COMPLETED;
    }
}
