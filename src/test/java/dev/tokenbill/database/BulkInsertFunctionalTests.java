package dev.tokenbill.database;

import static dev.tokenbill.database.BulkInsert.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tokenbill.testsupport.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link BulkInsert} on a real PostgreSQL (COPY) and on H2 (a JDBC batch): every value comes back as it went in,
 * awkward strings and nulls included, and the rows belong to the caller's transaction (a rollback leaves none: a
 * rating chunk that fails is written again whole by the restart).
 */
class BulkInsertFunctionalTests {

    private static final BulkInsert ROWS = BulkInsert.into("bulk_probe", column("id", Types.BIGINT),
            column("position", Types.INTEGER), column("label", Types.VARCHAR), column("amount", Types.NUMERIC),
            column("flag", Types.BOOLEAN), column("issued", Types.DATE));

    private static DataSource dataSource(String database) {
        if (database.equals("postgresql")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(EmbeddedPostgresServer.createDatabase());
            ds.setUser(EmbeddedPostgresServer.USER);
            return ds;
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:bulk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    private static JdbcTemplate table(DataSource ds) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.execute("create table bulk_probe (id bigint not null, position integer, label varchar(200),"
                + " amount numeric(38, 12), flag boolean, issued date)");
        return jdbc;
    }

    private static List<Object[]> rows() {
        return List.of(
                new Object[] {1L, 1, "All models, input tokens", new BigDecimal("12.340000000000"), true,
                        LocalDate.of(2026, 10, 1)},
                new Object[] {2L, null, null, null, null, null},
                new Object[] {3L, 3, "tab\there, line\nbreak, return\r, backslash \\ and \\N", new BigDecimal("-0.000000000001"),
                        false, LocalDate.of(2026, 10, 31)},
                new Object[] {4L, 4, "\\N", new BigDecimal("99999999999999999999999999.999999999999"), true,
                        LocalDate.of(2026, 2, 28)},
                new Object[] {5L, 5, "Gutschrift für Müller, 12.345,67 € (Montant crédité)", new BigDecimal("1E+3"), false,
                        LocalDate.of(2027, 1, 1)});
    }

    private static List<List<Object>> readBack(JdbcTemplate jdbc) {
        return jdbc.query("select id, position, label, amount, flag, issued from bulk_probe order by id", (rs, n) -> {
            BigDecimal amount = rs.getBigDecimal(4);
            java.sql.Date issued = rs.getDate(6);
            return Arrays.asList(rs.getLong(1), (Integer) rs.getObject(2), rs.getString(3),
                    amount == null ? null : amount.stripTrailingZeros(), (Boolean) rs.getObject(5),
                    issued == null ? null : issued.toLocalDate());
        });
    }

    private static List<List<Object>> expected() {
        List<List<Object>> expected = new ArrayList<>();
        for (Object[] row : rows()) {
            List<Object> values = new ArrayList<>(Arrays.asList(row));
            values.set(3, values.get(3) == null ? null : ((BigDecimal) values.get(3)).stripTrailingZeros());
            expected.add(values);
        }
        return expected;
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void testInsert_ReadsBackEveryValueAsWritten(String database) {
        DataSource ds = dataSource(database);
        JdbcTemplate jdbc = table(ds);
        new TransactionTemplate(new DataSourceTransactionManager(ds)).executeWithoutResult(s -> ROWS.insert(jdbc, rows()));

        List<List<Object>> back = readBack(jdbc);

        assertEquals(expected(), back);
        // the string "\N" is text, not a null; the one null label is row 2's
        assertEquals(1, jdbc.queryForObject("select count(*) from bulk_probe where label is null", Integer.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void testInsert_IsPartOfTheCallersTransaction(String database) {
        DataSource ds = dataSource(database);
        JdbcTemplate jdbc = table(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));

        assertThrows(IllegalStateException.class, () -> tx.executeWithoutResult(s -> {
            ROWS.insert(jdbc, rows());
            throw new IllegalStateException("the chunk fails after its rows were written");
        }));

        assertEquals(0, jdbc.queryForObject("select count(*) from bulk_probe", Integer.class));
        ROWS.insert(jdbc, List.of()); // nothing to write: no statement at all
        assertEquals(0, jdbc.queryForObject("select count(*) from bulk_probe", Integer.class));
    }
}
