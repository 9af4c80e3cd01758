package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code run --period P [--draft|--final] [--input DIR] [--output DIR]}: one billing run. */
@Component
@Command(name = "run", mixinStandardHelpOptions = true, description = "Bill a period (a month YYYY-MM or a day YYYY-MM-DD).")
public class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, description = "The billing period: 2026-10 (month) or 2026-10-21 (day).")
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

    @Option(names = "--input", defaultValue = "input", description = "Input directory (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--output", defaultValue = "output", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path output;

    private final BillingRuns runs;

    public RunCommand(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() throws Exception {
        try {
            var execution = GracefulStop.around(runs, period,
                    () -> runs.start(period, mode.isFinal, correction, input, output));
            return ExecutionReport.outcome(execution, spec.commandLine().getOut(), spec.commandLine().getErr());
        } catch (BillingRuns.RunRefusedException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("tokenbill: " + e.getMessage());
            return 4;
        }
    }
}
