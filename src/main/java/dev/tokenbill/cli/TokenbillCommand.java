package dev.tokenbill.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: {@code tokenbill <run|restart|status|stop|generate|worker>}; on its own, a usage error. */
@Command(name = "tokenbill", mixinStandardHelpOptions = true, version = "tokenbill 0.1.0",
        description = "Batch billing engine for AI model providers. --help and --version need no database.",
        subcommands = {RunCommand.class, RestartCommand.class, StatusCommand.class, StopCommand.class, GenerateCommand.class,
                WorkerCommand.class})
public class TokenbillCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("tokenbill: a command is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE.code();
    }
}
