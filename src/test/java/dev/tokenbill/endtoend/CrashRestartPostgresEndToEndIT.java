package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.api.Test;

/**
 * {@link CrashRestartEndToEndIT} with the jar on PostgreSQL (the {@code postgres} profile), a new database per case;
 * and the uninterrupted run on PostgreSQL leaves exactly what it leaves on an H2 file.
 */
class CrashRestartPostgresEndToEndIT extends CrashRestartEndToEndIT {

    @Override
    EndToEndDatabase database() {
        return EndToEndDatabase.POSTGRES;
    }

    /**
     * On PostgreSQL, one kill in each kind of partitioned step (usage buckets, rating chunks, rendering) rather than
     * all eight: the database-independent cases run on H2, and the
     * whole matrix twice would take CI over its time limit (each case is a JVM start, a kill and a restart).
     */
    @Override
    Stream<Arguments> killPoints() {
        return Stream.of(Arguments.of("sumUsage", "usage pass 2:", 0L), Arguments.of("rateCustomers", null, 300L),
                Arguments.of("renderInvoices", null, 600L));
    }

    @Test
    void uninterruptedOnH2_givesTheUninterruptedResultOnPostgres() throws Exception {
        // given: the same input billed final on an H2 file
        Path dir = work.resolve("uninterrupted-h2");
        EndToEndDatabase.JarDatabase h2 = EndToEndDatabase.H2.fresh(dir);

        // when
        TokenbillProcess.Result result = TokenbillProcess.run(dir, h2, "run", "--period", "2026-10", "--final",
                "--input", input.toString(), "--output", dir.resolve("out").toString());

        // then: rows, numbers, charges.csv and the PDFs' text are PostgreSQL's (uninterrupted, from @BeforeAll)
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertSameAsUninterrupted(RunSnapshot.of(h2, dir.resolve("out/2026-10")));
    }
}
