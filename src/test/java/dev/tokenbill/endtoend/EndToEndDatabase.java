package dev.tokenbill.endtoend;

import dev.tokenbill.testsupport.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database the real jar runs on in an end-to-end test, a dimension of those tests: the H2 file of a default
 * installation, or PostgreSQL as production runs it (the {@code postgres} profile and {@code SPRING_DATASOURCE_*}),
 * on the test JVM's one embedded server ({@link EmbeddedPostgresServer}) with a new database for every test case.
 */
enum EndToEndDatabase {

    H2 {
        @Override
        JarDatabase fresh(Path dir) {
            Path file = dir.resolve("db");
            return new JarDatabase("jdbc:h2:file:" + file, "sa", Map.of("TOKENBILL_DB", file.toString()));
        }
    },

    POSTGRES {
        @Override
        JarDatabase fresh(Path dir) {
            String url = EmbeddedPostgresServer.createDatabase();
            String user = EmbeddedPostgresServer.USER;
            return new JarDatabase(url, user, Map.of("SPRING_PROFILES_ACTIVE", "postgres", "SPRING_DATASOURCE_URL", url,
                    "SPRING_DATASOURCE_USERNAME", user, "SPRING_DATASOURCE_PASSWORD", ""));
        }
    };

    /** A new, empty database for the test case working in {@code dir}. */
    abstract JarDatabase fresh(Path dir);

    /** A database the jar is pointed at by {@code environment} (variables of its process), and how a test reads it. */
    record JarDatabase(String url, String user, Map<String, String> environment) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, "");
        }

        /** True while no tokenbill process has created (H2) or migrated (PostgreSQL) the database. */
        boolean isUntouched() throws SQLException {
            if (url.startsWith("jdbc:h2:file:")) {
                return !Files.exists(Path.of(url.substring("jdbc:h2:file:".length()) + ".mv.db"));
            }
            try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select count(*) from information_schema.tables where table_schema = current_schema()")) {
                rs.next();
                return rs.getInt(1) == 0;
            }
        }
    }
}
