package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.period.BillingPeriod;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Remote partitioning on the real jar (issue 16): a manager and two worker JVMs as separate processes on this machine,
 * the broker over TCP on loopback (the manager's embedded one, with a user and password), one shared embedded
 * PostgreSQL, the input and output on the one filesystem they all see. Whatever happens, a remote run leaves exactly
 * what one JVM on H2 leaves for the same input: invoices, lines, tiers, numbers, credit applications, charges.csv,
 * run.json (less timings) and the text of every PDF.
 */
class RemotePartitioningEndToEndIT {

    private static final String PERIOD = "2026-10";
    /** Partitions per partitioned step: more than the two workers, so each takes several. */
    private static final String PARTITIONS = "--tokenbill.partitions=6";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path work;

    static Path input;
    static RunSnapshot oneJvm;
    static JsonNode oneJvmRunJson;

    @BeforeAll
    static void generateInputAndBillItInOneJvm() throws Exception {
        // given: 200 customers, 20,000 events in 4 usage files, with duplicates and bad rows
        input = work.resolve("input");
        SyntheticInput.write(input, new GeneratorSpec(200, 20_000, BillingPeriod.parse(PERIOD), 20261203L, 4, 0.003));
        Path dir = work.resolve("one-jvm");
        EndToEndDatabase.JarDatabase h2 = EndToEndDatabase.H2.fresh(dir);
        TokenbillProcess.Result result = TokenbillProcess.run(dir, h2, "run", "--period", PERIOD, "--final", "--input",
                input.toString(), "--output", dir.resolve("out").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        oneJvm = RunSnapshot.of(h2, dir.resolve("out").resolve(PERIOD));
        oneJvmRunJson = RunJson.comparable(dir.resolve("out").resolve(PERIOD));
        assertThat(oneJvm.invoices()).hasSizeGreaterThan(150);
        assertThat(oneJvm.pdfText()).hasSameSizeAs(oneJvm.invoices());
    }

    @Test
    void managerAndTwoWorkers_billExactlyAsOneJvm() throws Exception {
        Path dir = work.resolve("remote");
        try (RemoteCluster cluster = RemoteCluster.onLoopback(dir)) {
            // given: a manager running a final period remotely, and two workers
            Path out = dir.resolve("out");
            List<TokenbillProcess> workers = cluster.workers(dir.resolve("worker-1"), dir.resolve("worker-2"));
            TokenbillProcess first = workers.get(0);
            TokenbillProcess second = workers.get(1);
            TokenbillProcess manager = cluster.manager(dir.resolve("manager"), TIMEOUT, "run", "--period", PERIOD,
                    "--final", "--input", input.toString(), "--output", out.toString(), PARTITIONS);

            // when: the run ends
            TokenbillProcess.Result result = manager.await(5, TimeUnit.MINUTES);

            // then: it completed, both workers did part of the work, and the result is the one JVM's
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(PartitionLog.completed(first.output())).as(first.output()).isNotEmpty();
            assertThat(PartitionLog.completed(second.output())).as(second.output()).isNotEmpty();
            assertSameAsOneJvm(cluster.snapshot(out.resolve(PERIOD)), out.resolve(PERIOD));
            // and the workers stop on SIGTERM with exit 0
            assertThat(first.terminate(30).exitCode()).isZero();
            assertThat(second.terminate(30).exitCode()).isZero();
        }
    }

    @Test
    void workerKilledMidPartition_managerFailsWithinTheTimeout_restartRedoesOnlyThatPartition() throws Exception {
        Duration timeout = Duration.ofSeconds(60);
        String step = "renderInvoicesPartition";
        Path dir = work.resolve("killed");
        try (RemoteCluster cluster = RemoteCluster.onLoopback(dir)) {
            // given: a remote final run, and one of its two workers killed with SIGKILL while it renders a partition
            Path out = dir.resolve("out");
            List<TokenbillProcess> workers = cluster.workers(dir.resolve("worker-1"), dir.resolve("worker-2"));
            TokenbillProcess first = workers.get(0);
            TokenbillProcess second = workers.get(1);
            TokenbillProcess manager = cluster.manager(dir.resolve("manager"), timeout, "run", "--period", PERIOD,
                    "--final", "--input", input.toString(), "--output", out.toString(), PARTITIONS);
            TokenbillProcess victim = awaitPartitionStart(step, manager, first, second);
            // the worker logs the start before Spring Batch marks the partition STARTED: kill it once it is, so that
            // the partition dies in the middle (a partition never marked is "not taken", a case of its own)
            awaitStatus(cluster, PartitionLog.of(step, inFlight(victim.output())).iterator().next(), "STARTED", manager);
            victim.kill();
            long killedAt = System.nanoTime();
            Set<String> inFlight = inFlight(victim.output());
            assertThat(PartitionLog.of(step, inFlight)).as("a %s partition was running when the worker died:%n%s",
                    step, victim.output()).isNotEmpty();
            TokenbillProcess survivor = victim == first ? second : first;

            // when: the manager notices
            TokenbillProcess.Result failed = manager.await(timeout.toSeconds() + 120, TimeUnit.SECONDS);
            long secondsToFail = (System.nanoTime() - killedAt) / 1_000_000_000;

            // then: the run fails once the dead partition has made no progress for the timeout (and the survivor has
            // finished the other partitions: on a busy machine that can take a while), naming the dead partition
            assertThat(failed.exitCode()).as(failed.output()).isEqualTo(2);
            assertThat(failed.output()).contains("failed in step renderInvoices")
                    .contains(PartitionLog.of(step, inFlight).iterator().next() + ": its worker made no progress for "
                            + timeout.toSeconds() + " s")
                    .doesNotContain("Exception");
            assertThat(secondsToFail).as(failed.output()).isBetween(timeout.toSeconds(), timeout.toSeconds() + 120);
            assertThat(survivor.terminate(30).exitCode()).isZero();
            Set<String> completedBefore = new HashSet<>(PartitionLog.completed(first.output()));
            completedBefore.addAll(PartitionLog.completed(second.output()));
            // the dead partitions: in flight by the victim's log and not COMPLETED in the job repository (a partition
            // can commit its end a moment before the kill, while its "COMPLETED" log line is not yet written)
            Set<String> dead = new LinkedHashSet<>();
            for (String partition : PartitionLog.of(step, inFlight)) {
                if (!"COMPLETED".equals(cluster.stepStatus(partition))) {
                    dead.add(partition);
                }
            }
            assertThat(dead).as("partitions that died with the worker").isNotEmpty();

            // when: the period is restarted with two fresh workers
            List<TokenbillProcess> fresh = cluster.workers(dir.resolve("worker-3"), dir.resolve("worker-4"));
            TokenbillProcess third = fresh.get(0);
            TokenbillProcess fourth = fresh.get(1);
            TokenbillProcess restart = cluster.manager(dir.resolve("manager-restart"), timeout, "restart", "--period",
                    PERIOD);
            TokenbillProcess.Result restarted = restart.await(5, TimeUnit.MINUTES);

            // then: it completes with exactly the one JVM's result, having re-run the dead partition and no completed one
            assertThat(restarted.exitCode()).as(restarted.output()).isZero();
            Set<String> rerun = new LinkedHashSet<>(PartitionLog.started(third.output()));
            rerun.addAll(PartitionLog.started(fourth.output()));
            assertThat(rerun).as("partitions run by the restart").containsAll(dead)
                    .doesNotContainAnyElementsOf(completedBefore);
            assertSameAsOneJvm(cluster.snapshot(out.resolve(PERIOD)), out.resolve(PERIOD));
            assertThat(third.terminate(30).exitCode()).isZero();
            assertThat(fourth.terminate(30).exitCode()).isZero();
            try (Stream<Path> files = Files.list(out.resolve(PERIOD).resolve("invoices"))) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
            }
        }
    }

    @Test
    void workerSeeingOtherInputFiles_failsTheRunNamingTheFile() throws Exception {
        Path dir = work.resolve("other-input");
        try (RemoteCluster cluster = RemoteCluster.onLoopback(dir)) {
            // given: the manager reads input through /proc/self/cwd, i.e. its own directory's input (the generated
            // one); the worker's directory holds a copy whose usage/part-0002.csv has one row more
            Path managerDir = Files.createDirectories(dir.resolve("manager"));
            Files.createSymbolicLink(managerDir.resolve("input"), input);
            Path workerDir = dir.resolve("worker");
            copy(input, workerDir.resolve("input"));
            Path changed = workerDir.resolve("input/usage/part-0002.csv");
            assertThat(changed).exists();
            Files.writeString(changed, Files.readAllLines(changed).get(1) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
            TokenbillProcess worker = cluster.workers(workerDir).get(0);
            TokenbillProcess manager = cluster.manager(managerDir, TIMEOUT, "run", "--period", PERIOD, "--final",
                    "--input", "/proc/self/cwd/input", "--output", dir.resolve("out").toString(), PARTITIONS);

            // when
            TokenbillProcess.Result result = manager.await(5, TimeUnit.MINUTES);

            // then: the run fails, and the message names the file the worker sees differently
            assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
            assertThat(result.output()).contains("usage/part-0002.csv").doesNotContain("Exception");
            assertThat(worker.output()).contains("usage/part-0002.csv");
            assertThat(worker.terminate(30).exitCode()).isZero();
        }
    }

    /** The first of {@code workers} to log the start of a partition of {@code step} (while the manager runs). */
    private static TokenbillProcess awaitPartitionStart(String step, TokenbillProcess manager,
            TokenbillProcess... workers) throws Exception {
        while (manager.isAlive()) {
            for (TokenbillProcess worker : workers) {
                if (!PartitionLog.of(step, inFlight(worker.output())).isEmpty()) {
                    return worker;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run ended before a worker started a " + step + " partition:\n" + manager.output());
    }

    private static void awaitStatus(RemoteCluster cluster, String partition, String status, TokenbillProcess manager)
            throws Exception {
        String seen = null;
        while (manager.isAlive()) {
            seen = cluster.stepStatus(partition);
            if (status.equals(seen)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(partition + " is " + seen + ", not " + status + ", and the run ended:\n"
                + manager.output());
    }

    /** Partitions a worker's output shows started and not completed. */
    private static Set<String> inFlight(String output) {
        Set<String> running = new LinkedHashSet<>(PartitionLog.started(output));
        running.removeAll(PartitionLog.completed(output));
        return running;
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private static void assertSameAsOneJvm(RunSnapshot actual, Path periodDir) {
        assertThat(actual.invoices()).containsExactlyElementsOf(oneJvm.invoices());
        assertThat(actual.lines()).containsExactlyElementsOf(oneJvm.lines());
        assertThat(actual.tiers()).containsExactlyElementsOf(oneJvm.tiers());
        assertThat(actual.credits()).containsExactlyElementsOf(oneJvm.credits());
        assertThat(actual.sequence()).containsExactlyElementsOf(oneJvm.sequence());
        assertThat(actual.charges()).isEqualTo(oneJvm.charges());
        assertThat(actual.pdfText()).isEqualTo(oneJvm.pdfText());
        assertThat(RunJson.comparable(periodDir)).isEqualTo(oneJvmRunJson);
    }
}
