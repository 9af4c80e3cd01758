package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes SIGTERM (a deploy, a Kubernetes eviction) stop a run gracefully: a shutdown hook asks the
 * period's running execution to stop at its next chunk boundary and holds the JVM until the job has
 * recorded STOPPED, so {@code restart} resumes from that checkpoint. Spring's own shutdown hook is
 * off (application.properties) so the database stays open meanwhile.
 */
final class GracefulStop {

    static final long WAIT_SECONDS = 120;

    private GracefulStop() {
    }

    static <T> T around(BillingRuns runs, String period, Callable<T> work) throws Exception {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                runs.stop(period).ifPresent(e -> System.err.println("tokenbill: stop requested (signal); execution "
                        + e.getId() + " stops at its next chunk boundary"));
                finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            }
        }, "tokenbill-graceful-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.call();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping: the hook lets it go now that the job has ended
            }
        }
    }
}
