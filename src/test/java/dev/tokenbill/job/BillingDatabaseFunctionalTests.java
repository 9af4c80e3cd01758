package dev.tokenbill.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.cli.TokenbillCli;
import dev.tokenbill.testsupport.BillingJobTest;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job's database as the tests get it: real PostgreSQL, migrated by Flyway, no CLI run at startup. */
@BillingJobTest
class BillingDatabaseFunctionalTests {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private ApplicationContext context;

    @Test
    void migrations_CreateTheJobRepositoryAndBillingTablesOnPostgreSql() throws Exception {
        // given the test context's database

        // when
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        }
        List<Map<String, Object>> history = jdbc.queryForList(
                "select version, success from flyway_schema_history where version is not null order by installed_rank");

        // then
        assertThat(product).isEqualTo("PostgreSQL");
        assertThat(history).extracting(r -> r.get("version")).startsWith("1", "2");
        assertThat(history).allSatisfy(r -> assertThat(r.get("success")).isEqualTo(true));
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = current_schema()", String.class);
        assertThat(tables).contains("batch_job_instance", "batch_job_execution", "batch_step_execution",
                "billing_run", "customer", "subscription", "usage_file", "usage_reject", "usage_total", "usage_daily",
                "invoice", "invoice_line", "invoice_line_tier", "invoice_sequence");
    }

    @Test
    void commandLineRunner_IsLeftOutOfTheTestContext() {
        // given tokenbill.cli.enabled=false (set by @BillingJobTest)

        // when
        String[] runners = context.getBeanNamesForType(TokenbillCli.class);

        // then: picocli never ran with the test JVM's (empty) arguments
        assertThat(runners).isEmpty();
        assertThat(context.getBeanNamesForType(BillingRuns.class)).hasSize(1);
    }
}
