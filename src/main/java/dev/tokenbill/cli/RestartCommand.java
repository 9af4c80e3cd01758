package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code restart --period P}: resumes the last failed, stopped or crashed run of the period from its checkpoint. */
@Component
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = "Resume the last failed, stopped or crashed run of a period from its last checkpoint.")
public class RestartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, description = "The period whose run to resume.")
    String period;

    private final BillingRuns runs;

    public RestartCommand(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        try {
            BillingRuns.Restarted restarted = GracefulStop.around(runs, period, () -> runs.restart(period));
            if (restarted.recovered()) {
                spec.commandLine().getOut().println("tokenbill: execution " + restarted.previousExecutionId()
                        + " was left STARTED by a process that died; recovered it as FAILED and restarting");
            }
            return ExecutionReport.outcome(restarted.execution(), spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (BillingRuns.RunRefusedException e) {
            spec.commandLine().getErr().println("tokenbill: " + e.getMessage());
            return 4;
        }
    }
}
