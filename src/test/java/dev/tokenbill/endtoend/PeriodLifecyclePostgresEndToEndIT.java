package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link PeriodLifecycleEndToEndIT} with the jar on PostgreSQL (the {@code postgres} profile), a new database per
 * case; and what only PostgreSQL allows: runs of different periods side by side, from two processes.
 */
class PeriodLifecyclePostgresEndToEndIT extends PeriodLifecycleEndToEndIT {

    @Override
    EndToEndDatabase database() {
        return EndToEndDatabase.POSTGRES;
    }

    @Test
    void draftsOfTwoPeriods_startedTogether_bothComplete() throws Exception {
        // given: one database
        Path dir = work.resolve("side-by-side");
        EndToEndDatabase.JarDatabase db = database().fresh(dir);
        assertThat(run(dir, db, "status").exitCode()).isZero(); // migrates it, so the two runs start alike

        // when: drafts of October and November start at the same moment, in two processes
        TokenbillProcess october = TokenbillProcess.start(dir, db, "run", "--period", "2026-10", "--input",
                input.toString(), "--output", dir.resolve("out").toString());
        TokenbillProcess november = TokenbillProcess.start(dir, db, "run", "--period", "2026-11", "--input",
                input.toString(), "--output", dir.resolve("out").toString());
        TokenbillProcess.Result octoberDone = october.finish("run --period 2026-10");
        TokenbillProcess.Result novemberDone = november.finish("run --period 2026-11");

        // then: neither refuses nor disturbs the other; each has its drafts' invoices, unnumbered
        assertThat(octoberDone.exitCode()).as(octoberDone.output()).isZero();
        assertThat(novemberDone.exitCode()).as(novemberDone.output()).isZero();
        assertThat(octoberDone.output()).contains("draft run of 2026-10 completed");
        assertThat(novemberDone.output()).contains("draft run of 2026-11 completed");
        // the 13 sample customers but pixelmoth (daily) in October; in November all monthly subscriptions still
        // active on 2026-11-01: the 12 monthly ones but sub-0003 (ended 2026-10-15) and sub-0008 (ended 2026-10-20)
        assertThat(query(db, "select count(*) from invoice where period = '2026-10' and status = 'DRAFT'"))
                .containsExactly("12");
        assertThat(query(db, "select count(*) from invoice where period = '2026-11' and status = 'DRAFT'"))
                .containsExactly("11");
    }
}
