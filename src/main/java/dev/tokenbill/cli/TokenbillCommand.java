package dev.tokenbill.cli;

import picocli.CommandLine.Command;

/** The top-level command: {@code tokenbill <run|restart|status|stop|generate>}. */
@Command(name = "tokenbill", mixinStandardHelpOptions = true, version = "tokenbill 0.1.0",
        description = "Batch billing engine for AI model providers.",
        subcommands = {RunCommand.class, RestartCommand.class, StatusCommand.class, StopCommand.class, GenerateCommand.class})
public class TokenbillCommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "a command is needed: run, restart, status, stop or generate (see --help)");
    }
}
