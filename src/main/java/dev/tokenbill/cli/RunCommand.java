package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code run --period P [--draft|--final [--correction]] [--input DIR] [--output DIR]}: one billing run. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Bill a period (a month YYYY-MM or a day YYYY-MM-DD).")
public class RunCommand extends RunsCommand {

    @Option(names = "--period", required = true, paramLabel = "PERIOD", converter = PeriodConverter.class,
            description = "The billing period: 2026-10 (month) or 2026-10-21 (day).")
    String period;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static class Mode {
        @Option(names = "--draft", description = "Unnumbered invoices, repeatable (default).")
        boolean draft;

        @Option(names = "--final", description = "Numbered invoices; a period is billed final once.")
        boolean isFinal;
    }

    @Option(names = "--correction", description = "With --final: void the period's final invoices and issue new ones.")
    boolean correction;

    @Option(names = "--input", paramLabel = "DIR", description = "Input directory (default: $TOKENBILL_HOME/input,"
            + " TOKENBILL_HOME defaulting to the working directory).")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", description = "Output directory (default: $TOKENBILL_HOME/output).")
    Path output;

    @Option(names = "--remote", description = "Send the partitions of the partitioned steps to workers ('tokenbill"
            + " worker') over the broker instead of running them on this machine's threads (the setting"
            + " tokenbill.remote.enabled / TOKENBILL_REMOTE does the same).")
    boolean remote;

    @Override
    public Integer call() throws Exception {
        if (remote) {
            System.setProperty("tokenbill.remote.enabled", "true"); // read when Spring starts, just below
        }
        if (correction && !mode.isFinal) {
            throw new ParameterException(spec.commandLine(), "--correction applies to final runs only (add --final)");
        }
        try {
            BillingRuns runs = runs();
            var execution = GracefulStop.around(runs, period,
                    () -> runs.start(period, mode.isFinal, correction, orHome(input, "input"), orHome(output, "output")));
            return ExecutionReport.outcome(execution, out(), err());
        } catch (BillingRuns.RunRefusedException e) {
            err().println("tokenbill: " + e.getMessage());
            return ExitCode.REFUSED.code();
        }
    }

    private static Path orHome(Path given, String name) {
        return given != null ? given.toAbsolutePath() : TokenbillHome.path().resolve(name);
    }
}
