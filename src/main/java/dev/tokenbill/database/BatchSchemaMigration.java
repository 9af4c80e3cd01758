package dev.tokenbill.database;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Flyway migration 1: creates the Spring Batch job repository by running the schema script that
 * ships inside spring-batch-core for the connected database (H2 or PostgreSQL), so the job
 * repository and tokenbill's own tables (V2 onwards) are versioned together.
 */
public class BatchSchemaMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "spring batch job repository";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        String platform = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : null;
        if (platform == null) {
            throw new IllegalStateException("tokenbill supports H2 and PostgreSQL, not " + product);
        }
        ScriptUtils.executeSqlScript(connection,
                new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
    }
}
