package dev.tokenbill.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A test of the whole application context on a real PostgreSQL (see {@link EmbeddedPostgresInitializer}),
 * with spring-batch-test's utilities ({@code JobOperatorTestUtils}, {@code JobRepositoryTestUtils}).
 * The command line runner is left out (it would run picocli with no arguments); the log goes to
 * target/tokenbill-test.log rather than the operator's ./data/, and the console shows warnings only.
 * Every class with this annotation and no other configuration shares one context (and database),
 * so the job's PDF template is compiled once per test JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = {"tokenbill.cli.enabled=false", "logging.file.name=target/tokenbill-test.log",
        "logging.threshold.console=WARN"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@SpringBatchTest
public @interface BillingJobTest {
}
