package dev.tokenbill.cli;

import dev.tokenbill.generate.GenerationReport;
import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.period.BillingPeriod;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code generate --customers N --events M --period P --seed S --output DIR [--files F] [--bad-rate R] [--force]}:
 * a synthetic input directory, byte-identical for the same arguments.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic input (catalog, customers, subscriptions, usage files) of any size, reproducible from a seed.")
public class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--customers", required = true, description = "Number of customers.")
    int customers;

    @Option(names = "--events", required = true, description = "Number of clean usage events inside the period (dirty rows come on top).")
    long events;

    @Option(names = "--period", required = true, paramLabel = "PERIOD", converter = PeriodConverter.class, description = "The period the events fall in: 2026-10 (month) or 2026-10-21 (day).")
    String period;

    @Option(names = "--seed", required = true, description = "The seed; the same arguments give byte-identical files.")
    long seed;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "The directory to write; it must be missing or empty (see --force).")
    Path output;

    @Option(names = "--files", description = "Number of usage files (default: max(1, events / 1,000,000)).")
    Integer files;

    @Option(names = "--bad-rate", defaultValue = "0.001",
            description = "Dirty rows (duplicates, conflicts, malformed rows) per clean event; 0 for clean input (default: ${DEFAULT-VALUE}).")
    double badRate;

    @Option(names = "--force", description = "Replace a generated input already in the output directory.")
    boolean force;

    /**
     * {@code generate} alone, outside the command tree (for tests): it reads {@code tokenbill generate} and ends with
     * the same exit codes and error lines as under {@link TokenbillCli}.
     */
    public static CommandLine standalone() {
        return TokenbillCli.standalone(new GenerateCommand(), "generate");
    }

    @Override
    public Integer call() throws Exception {
        GeneratorSpec generator;
        try {
            generator = new GeneratorSpec(customers, events, BillingPeriod.parse(period), seed,
                    files == null ? GeneratorSpec.defaultFiles(events) : files, badRate);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        long started = System.nanoTime();
        GenerationReport report;
        try {
            report = SyntheticInput.write(output, generator, force);
        } catch (IllegalArgumentException e) {
            // the output directory holds something else: refused, never overwritten
            spec.commandLine().getErr().println("tokenbill: " + e.getMessage());
            return ExitCode.REFUSED.code();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        spec.commandLine().getOut().println(summary(report, seconds));
        return ExitCode.SUCCESS.code();
    }

    static String summary(GenerationReport report, double seconds) {
        int fileCount = report.usageFiles().size();
        return String.format(Locale.ROOT,
                "generated %s: %,d usage file%s, %,d rows (%,d events + %,d dirty), %,d customers, %,d subscriptions,"
                        + " %,.1f MB in %.2f s (%,.0f rows/s)",
                report.directory(), fileCount, fileCount == 1 ? "" : "s", report.usageRows(), report.events(),
                report.dirtRows(), report.customers(), report.subscriptions(), report.bytes() / 1e6, seconds,
                report.usageRows() / Math.max(seconds, 1e-9));
    }
}
