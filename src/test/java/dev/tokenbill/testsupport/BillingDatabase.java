package dev.tokenbill.testsupport;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test helpers on the billing database. */
public final class BillingDatabase {

    private BillingDatabase() {
    }

    /**
     * Empties every table of the PostgreSQL test database except Flyway's history: the job
     * repository and tokenbill's own tables (including any added by later migrations), so each
     * test starts as if no period had ever been billed. Sequences are left as they are.
     */
    public static void reset(JdbcTemplate jdbc) {
        List<String> tables = jdbc.queryForList("select quote_ident(table_name) from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'"
                + " and table_name <> 'flyway_schema_history'", String.class);
        if (!tables.isEmpty()) {
            jdbc.execute("truncate table " + String.join(", ", tables) + " cascade");
        }
    }
}
