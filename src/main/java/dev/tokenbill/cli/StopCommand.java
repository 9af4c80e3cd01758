package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stop --period P}: asks the running run of a period to stop at its next chunk boundary. */
@Component
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a running run gracefully at a chunk boundary.")
public class StopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true)
    String period;

    private final BillingRuns runs;

    public StopCommand(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        var stopped = runs.stop(period);
        if (stopped.isEmpty()) {
            spec.commandLine().getErr().println("tokenbill: no running run of period " + period);
            return 4;
        }
        spec.commandLine().getOut().println("tokenbill: asked execution " + stopped.get().getId()
                + " to stop at its next chunk boundary; resume it with 'restart --period " + period + "'");
        return 0;
    }
}
