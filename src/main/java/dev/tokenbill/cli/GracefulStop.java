package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import dev.tokenbill.job.run.StopRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.batch.core.job.JobExecution;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Makes SIGTERM (a deploy, a Kubernetes eviction) and SIGINT (Ctrl-C) stop a run gracefully: the process exits with
 * 3 within {@link #BOUND}, the execution STOPPED at its last committed chunk, and {@code restart} resumes from there.
 *
 * <p>A signal handler, not a shutdown hook: once the JVM has begun shutting down, the main thread's
 * {@code System.exit(3)} blocks for ever and the process ends with 143. With the handler the JVM keeps running, the
 * job ends STOPPED at its next chunk boundary (a tasklet's transaction is abandoned; readUsage and renders notice
 * the request within a fraction of a second), the command prints its usual outcome line and exits with 3 on its
 * own. Should the job not have ended within the bound (a tasklet still busy), the process halts with 3 anyway: the
 * execution stays STARTED and {@code restart} recovers it; committed work is in the database already (H2 writes
 * each commit at once).
 */
final class GracefulStop {

    /** From the signal to the exit, at most; Kubernetes' default grace period (30 s) leaves room to spare. */
    static final Duration BOUND = Duration.ofSeconds(8);

    private GracefulStop() {
    }

    static <T> T around(BillingRuns runs, String period, Callable<T> work) throws Exception {
        AtomicBoolean requested = new AtomicBoolean();
        SignalHandler handler = signal -> {
            if (requested.compareAndSet(false, true)) {
                Thread stopper = new Thread(() -> stop(runs, period, "SIG" + signal.getName()), "tokenbill-graceful-stop");
                stopper.setDaemon(true);
                stopper.start();
            }
        };
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, handler));
        }
        try {
            return work.call();
        } finally {
            // from here on a signal ends the process the usual way: the run has ended
            previous.forEach(Signal::handle);
        }
    }

    /**
     * Asks the steps of this process to stop at their next checkpoint, then halts with 3 if the process is still
     * alive at the bound. Not through {@code runs.stop}: see {@link StopRequest} for why.
     */
    private static void stop(BillingRuns runs, String period, String signal) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        StopRequest.signal();
        String execution = "the run";
        try {
            execution = runs.executions(period).stream().filter(JobExecution::isRunning)
                    .map(e -> "execution " + e.getId()).findFirst().orElse(execution);
        } catch (RuntimeException e) {
            // only the message needs it: the halt below must come whatever the database says
        }
        System.err.println("tokenbill: " + signal + ": stopping " + execution + " of " + period
                + " at its next checkpoint; exiting with 3 within " + BOUND.toSeconds() + " s");
        sleepUntil(deadline);
        System.err.println("tokenbill: the run of " + period + " did not stop within " + BOUND.toSeconds()
                + " s; exiting with 3 anyway (restart with 'restart --period " + period + "')");
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(3);
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
