package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code restart --period P}: resumes the last failed, stopped or crashed run of the period from its checkpoint. */
@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Resume the last failed, stopped or crashed run of a period from its last checkpoint.",
                "Takes no --input or --output: it resumes the run with the input and output directories it was started with."})
public class RestartCommand extends RunsCommand {

    @Option(names = "--period", required = true, paramLabel = "PERIOD", converter = PeriodConverter.class,
            description = "The period whose run to resume.")
    String period;

    /** Accepted only to be refused with the reason, rather than as an unknown option. */
    @Option(names = {"--input", "--output"}, hidden = true)
    String directory;

    @Option(names = "--remote", description = "Send the partitions of the partitioned steps to workers ('tokenbill"
            + " worker') over the broker instead of running them on this machine's threads (the setting"
            + " tokenbill.remote.enabled / TOKENBILL_REMOTE does the same).")
    boolean remote;

    @Override
    public Integer call() throws Exception {
        if (remote) {
            System.setProperty("tokenbill.remote.enabled", "true"); // read when Spring starts, just below
        }
        if (directory != null) {
            throw new ParameterException(spec.commandLine(), "restart takes no --input or --output: it resumes the run"
                    + " with the input and output directories it was started with, so it bills what that run started"
                    + " billing (to bill other files, start a new draft run)");
        }
        try {
            BillingRuns runs = runs();
            BillingRuns.Restarted restarted = GracefulStop.around(runs, period, () -> runs.restart(period));
            if (restarted.recovered()) {
                out().println("tokenbill: execution " + restarted.previousExecutionId()
                        + " was left STARTED by a process that died; it was recovered as FAILED before resuming");
            }
            out().println(StatusLines.resumed(restarted.execution()));
            return ExecutionReport.outcome(restarted.execution(), out(), err());
        } catch (BillingRuns.RunRefusedException e) {
            err().println("tokenbill: " + e.getMessage());
            return ExitCode.REFUSED.code();
        }
    }
}
