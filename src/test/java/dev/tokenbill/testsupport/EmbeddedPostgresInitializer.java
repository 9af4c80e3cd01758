package dev.tokenbill.testsupport;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at a fresh database on the shared {@link EmbeddedPostgresServer}.
 * Spring caches contexts by configuration, so test classes with the same configuration share one
 * context and one database; use {@link BillingDatabase#reset} between tests that need a clean one.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "spring.datasource.url=" + EmbeddedPostgresServer.createDatabase(),
                "spring.datasource.username=" + EmbeddedPostgresServer.USER,
                "spring.datasource.password=",
                "spring.datasource.driver-class-name=org.postgresql.Driver")
                .applyTo(context);
    }
}
