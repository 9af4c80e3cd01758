package dev.tokenbill.period;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which runs a billing period admits, decided from the executions of every period (README, "The period
 * lifecycle"). The rules: one run of a period at a time; a final period is replaced only by a correction, and no
 * draft touches it; a final or correction that did not complete is finished with {@code restart} before anything
 * else runs for that period; finals of one interval (months, or days) close in period order, so invoice numbers
 * follow issue dates. Plain Java: the job adapts executions to {@link RunRecord}s.
 */
public final class PeriodLifecycle {

    /** What an operator asks for. */
    public enum Request {
        DRAFT, FINAL, CORRECTION, RESTART
    }

    /** The answer: start a new run (with its attempt number), restart an execution, or a refusal that says why. */
    public sealed interface Decision {
    }

    /**
     * Start a new run; first abandon {@code abandoned}: finals of the period that stopped or failed before their inputs
     * were validated, so they wrote nothing (a final started with a wrong --input, say) and would block the period.
     */
    public record Start(long attempt, List<RunRecord> abandoned) implements Decision {

        public Start {
            abandoned = List.copyOf(abandoned);
        }
    }

    public record Restart(RunRecord execution) implements Decision {
    }

    public record Refused(String reason) implements Decision {
    }

    private final List<RunRecord> all;
    private final Set<Long> abandoned;

    /** @param executions every execution of the billing job, of every period, in any order */
    public PeriodLifecycle(List<RunRecord> executions) {
        this.all = executions.stream().sorted(Comparator.comparingLong(RunRecord::executionId)).toList();
        this.abandoned = all.stream().filter(r -> r.status() == RunRecord.Status.ABANDONED).map(RunRecord::runId)
                .collect(Collectors.toSet());
    }

    public PeriodState state(String period) {
        Optional<RunRecord> unfinished = unfinishedFinal(period);
        if (unfinished.isPresent()) {
            return unfinished.get().status() == RunRecord.Status.RUNNING ? PeriodState.FINAL_IN_PROGRESS
                    : PeriodState.FAILED_FINAL;
        }
        List<RunRecord> runs = of(period);
        if (runs.stream().anyMatch(r -> r.isFinal() && r.correction() && r.finished())) {
            return PeriodState.CORRECTED;
        }
        if (runs.stream().anyMatch(r -> r.isFinal() && r.finished())) {
            return PeriodState.FINAL;
        }
        return runs.isEmpty() ? PeriodState.OPEN : PeriodState.DRAFT;
    }

    public Decision decide(Request request, String period) {
        BillingPeriod billing = BillingPeriod.parse(period);
        PeriodState state = state(period);
        if (request == Request.RESTART) {
            return restart(period, state);
        }
        Optional<RunRecord> running = of(period).stream().filter(r -> r.status() == RunRecord.Status.RUNNING).findFirst();
        if (running.isPresent()) {
            return new Refused("a run of period " + period + " is already running (run " + running.get().runId()
                    + ", execution " + running.get().executionId() + "); if its process died, resume it with 'restart --period "
                    + period + "'");
        }
        if (state.finalUnfinished()) {
            RunRecord r = unfinishedFinal(period).orElseThrow();
            return new Refused("the " + kind(r) + " run of " + period + " did not finish (run " + r.runId() + ", execution "
                    + r.executionId() + ", " + r.status().name().toLowerCase() + "): finish it with 'restart --period " + period
                    + "' before any other run of " + period);
        }
        switch (request) {
            case DRAFT -> {
                if (state.isFinal()) {
                    return new Refused("period " + period + " is billed final (run " + lastFinal(period).runId()
                            + "); a draft would replace the final's outputs, so drafts of a final period are refused."
                            + " To change its invoices, run a correction: 'run --period " + period + " --final --correction'");
                }
                return new Start(nextAttempt(period), stillborn(period));
            }
            case FINAL -> {
                if (state.isFinal()) {
                    return new Refused("period " + period + " is already billed final (run " + lastFinal(period).runId()
                            + "); a final period is never billed twice. To replace its invoices, run a correction:"
                            + " 'run --period " + period + " --final --correction' voids them and issues new numbers");
                }
                Optional<Refused> order = periodOrder(billing);
                return order.isPresent() ? order.get() : new Start(nextAttempt(period), stillborn(period));
            }
            case CORRECTION -> {
                if (!state.isFinal()) {
                    return new Refused("period " + period + " has no final run to correct (it is " + state.words()
                            + "); bill it with 'run --period " + period + " --final'");
                }
                Optional<Refused> order = earlierUnfinished(billing);
                return order.isPresent() ? order.get() : new Start(nextAttempt(period), stillborn(period));
            }
            default -> throw new IllegalStateException("unexpected request " + request);
        }
    }

    private Decision restart(String period, PeriodState state) {
        Optional<RunRecord> unfinished = unfinishedFinal(period).or(() -> stillborn(period).stream().reduce((a, b) -> b));
        if (unfinished.isPresent()) {
            return new Restart(unfinished.get());
        }
        List<RunRecord> runs = of(period);
        if (runs.isEmpty()) {
            return new Refused("no run of period " + period + " to restart");
        }
        RunRecord last = runs.get(runs.size() - 1);
        if (last.finished()) {
            return new Refused("nothing to restart: the last run of " + period + " (run " + last.runId() + ", " + kind(last)
                    + ") completed; the period is " + state.words());
        }
        return new Restart(last);
    }

    /** A final of this period waits for every earlier period of its interval, and comes after none that is later. */
    private Optional<Refused> periodOrder(BillingPeriod billing) {
        Optional<Refused> earlier = earlierUnfinished(billing);
        if (earlier.isPresent()) {
            return earlier;
        }
        for (String other : periods()) {
            BillingPeriod o = BillingPeriod.parse(other);
            if (o.interval() == billing.interval() && o.start().isAfter(billing.start())) {
                PeriodState s = state(other);
                if (s.isFinal() || s.finalUnfinished()) {
                    return Optional.of(new Refused("period " + other + " is already " + s.words() + ": a final run of the"
                            + " earlier period " + billing.label() + " would number its invoices after " + other
                            + "'s although they are issued earlier; finals close in period order, so invoice numbers"
                            + " follow issue dates"));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Refused> earlierUnfinished(BillingPeriod billing) {
        for (String other : periods()) {
            BillingPeriod o = BillingPeriod.parse(other);
            if (o.interval() == billing.interval() && o.start().isBefore(billing.start()) && state(other).finalUnfinished()) {
                RunRecord r = unfinishedFinal(other).orElseThrow();
                return Optional.of(new Refused("the " + kind(r) + " run of the earlier period " + other + " did not finish (run "
                        + r.runId() + ", " + r.status().name().toLowerCase() + "): finals close in period order, so invoice"
                        + " numbers follow issue dates; finish it first with 'restart --period " + other + "'"));
            }
        }
        return Optional.empty();
    }

    /**
     * The last execution of the period's final or correction run that has not completed, if any: one that is running,
     * or that got past input validation and then failed or stopped.
     */
    private Optional<RunRecord> unfinishedFinal(String period) {
        return lastOfFinalRuns(period).stream().filter(r -> !r.finished())
                .filter(r -> r.billingStarted() || r.status() == RunRecord.Status.RUNNING).reduce((a, b) -> b);
    }

    /** The last executions of final runs that failed or stopped before their inputs were validated. */
    private List<RunRecord> stillborn(String period) {
        return lastOfFinalRuns(period).stream().filter(r -> !r.finished() && !r.billingStarted()
                && r.status() != RunRecord.Status.RUNNING).toList();
    }

    private List<RunRecord> lastOfFinalRuns(String period) {
        Map<Long, RunRecord> lastOfRun = new LinkedHashMap<>();
        for (RunRecord r : of(period)) {
            if (r.isFinal()) {
                lastOfRun.put(r.runId(), r);
            }
        }
        return new ArrayList<>(lastOfRun.values());
    }

    private RunRecord lastFinal(String period) {
        return of(period).stream().filter(r -> r.isFinal() && r.finished()).reduce((a, b) -> b).orElseThrow();
    }

    /** One more than any run of the period ever had, abandoned ones included: a job instance is never reused. */
    private long nextAttempt(String period) {
        return all.stream().filter(r -> r.period().equals(period)).mapToLong(RunRecord::attempt).max().orElse(0) + 1;
    }

    /** The period's executions that count: an abandoned run is forgotten. */
    private List<RunRecord> of(String period) {
        return all.stream().filter(r -> r.period().equals(period) && !abandoned.contains(r.runId())).toList();
    }

    private List<String> periods() {
        List<String> periods = new ArrayList<>();
        for (RunRecord r : all) {
            if (!abandoned.contains(r.runId()) && !periods.contains(r.period())) {
                periods.add(r.period());
            }
        }
        return periods;
    }

    private static String kind(RunRecord r) {
        return r.correction() ? "correction" : r.mode() == RunMode.FINAL ? "final" : "draft";
    }
}
