package dev.tokenbill.database;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * Inserts many rows into one table in the caller's transaction: on PostgreSQL with one {@code COPY ... FROM STDIN}
 * (text format), elsewhere (H2) with one JDBC batch, every parameter set with its column's SQL type (Spring's
 * {@link StatementCreatorUtils}, as JdbcTemplate sets typed parameters). A row is an
 * array of values in the order of the columns: {@code null}, {@link String}, {@link Long}, {@link Integer},
 * {@link Boolean}, {@link BigDecimal} or {@link LocalDate}.
 */
public final class BulkInsert {

    /** A column and its SQL type ({@link Types}), which a JDBC batch needs to set a null. */
    public record Column(String name, int sqlType) {
    }

    private final String table;
    private final List<Column> columns;
    private final String insert;
    private final String copy;

    private BulkInsert(String table, List<Column> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
        String names = String.join(", ", columns.stream().map(Column::name).toList());
        this.insert = "insert into " + table + " (" + names + ") values (" + "?, ".repeat(columns.size() - 1) + "?)";
        this.copy = "copy " + table + " (" + names + ") from stdin";
    }

    public static BulkInsert into(String table, Column... columns) {
        return new BulkInsert(table, List.of(columns));
    }

    public static Column column(String name, int sqlType) {
        return new Column(name, sqlType);
    }

    /** Inserts {@code rows}; nothing when there are none. */
    public void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), rows);
            } else {
                batch(connection, rows);
            }
            return null;
        });
    }

    private void copy(PGConnection connection, List<Object[]> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 64 * columns.size() / 4);
        for (Object[] row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendCopyValue(text, row[i]);
            }
            text.append('\n');
        }
        try {
            connection.getCopyAPI().copyIn(copy, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("copy into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** A value in COPY's text format: {@code \N} for null, a backslash, tab, newline or carriage return escaped. */
    static void appendCopyValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        } else if (value instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (value instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (value instanceof Long || value instanceof Integer || value instanceof LocalDate) {
            text.append(value);
        } else {
            throw new IllegalArgumentException("no COPY text for a " + value.getClass().getName());
        }
    }

    private void batch(Connection connection, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(insert)) {
            for (Object[] row : rows) {
                for (int i = 0; i < columns.size(); i++) {
                    StatementCreatorUtils.setParameterValue(ps, i + 1, columns.get(i).sqlType(), row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
