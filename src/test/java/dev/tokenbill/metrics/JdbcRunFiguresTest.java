package dev.tokenbill.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.testsupport.MigratedH2;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The usage outcomes read from usage_file on H2 (which names columns in upper case): without a {@code late} column
 * there is no late outcome; with one (the late-usage change's V8 migration adds it) it is read like the others. Each
 * test sets the column up itself, so both hold before and after that migration.
 */
class JdbcRunFiguresTest {

    private final JdbcTemplate jdbc = MigratedH2.create("run-figures");

    @Test
    void usageOutcomes_WithoutALateColumn_AreTheFourOfRunJson() {
        // given a usage_file without the late column, and 12 rows read = 7 accepted + 2 duplicates + 1 rejected + 2 out
        // of period
        jdbc.execute("alter table usage_file drop column if exists late");
        jdbc.update("insert into usage_file (run_id, file_name, rows_read, accepted, duplicates, rejected, out_of_period)"
                + " values (5, 'a.csv', 12, 7, 2, 1, 2)");

        // when
        RunFigures figures = new JdbcRunFigures(jdbc).of(5);

        // then
        assertThat(figures.files()).singleElement().satisfies(file -> {
            assertThat(file.file()).isEqualTo("a.csv");
            assertThat(file.read()).isEqualTo(12);
            assertThat(file.outcomes()).isEqualTo(Map.of("accepted", 7L, "duplicate", 2L, "rejected", 1L,
                    "out_of_period", 2L));
        });
    }

    @Test
    void usageOutcomes_WithALateColumn_IncludeLate() {
        // given the column the late-usage change adds, and 12 rows read = 6 + 2 + 1 + 2 + 1 late
        jdbc.execute("alter table usage_file add column if not exists late bigint default 0 not null");
        jdbc.update("insert into usage_file (run_id, file_name, rows_read, accepted, duplicates, rejected, out_of_period,"
                + " late) values (5, 'a.csv', 12, 6, 2, 1, 2, 1)");

        // when
        RunFigures figures = new JdbcRunFigures(jdbc).of(5);

        // then
        assertThat(figures.files()).singleElement().satisfies(file -> assertThat(file.outcomes()).isEqualTo(
                Map.of("accepted", 6L, "duplicate", 2L, "rejected", 1L, "out_of_period", 2L, "late", 1L)));
    }
}
