package dev.tokenbill.job.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the job execution was asked to stop: by a signal to this process ({@link #signal()}, SIGTERM), or by
 * {@code tokenbill stop} from another process, which marks the execution STOPPING in the job repository (a running
 * step learns that only when it next saves itself: at a chunk commit, or at a tasklet's end). Work that runs longer
 * than that (a tasklet, a chunk's renders) asks here; the repository is read at most every 200 ms, whichever thread
 * asks, so a stop is noticed within a fraction of a second.
 *
 * <p>A signal is not passed on through {@code JobOperator.stop} in this JVM: that writes the running step's
 * execution from a second thread (a race its own saves can lose, leaving the step UNKNOWN) and closes the step's
 * scope under it.
 */
public final class StopRequest implements BooleanSupplier {

    private static final long POLL_NANOS = 200_000_000L;
    private static volatile boolean signalled;

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

    /** Asks every step running in this process to stop at its next checkpoint (the process is going away). */
    public static void signal() {
        signalled = true;
    }

    /** Whether {@link #signal()} was called: read from memory, so cheap enough for every chunk. */
    public static boolean signalled() {
        return signalled;
    }

    /** For tests of this package, which share one JVM. */
    static void clearSignal() {
        signalled = false;
    }

    /** True once a stop was requested (and from then on); false between polls. */
    @Override
    public boolean getAsBoolean() {
        if (requested || signalled) {
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
