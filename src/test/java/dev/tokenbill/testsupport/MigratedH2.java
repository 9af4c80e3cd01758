package dev.tokenbill.testsupport;

import dev.tokenbill.database.BatchSchemaMigration;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh in-memory H2 database with the project's Flyway migrations applied, for tests without a Spring context. */
public final class MigratedH2 {

    private MigratedH2() {
    }

    public static JdbcTemplate create(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .javaMigrations(new BatchSchemaMigration()).load().migrate();
        return new JdbcTemplate(ds);
    }
}
