package dev.tokenbill;

import dev.tokenbill.cli.TokenbillCli;
import dev.tokenbill.cli.TokenbillHome;
import dev.tokenbill.job.BillingRuns;
import dev.tokenbill.job.partition.remote.RemoteSettingException;
import dev.tokenbill.job.partition.remote.RemoteWorker;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The tokenbill executable: parses the command line first, without Spring, so --help, --version, usage errors and
 * {@code generate} neither start Spring nor open or create the database (nor ./data). Spring starts only when a
 * command asks for the billing runs, and is closed before the JVM exits with the command's code.
 */
@SpringBootApplication
public class TokenbillApplication {

    public static void main(String[] args) {
        TokenbillHome.publish(); // only a system property: creates nothing, so --help still leaves no ./data
        LazyContext context = new LazyContext(args);
        int code;
        try {
            code = TokenbillCli.execute(context, () -> {
                // the worker command: remote mode, with the worker side of it, set before Spring starts
                System.setProperty("tokenbill.remote.enabled", "true");
                System.setProperty("tokenbill.remote.worker", "true");
                return context.bean(RemoteWorker.class);
            }, args);
        } finally {
            context.close();
        }
        System.exit(code);
    }

    /** Starts Spring on first use; the arguments go to Spring too, for its {@code --spring.x=} and {@code --tokenbill.x=}. */
    private static final class LazyContext implements Supplier<BillingRuns> {

        private final String[] args;
        private ConfigurableApplicationContext context;

        LazyContext(String[] args) {
            this.args = args;
        }

        @Override
        public BillingRuns get() {
            return bean(BillingRuns.class);
        }

        <T> T bean(Class<T> type) {
            if (context == null) {
                try {
                    context = SpringApplication.run(TokenbillApplication.class, args);
                } catch (RuntimeException e) {
                    throw startFailure(e);
                }
            }
            return context.getBean(type);
        }

        void close() {
            if (context != null) {
                SpringApplication.exit(context);
            }
        }
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

    private static RuntimeException startFailure(RuntimeException e) {
        if (inUse(e)) {
            return new BillingRuns.RunRefusedException("the database is in use by another tokenbill process: a run is"
                    + " already running (wait for it, or stop it with SIGTERM; if that process died, 'restart' the period)");
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RemoteSettingException setting) {
                return setting; // a setting remote mode needs: a usage error (64), with the message as it is
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (String.valueOf(root.getMessage()).contains("${SPRING_DATASOURCE_URL}")) {
            return new IllegalStateException("cannot start: the postgres profile needs SPRING_DATASOURCE_URL (or"
                    + " --spring.datasource.url=), e.g. jdbc:postgresql://db.example.com:5432/tokenbill");
        }
        return new IllegalStateException("cannot start: " + String.valueOf(root.getMessage()).lines().findFirst()
                .orElse("") + " (details in the log)");
    }
}
