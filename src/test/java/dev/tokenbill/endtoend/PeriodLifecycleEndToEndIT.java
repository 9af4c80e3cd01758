package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tokenbill.testsupport.Fixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The period lifecycle of issue 14 on the real jar, in the orders an operator meets it: a failed final and a draft,
 * a draft after the close, and a month that fails mid-rating while the next one waits.
 *
 * <p>The input is the shipped sample (October 2026, twelve customers) with a cost pool for November as well, so the
 * same directory also bills November: open-ended subscriptions pay their fees, October's usage is out of period.
 * On an H2 file here; on PostgreSQL in {@link PeriodLifecyclePostgresEndToEndIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeriodLifecycleEndToEndIT {

    @TempDir
    static Path work;

    Path input;

    /** The database every run of this class is on; each test case gets a new one. */
    EndToEndDatabase database() {
        return EndToEndDatabase.H2;
    }

    @BeforeAll
    void sampleWithNovemberCosts() throws Exception {
        input = Fixtures.copyOfSample(work.resolve("input"));
        Files.writeString(input.resolve("costs.csv"), "2026-11,gpu-fleet,900.00,USD\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
    }

    @Test
    void finalFailedBeforeValidation_thenDraft_thenTheFinalCompletes() throws Exception {
        assumeTrue(database() == EndToEndDatabase.H2, "lifecycle rules that do not depend on the database: on H2 only (CI time)");
        // given: a final run started with a wrong input directory
        Path dir = work.resolve("stillborn");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        var failed = run(dir, db, "run", "--period", "2026-10", "--final", "--input", "/no/such/dir");
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(2);

        // when: the operator runs a draft, then the final, with the right directory
        var draft = run(dir, db, "run", "--period", "2026-10", "--input", input.toString());
        var fin = run(dir, db, "run", "--period", "2026-10", "--final", "--input", input.toString());

        // then: both complete; the failed start (it wrote nothing) no longer blocks the month
        assertThat(draft.exitCode()).as(draft.output()).isZero();
        assertThat(fin.exitCode()).as(fin.output()).isZero();
        assertThat(fin.output()).contains("final run of 2026-10 completed");
        assertThat(numbers(db, "2026-10")).hasSize(12).first().isEqualTo("TB-000001");
    }

    @Test
    void finalFailedAfterValidation_draftRefused_restartFinishesIt() throws Exception {
        // given: a final run that fails in rateCustomers (tidewater-analytics' invoice cannot be written)
        Path dir = work.resolve("failed-final");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        assertThat(run(dir, db, "status").exitCode()).isZero(); // creates the database
        sql(db, "alter table invoice add constraint no_tidewater check (customer_id <> 'tidewater-analytics')");
        var failed = run(dir, db, "run", "--period", "2026-10", "--final", "--input", input.toString());
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(2);

        // when: a draft is tried, then the cause removed and the final restarted
        var draft = run(dir, db, "run", "--period", "2026-10", "--input", input.toString());
        var status = run(dir, db, "status", "--period", "2026-10");
        sql(db, "alter table invoice drop constraint no_tidewater");
        var restart = run(dir, db, "restart", "--period", "2026-10");

        // then: the draft is refused with the way out; the restart finishes the final
        assertThat(draft.exitCode()).as(draft.output()).isEqualTo(4);
        assertThat(draft.output()).contains("the final run of 2026-10 did not finish")
                .contains("finish it with 'restart --period 2026-10'");
        assertThat(status.output()).contains("period 2026-10 is failed final");
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(numbers(db, "2026-10")).hasSize(12);
    }

    @Test
    void finalThenDraft_draftRefused_finalOutputsByteIdentical() throws Exception {
        assumeTrue(database() == EndToEndDatabase.H2, "lifecycle rules that do not depend on the database: on H2 only (CI time)");
        // given: October billed final
        Path dir = work.resolve("final-then-draft");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        Path out = dir.resolve("out");
        assertThat(run(dir, db, "run", "--period", "2026-10", "--final", "--input", input.toString(), "--output",
                out.toString()).exitCode()).isZero();
        Path period = out.resolve("2026-10");
        List<byte[]> before = new ArrayList<>();
        for (String f : List.of("charges.csv", "summary.csv", "summary.pdf", "run.json")) {
            before.add(Files.readAllBytes(period.resolve(f)));
        }

        // when: the nightly draft of the month runs
        var draft = run(dir, db, "run", "--period", "2026-10", "--draft", "--input", input.toString(), "--output",
                out.toString());

        // then: refused, and the final's files are untouched
        assertThat(draft.exitCode()).as(draft.output()).isEqualTo(4);
        assertThat(draft.output()).contains("drafts of a final period are refused");
        int i = 0;
        for (String f : List.of("charges.csv", "summary.csv", "summary.pdf", "run.json")) {
            assertThat(Files.readAllBytes(period.resolve(f))).as(f).isEqualTo(before.get(i++));
        }
    }

    @Test
    void octoberFailsMidRating_novemberWaits_numbersFollowIssueDates() throws Exception {
        // given: October's final fails in rateCustomers after chunks of two customers have committed, quillstack's
        // (it applies part of its 1,000.00 EUR grant) among them: th-rheinau-nlp's invoice cannot be written
        // (customers in id order, two a chunk: ..., [parrot-labs, pixelmoth], [quillstack, saffron-ai],
        // [th-rheinau-nlp, tidewater-analytics])
        Path dir = work.resolve("october-fails");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        assertThat(run(dir, db, "status").exitCode()).isZero(); // creates the database
        sql(db, "alter table invoice add constraint no_rheinau check (customer_id <> 'th-rheinau-nlp')");
        var october = run(dir, db, "run", "--period", "2026-10", "--final", "--input", input.toString(),
                "--tokenbill.rating-chunk-size=2");
        assertThat(october.exitCode()).as(october.output()).isEqualTo(2);
        assertThat(october.output()).contains("failed in step rateCustomers");
        assertThat(query(db, "select count(*) from credit_applied where customer_id = 'quillstack'")).containsExactly("1");

        // when: November is billed final before October is finished
        var novemberEarly = run(dir, db, "run", "--period", "2026-11", "--final", "--input", input.toString());

        // then: refused, naming October
        assertThat(novemberEarly.exitCode()).as(novemberEarly.output()).isEqualTo(4);
        assertThat(novemberEarly.output()).contains("earlier period 2026-10 did not finish")
                .contains("restart --period 2026-10");

        // when: the cause is removed, October restarted, then November billed
        sql(db, "alter table invoice drop constraint no_rheinau");
        var restart = run(dir, db, "restart", "--period", "2026-10");
        var november = run(dir, db, "run", "--period", "2026-11", "--final", "--input", input.toString());

        // then: every October number comes before every November number
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(november.exitCode()).as(november.output()).isZero();
        List<String> oct = numbers(db, "2026-10");
        List<String> nov = numbers(db, "2026-11");
        assertThat(oct).hasSize(12); // the 13 sample customers but pixelmoth (daily)
        assertThat(nov).isNotEmpty();
        assertThat(oct.get(oct.size() - 1).compareTo(nov.get(0))).isNegative();
        // and quillstack's grant paid no more than its 1,000.00 EUR over both months
        BigDecimal applied = new BigDecimal(query(db, "select sum(amount) from credit_applied a join invoice i"
                + " on i.run_id = a.run_id and i.customer_id = a.customer_id where a.grant_id = 'G-2001'"
                + " and i.status = 'FINAL'").get(0));
        assertThat(applied).isLessThanOrEqualTo(new BigDecimal("1000.00")).isPositive();
    }

    static TokenbillProcess.Result run(Path dir, EndToEndDatabase.JarDatabase db, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (all.get(0).equals("run") && !all.contains("--output")) {
            all.addAll(List.of("--output", dir.resolve("out").toString()));
        }
        return TokenbillProcess.run(dir, db, all.toArray(String[]::new));
    }

    static List<String> numbers(EndToEndDatabase.JarDatabase db, String period) throws Exception {
        return query(db, "select invoice_number from invoice where period = '" + period + "' and status = 'FINAL'"
                + " order by invoice_number");
    }

    private static void sql(EndToEndDatabase.JarDatabase db, String statement) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static List<String> query(EndToEndDatabase.JarDatabase db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
