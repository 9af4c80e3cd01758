package dev.tokenbill;

import dev.tokenbill.cli.GenerateCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The tokenbill executable: starts Spring, runs one CLI command, exits with its code. {@code generate} only writes
 * files, so it runs without Spring: it neither opens nor creates the database (nor ./data).
 */
@SpringBootApplication
public class TokenbillApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("generate")) {
            System.exit(GenerateCommand.standalone().execute(Arrays.copyOfRange(args, 1, args.length)));
            return;
        }
        ConfigurableApplicationContext context;
        try {
            context = SpringApplication.run(TokenbillApplication.class, args);
        } catch (RuntimeException e) {
            System.err.println("tokenbill: " + startFailure(e));
            System.exit(inUse(e) ? 4 : 1);
            return;
        }
        System.exit(SpringApplication.exit(context));
    }

    /** The embedded H2 file admits one process: a second one (a second run, say) is refused here. */
    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Database may be already in use")) {
                return true;
            }
        }
        return false;
    }

    private static String startFailure(Throwable e) {
        if (inUse(e)) {
            return "the database is in use by another tokenbill process: a run is already running (wait for it,"
                    + " or stop it with SIGTERM; if that process died, 'restart' the period)";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "cannot start: " + String.valueOf(root.getMessage()).lines().findFirst().orElse("") + " (details in the log)";
    }
}
