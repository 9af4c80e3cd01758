package dev.tokenbill.cli;

import static dev.tokenbill.cli.ExitCode.REFUSED;
import static dev.tokenbill.cli.ExitCode.SUCCESS;
import static dev.tokenbill.cli.ExitCode.UNEXPECTED;
import static dev.tokenbill.cli.ExitCode.USAGE;

import dev.tokenbill.job.BillingRuns;
import dev.tokenbill.job.partition.remote.RemoteSettingException;
import dev.tokenbill.job.partition.remote.RemoteWorker;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, built and parsed without Spring: --help, --version and usage errors answer at once and touch no
 * database. A command that works on billing runs starts Spring through the supplier only when it executes.
 */
public final class TokenbillCli {

    private static final ExitCode[] NO_RUN = {SUCCESS, UNEXPECTED, REFUSED, USAGE};

    /** The codes each command can end with, for its --help footer; a run's outcome adds 2 and 3. */
    private static final Map<String, ExitCode[]> CODES = Map.of("run", ExitCode.values(), "restart", ExitCode.values(),
            "status", NO_RUN, "stop", NO_RUN, "generate", NO_RUN, "worker", new ExitCode[] {SUCCESS, UNEXPECTED, USAGE});

    private TokenbillCli() {
    }

    /** Runs the command of {@code args} and returns its exit code; {@code runs} is asked for only by a command that needs it. */
    public static int execute(Supplier<BillingRuns> runs, String... args) {
        return execute(runs, () -> {
            throw new IllegalStateException("no worker here");
        }, args);
    }

    /** As {@link #execute(Supplier, String...)}; {@code worker} (starting Spring too) is asked for by {@code worker} only. */
    public static int execute(Supplier<BillingRuns> runs, Supplier<RemoteWorker> worker, String... args) {
        return commandLine(runs, worker).execute(withoutSpringProperties(args));
    }

    static CommandLine commandLine(Supplier<BillingRuns> runs) {
        return commandLine(runs, () -> {
            throw new IllegalStateException("no worker here");
        });
    }

    static CommandLine commandLine(Supplier<BillingRuns> runs, Supplier<RemoteWorker> worker) {
        CommandLine cli = new CommandLine(new TokenbillCommand(), new CommandFactory(runs, worker));
        ExitCode.document(cli.getCommandSpec(), ExitCode.values());
        cli.getSubcommands().forEach((name, sub) -> ExitCode.document(sub.getCommandSpec(), CODES.get(name)));
        return handled(cli);
    }

    /** One command outside the tree (picocli cannot execute a subcommand on its own), named and handled alike. */
    static CommandLine standalone(Object command, String name) {
        CommandLine cli = new CommandLine(command);
        cli.setCommandName("tokenbill " + name);
        ExitCode.document(cli.getCommandSpec(), CODES.get(name));
        return handled(cli);
    }

    private static CommandLine handled(CommandLine cli) {
        cli.setParameterExceptionHandler(TokenbillCli::usageError);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> unexpected(e, cmd.getErr()));
        return cli;
    }

    /** {@code --tokenbill.x=y} and {@code --spring.x=y} are settings for Spring, not CLI options. */
    static String[] withoutSpringProperties(String... args) {
        return Arrays.stream(args).filter(a -> !a.matches("--[A-Za-z][\\w-]*\\.[^=\\s]+=.*")).toArray(String[]::new);
    }

    /** One line saying what is wrong, the synopsis, and where the options are explained. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.print("Usage: " + cmd.getHelp().synopsis("Usage: ".length()));
        err.println("See '" + name + " --help' for the options and exit codes.");
        err.flush();
        return USAGE.code();
    }

    static int unexpected(Exception e, PrintWriter err) {
        if (e instanceof BillingRuns.RunRefusedException) {
            err.println("tokenbill: " + e.getMessage());
            return REFUSED.code();
        }
        if (e instanceof RemoteSettingException) {
            err.println("tokenbill: " + e.getMessage());
            return USAGE.code();
        }
        err.println("tokenbill: " + OneLine.of(e));
        return UNEXPECTED.code();
    }
}
