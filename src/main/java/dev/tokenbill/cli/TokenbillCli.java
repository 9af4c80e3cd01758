package dev.tokenbill.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Runs the picocli command line inside the Spring context; its exit code becomes the JVM's.
 * {@code tokenbill.cli.enabled=false} (default true) leaves it out, for tests that start the context.
 */
@Component
@ConditionalOnBooleanProperty(name = "tokenbill.cli.enabled", matchIfMissing = true)
public class TokenbillCli implements CommandLineRunner, ExitCodeGenerator {

    private final CommandLine.IFactory factory;
    private int exitCode;

    public TokenbillCli(SpringCommandFactory factory) {
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        CommandLine commandLine = new CommandLine(new TokenbillCommand(), factory);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("tokenbill: " + OneLine.of(e));
            return 1;
        });
        exitCode = commandLine.execute(withoutSpringProperties(args));
    }

    /** {@code --tokenbill.x=y} and {@code --spring.x=y} are settings for Spring (already applied), not CLI options. */
    static String[] withoutSpringProperties(String... args) {
        return java.util.Arrays.stream(args).filter(a -> !a.matches("--[A-Za-z][\\w-]*\\.[^=\\s]+=.*"))
                .toArray(String[]::new);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
