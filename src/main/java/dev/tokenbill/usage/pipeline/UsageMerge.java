package dev.tokenbill.usage.pipeline;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.usage.UsageTotal;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * Adds up what the ranges and buckets of a usage step left in the staging directory and sends it to a sink: the
 * rejects of every range and bucket, the totals (a key's sums come from every bucket that holds its events), the
 * requests per customer and day, the billed events and the per-file tallies. Exact decimals: the totals are the same
 * whatever the number of ranges and buckets.
 */
public final class UsageMerge {

    private static final int SINK_BATCH = 1000;

    private UsageMerge() {
    }

    /**
     * usage_total's primary key order: customer, subscription, model, meter, price condition (Java's string order,
     * the databases' for ASCII ids). The partitions write their totals and day counts sorted so, and the merge below
     * keeps it, so the database appends to its one index instead of inserting all over it (H2, 600,000 totals: 84 us
     * a row in key-number order, 7 us sorted).
     */
    static final Comparator<AggregatedUsage> KEY_ORDER = UsageMerge::compareKeys;

    private static int compareKeys(AggregatedUsage a, AggregatedUsage b) {
        int c = a.customerId().compareTo(b.customerId());
        if (c != 0) {
            return c;
        }
        UsageTotal x = a.total();
        UsageTotal y = b.total();
        c = x.subscriptionId().compareTo(y.subscriptionId());
        if (c != 0) {
            return c;
        }
        c = x.model().compareTo(y.model());
        if (c != 0) {
            return c;
        }
        c = x.meter().compareTo(y.meter());
        return c != 0 ? c : x.condition().name().compareTo(y.condition().name());
    }

    /**
     * Merges the results as sorted streams, all files open at once: first each bucket file's billed events and
     * rejects, then the totals of the partitions' sorted runs (a k-way merge in key order, a key's sums from every
     * partition that holds it added up), then their requests per day (by customer id), then the buckets' counts.
     * Memory is one row per run, not one per key.
     *
     * @param firstDay the period's first day
     * @param names the usage files' names in file-name order
     * @return the per-file tallies, bucket count and totals sent
     */
    public static UsagePipeline.Result send(LocalDate firstDay, Path staging, int ranges, int buckets,
            List<String> names, UsageSink sink) throws IOException {
        long[] read = new long[names.size()];
        long[] rejected = new long[names.size()];
        List<UsageReject> batch = new ArrayList<>();
        for (int r = 0; r < ranges; r++) {
            Path dir = BucketSummer.rangeDir(staging, r);
            RangeReader.RangeMeta meta = RangeReader.meta(dir);
            read[meta.file()] += meta.read();
            rejected[meta.file()] += meta.rejected();
            SpillReader.rejects(dir, 0, meta.rejected(), names, reject -> add(batch, reject, sink));
        }
        long[][] counts = new long[5][names.size()];
        List<DataInputStream> results = new ArrayList<>();
        List<DataInputStream> sums = new ArrayList<>();
        long sent;
        try {
            List<BilledEvent> billed = new ArrayList<>();
            for (int b = 0; b < buckets; b++) {
                DataInputStream in = StagingFiles.read(BucketSummer.resultFile(staging, b));
                results.add(in);
                while (in.readBoolean()) {
                    billed.add(new BilledEvent(StagingFiles.string(in), in.readLong(), in.readLong()));
                    if (billed.size() == UsageSink.BILLED_BATCH) {
                        sink.billed(List.copyOf(billed));
                        billed.clear();
                    }
                }
                for (int i = in.readInt(); i > 0; i--) {
                    add(batch, new UsageReject(StagingFiles.string(in), in.readLong(), StagingFiles.string(in),
                            StagingFiles.string(in), null), sink);
                }
            }
            if (!billed.isEmpty()) {
                sink.billed(billed);
            }
            if (!batch.isEmpty()) {
                sink.rejects(List.copyOf(batch));
            }
            for (Path file : PartitionSums.runFiles(staging)) {
                sums.add(StagingFiles.read(file));
            }
            sent = mergeTotals(sums, sink);
            mergeDaily(firstDay, sums, sink);
            for (DataInputStream in : results) {
                int files = in.readInt();
                for (long[] kind : counts) {
                    for (int f = 0; f < files; f++) {
                        kind[f] += in.readLong();
                    }
                }
            }
        } finally {
            for (DataInputStream in : results) {
                in.close();
            }
            for (DataInputStream in : sums) {
                in.close();
            }
        }
        List<FileTally> tallies = new ArrayList<>();
        for (int f = 0; f < names.size(); f++) {
            FileTally tally = new FileTally(names.get(f), read[f], counts[0][f], counts[1][f],
                    rejected[f] + counts[2][f], counts[3][f], counts[4][f]);
            if (!tally.addsUp()) {
                throw new IllegalStateException("usage rows do not add up (a bug): " + tally);
            }
            tallies.add(tally);
        }
        sink.files(tallies);
        return new UsagePipeline.Result(tallies, buckets, sent);
    }

    /** Reads one row of a run. */
    @FunctionalInterface
    private interface RowReader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** A sorted section of a bucket's result file (its totals, its requests per day), read one row ahead. */
    private static final class Run<T> {
        private final DataInputStream in;
        private final RowReader<T> reader;
        private int left;
        private T current;

        Run(DataInputStream in, int rows, RowReader<T> reader) {
            this.in = in;
            this.left = rows;
            this.reader = reader;
        }

        boolean next() throws IOException {
            current = left-- > 0 ? reader.read(in) : null;
            return current != null;
        }
    }

    /**
     * A k-way merge of sorted runs: rows equal in {@code order} (at most one per run) are added up with {@code add},
     * and the merged rows go to {@code sink} in order, in batches; returns the rows sent. Each run is read to its end.
     */
    private static <T> long merge(List<Run<T>> runs, Comparator<T> order, BinaryOperator<T> add,
            Consumer<List<T>> sink) throws IOException {
        PriorityQueue<Run<T>> queue = new PriorityQueue<>((a, b) -> order.compare(a.current, b.current));
        for (Run<T> run : runs) {
            if (run.next()) {
                queue.add(run);
            }
        }
        List<T> batch = new ArrayList<>();
        long sent = 0;
        while (!queue.isEmpty()) {
            Run<T> run = queue.poll();
            T row = run.current;
            if (run.next()) {
                queue.add(run);
            }
            while (!queue.isEmpty() && order.compare(queue.peek().current, row) == 0) {
                Run<T> same = queue.poll();
                row = add.apply(row, same.current);
                if (same.next()) {
                    queue.add(same);
                }
            }
            batch.add(row);
            if (batch.size() == SINK_BATCH) {
                sink.accept(List.copyOf(batch));
                sent += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sink.accept(batch);
            sent += batch.size();
        }
        return sent;
    }

    /** The totals of every bucket, merged in key order and sent in batches; returns the rows sent. */
    private static long mergeTotals(List<DataInputStream> results, UsageSink sink) throws IOException {
        List<Run<AggregatedUsage>> runs = new ArrayList<>();
        for (DataInputStream in : results) {
            runs.add(new Run<>(in, in.readInt(), UsageMerge::total));
        }
        return merge(runs, KEY_ORDER, (a, b) -> {
            UsageTotal t = a.total();
            return new AggregatedUsage(a.customerId(), new UsageTotal(t.subscriptionId(), t.model(), t.meter(),
                    t.condition(), t.quantity().add(b.total().quantity())));
        }, sink::totals);
    }

    private static AggregatedUsage total(DataInputStream in) throws IOException {
        String customerId = StagingFiles.string(in);
        String subscriptionId = StagingFiles.string(in);
        String model = StagingFiles.string(in);
        PriceCondition condition = StagingFiles.condition(in);
        String meter = StagingFiles.string(in);
        return new AggregatedUsage(customerId, new UsageTotal(subscriptionId, model, meter, condition,
                new BigDecimal(StagingFiles.string(in))));
    }

    /** Each customer's requests per day, added up over the buckets and sent in customer id order (usage_daily's key). */
    private static void mergeDaily(LocalDate firstDay, List<DataInputStream> results, UsageSink sink) throws IOException {
        List<Run<DailyRequests>> runs = new ArrayList<>();
        for (DataInputStream in : results) {
            int days = in.readInt();
            runs.add(new Run<>(in, in.readInt(), d -> {
                String customerId = StagingFiles.string(d);
                long[] requests = new long[days];
                for (int used = d.readShort(); used > 0; used--) {
                    requests[d.readShort()] = d.readInt();
                }
                return new DailyRequests(customerId, firstDay, requests);
            }));
        }
        merge(runs, Comparator.comparing(DailyRequests::customerId), (a, b) -> {
            long[] sum = a.requests().clone();
            for (int day = 0; day < sum.length; day++) {
                sum[day] += b.requests()[day];
            }
            return new DailyRequests(a.customerId(), firstDay, sum);
        }, sink::daily);
    }

    private static void add(List<UsageReject> batch, UsageReject reject, UsageSink sink) {
        batch.add(reject);
        if (batch.size() == SINK_BATCH) {
            sink.rejects(List.copyOf(batch));
            batch.clear();
        }
    }
}
