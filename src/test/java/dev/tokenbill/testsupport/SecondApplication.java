package dev.tokenbill.testsupport;

import dev.tokenbill.TokenbillApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second tokenbill application beside a test's own context, on a PostgreSQL database of its own,
 * for comparing runs made with other settings (threads, chunk sizes). Close it after use.
 */
public final class SecondApplication {

    private SecondApplication() {
    }

    /** Starts one with the CLI off, a quiet console and these extra {@code key=value} properties. */
    public static ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of("tokenbill.cli.enabled=false",
                "logging.file.name=target/tokenbill-test.log", "logging.threshold.console=WARN"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(TokenbillApplication.class)
                .initializers(new EmbeddedPostgresInitializer())
                .properties(all.toArray(String[]::new))
                .run();
    }
}
