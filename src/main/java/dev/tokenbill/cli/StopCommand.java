package dev.tokenbill.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stop --period P}: asks the running run of a period to stop at its next chunk boundary. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop a running run gracefully at a chunk boundary.")
public class StopCommand extends RunsCommand {

    @Option(names = "--period", required = true, paramLabel = "PERIOD", converter = PeriodConverter.class,
            description = "The period whose running run to stop.")
    String period;

    @Override
    public Integer call() throws Exception {
        var stopped = runs().stop(period);
        if (stopped.isEmpty()) {
            err().println("tokenbill: no running run of period " + period);
            return ExitCode.REFUSED.code();
        }
        out().println("tokenbill: asked execution " + stopped.get().getId()
                + " to stop at its next chunk boundary; resume it with 'tokenbill restart --period " + period + "'");
        return ExitCode.SUCCESS.code();
    }
}
