package dev.tokenbill.cli;

import dev.tokenbill.job.StopRequest;
import dev.tokenbill.job.partition.remote.RemoteWorker;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code worker}: joins the broker and the shared database and executes partitions of remote runs until SIGTERM or
 * SIGINT. Then it takes no more partitions, lets those it is executing finish for up to {@link #FINISH}, asks any
 * still running to stop at their next chunk boundary (the partition ends STOPPED, the run stops, and {@code restart}
 * runs the partition again), and exits with 0, at the latest {@link #STOP} later.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Execute partitions of remote runs ('run --remote') until SIGTERM or SIGINT.",
                "Needs tokenbill.remote.broker-url, tokenbill.remote.user and tokenbill.remote.password"
                        + " (TOKENBILL_BROKER_URL, TOKENBILL_BROKER_USER, TOKENBILL_BROKER_PASSWORD) and the shared"
                        + " PostgreSQL database (SPRING_DATASOURCE_URL, ...); partitions run tokenbill.threads at a"
                        + " time (default: one per CPU core)."})
public class WorkerCommand implements Callable<Integer> {

    /** After the signal, how long the partitions being executed may take to finish. */
    static final Duration FINISH = Duration.ofSeconds(15);
    /** Then how long they may take to stop at a chunk boundary before the process exits anyway. */
    static final Duration STOP = Duration.ofSeconds(8);

    @Spec
    CommandSpec spec;

    private Supplier<RemoteWorker> worker = () -> {
        throw new IllegalStateException("no worker given to the worker command");
    };

    void use(Supplier<RemoteWorker> worker) {
        this.worker = worker;
    }

    @Override
    public Integer call() throws Exception {
        RemoteWorker running = worker.get(); // starts Spring in remote mode, with the worker side of it
        CountDownLatch signalled = new CountDownLatch(1);
        String[] name = new String[1];
        SignalHandler handler = signal -> {
            name[0] = "SIG" + signal.getName();
            signalled.countDown();
        };
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String signal : new String[] {"TERM", "INT"}) {
            previous.put(new Signal(signal), Signal.handle(new Signal(signal), handler));
        }
        try {
            running.start();
            out("tokenbill worker: " + running.name() + " executes partitions from " + running.broker() + ", "
                    + running.concurrency() + " at a time; SIGTERM or Ctrl-C stops it");
            signalled.await();
            running.stopTaking();
            if (running.busy() > 0) {
                out("tokenbill worker: " + name[0] + ": taking no more partitions; letting " + running.busy()
                        + " finish (up to " + FINISH.toSeconds() + " s)");
            }
            if (!running.awaitIdle(FINISH)) {
                out("tokenbill worker: stopping " + running.busy() + " partition(s) at the next chunk boundary;"
                        + " 'restart' of the run executes them again");
                StopRequest.signal();
                if (!running.awaitIdle(STOP)) {
                    out("tokenbill worker: partitions still running after " + STOP.toSeconds() + " s; exiting anyway"
                            + " (the manager fails them after tokenbill.remote.partition-timeout)");
                    spec.commandLine().getOut().flush();
                    Runtime.getRuntime().halt(ExitCode.SUCCESS.code());
                }
            }
            out("tokenbill worker: stopped after " + running.executed() + " partition(s)");
            return ExitCode.SUCCESS.code();
        } finally {
            previous.forEach(Signal::handle);
        }
    }

    private void out(String line) {
        spec.commandLine().getOut().println(line);
        spec.commandLine().getOut().flush();
    }
}
