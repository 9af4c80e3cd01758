package dev.tokenbill.bench;

import dev.tokenbill.database.BatchSchemaMigration;
import dev.tokenbill.job.usage.JdbcUsageStore;
import dev.tokenbill.usage.pipeline.BilledEvent;
import dev.tokenbill.usage.pipeline.UsageSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording and reading back a final run's billed event ids on an H2 file database, the V9 blocks against the V8
 * row-per-id table, alternating in one JVM so both see the same machine load: {@code BilledEventsBench [IDS] [ROUNDS]}
 * (default 980,778 ids, the 1M benchmark's accepted events, and 3 rounds).
 */
public final class BilledEventsBench {

    public static void main(String[] args) throws Exception {
        int ids = args.length > 0 ? Integer.parseInt(args[0]) : 980_778;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("billed-bench");
        SingleConnectionDataSource ds = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "", true);
        ds.setAutoCommit(true);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new BatchSchemaMigration())
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(ds);
        // the generator's id format, in batches as the pipeline sends them
        List<BilledEvent> events = IntStream.range(0, ids)
                .mapToObj(i -> new BilledEvent(String.format("ee2b7b44e-x%08d", i), i * 31L, -i)).toList();
        for (int round = 1; round <= rounds; round++) {
            long blockRun = 2L * round;
            long rowRun = 2L * round + 1;
            double writeBlocks = seconds(() -> {
                JdbcUsageStore store = new JdbcUsageStore(jdbc, blockRun, transactions);
                for (int i = 0; i < ids; i += UsageSink.BILLED_BATCH) {
                    store.billed(events.subList(i, Math.min(ids, i + UsageSink.BILLED_BATCH)));
                }
            });
            double writeRows = seconds(() -> writeV8Rows(jdbc, new TransactionTemplate(transactions), rowRun, events));
            long[] count = new long[2];
            double readBlocks = seconds(() -> JdbcUsageStore.billedEvents(jdbc, Map.of("p", blockRun))
                    .forEach("p", (id, high, low) -> count[0]++));
            double readRows = seconds(() -> JdbcUsageStore.billedEvents(jdbc, Map.of("p", rowRun))
                    .forEach("p", (id, high, low) -> count[1]++));
            System.out.printf("round %d, %d ids: write blocks %.2f s, rows %.2f s; read blocks %.2f s (%d), rows %.2f s (%d);"
                    + " load %s%n", round, ids, writeBlocks, writeRows, readBlocks, count[0], readRows, count[1],
                    Files.readString(Path.of("/proc/loadavg")).substring(0, 14));
        }
        ds.destroy();
    }

    /** How V8 recorded them: a row per id, 1,000 rows per batch, each batch its own transaction. */
    private static void writeV8Rows(JdbcTemplate jdbc, TransactionTemplate transaction, long runId, List<BilledEvent> events) {
        for (int i = 0; i < events.size(); i += 1000) {
            List<BilledEvent> batch = new ArrayList<>(events.subList(i, Math.min(events.size(), i + 1000)));
            transaction.executeWithoutResult(status -> jdbc.batchUpdate("insert into billed_event (run_id, event_id,"
                    + " content_high, content_low) values (?, ?, ?, ?)", batch, batch.size(), (ps, b) -> {
                        ps.setLong(1, runId);
                        ps.setString(2, b.eventId());
                        ps.setLong(3, b.contentHigh());
                        ps.setLong(4, b.contentLow());
                    }));
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
