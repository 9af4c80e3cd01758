package dev.tokenbill.job;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether an operator asked the job execution to stop (SIGTERM, {@code tokenbill stop}). Spring Batch's
 * {@code JobOperator.stop} marks the execution STOPPING in the job repository, but a running step learns it only
 * when it next saves itself: at a chunk commit, or at a tasklet's end. Work that runs longer than that (a tasklet, a
 * chunk's renders) asks here; the repository is read at most every 200 ms, whichever thread asks, so a stop from
 * any process is noticed within a fraction of a second.
 */
public final class StopRequest implements BooleanSupplier {

    private static final long POLL_NANOS = 200_000_000L;

    private final LongSupplier clock;
    private final BooleanSupplier repositorySaysStop;
    private final AtomicLong nextPoll;
    private volatile boolean requested;

    public StopRequest(JdbcTemplate jdbc, long jobExecutionId) {
        this(System::nanoTime, () -> {
            String status = jdbc.queryForObject("select status from batch_job_execution where job_execution_id = ?",
                    String.class, jobExecutionId);
            return "STOPPING".equals(status) || "STOPPED".equals(status);
        });
    }

    StopRequest(LongSupplier clock, BooleanSupplier repositorySaysStop) {
        this.clock = clock;
        this.repositorySaysStop = repositorySaysStop;
        this.nextPoll = new AtomicLong(clock.getAsLong());
    }

    /** True once a stop was requested (and from then on); false between polls. */
    @Override
    public boolean getAsBoolean() {
        if (requested) {
            return true;
        }
        long now = clock.getAsLong();
        long next = nextPoll.get();
        // one thread polls per interval; the others go on with the last answer
        if (now - next < 0 || !nextPoll.compareAndSet(next, now + POLL_NANOS)) {
            return false;
        }
        requested = repositorySaysStop.getAsBoolean();
        return requested;
    }
}
