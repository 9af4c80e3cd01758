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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    private record TotalKey(String customerId, String subscriptionId, String model, PriceCondition condition) {
    }

    /**
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
        Map<TotalKey, Map<String, BigDecimal>> totals = new HashMap<>();
        Map<String, long[]> daily = new TreeMap<>();
        List<BilledEvent> billed = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            try (DataInputStream in = StagingFiles.read(BucketSummer.resultFile(staging, b))) {
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
                for (int i = in.readInt(); i > 0; i--) {
                    TotalKey key = new TotalKey(StagingFiles.string(in), StagingFiles.string(in),
                            StagingFiles.string(in), StagingFiles.condition(in));
                    String meter = StagingFiles.string(in);
                    BigDecimal quantity = new BigDecimal(StagingFiles.string(in));
                    totals.computeIfAbsent(key, k -> new TreeMap<>()).merge(meter, quantity, BigDecimal::add);
                }
                int days = in.readInt();
                for (int i = in.readInt(); i > 0; i--) {
                    long[] requests = daily.computeIfAbsent(StagingFiles.string(in), c -> new long[days]);
                    for (int d = 0; d < days; d++) {
                        requests[d] += in.readLong();
                    }
                }
                int files = in.readInt();
                for (long[] kind : counts) {
                    for (int f = 0; f < files; f++) {
                        kind[f] += in.readLong();
                    }
                }
            }
        }
        if (!billed.isEmpty()) {
            sink.billed(billed);
        }
        if (!batch.isEmpty()) {
            sink.rejects(List.copyOf(batch));
        }
        long sent = sendTotals(totals, sink);
        sendDaily(firstDay, daily, sink);
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

    private static void add(List<UsageReject> batch, UsageReject reject, UsageSink sink) {
        batch.add(reject);
        if (batch.size() == SINK_BATCH) {
            sink.rejects(List.copyOf(batch));
            batch.clear();
        }
    }

    /**
     * Sends the totals in batches sorted as usage_total's primary key (customer, subscription, model, meter, price
     * condition; Java's string order, the databases' for ASCII ids), so the database appends to its one index
     * instead of inserting all over it (H2, 600,000 totals: 84 us a row in key-number order, 7 us sorted).
     */
    private static long sendTotals(Map<TotalKey, Map<String, BigDecimal>> totals, UsageSink sink) {
        List<AggregatedUsage> rows = new ArrayList<>();
        totals.forEach((k, meters) -> meters.forEach((meter, quantity) -> rows.add(new AggregatedUsage(k.customerId(),
                new UsageTotal(k.subscriptionId(), k.model(), meter, k.condition(), quantity)))));
        rows.sort(Comparator.comparing(AggregatedUsage::customerId)
                .thenComparing(r -> r.total().subscriptionId()).thenComparing(r -> r.total().model())
                .thenComparing(r -> r.total().meter()).thenComparing(r -> r.total().condition().name()));
        List<AggregatedUsage> batch = new ArrayList<>();
        long sent = 0;
        for (AggregatedUsage row : rows) {
            batch.add(row);
            if (batch.size() == SINK_BATCH) {
                sink.totals(List.copyOf(batch));
                sent += batch.size();
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sink.totals(batch);
            sent += batch.size();
        }
        return sent;
    }

    /** Sends each customer's requests per day, in customer id order (the order of usage_daily's key). */
    private static void sendDaily(LocalDate firstDay, Map<String, long[]> daily, UsageSink sink) {
        List<DailyRequests> batch = new ArrayList<>();
        for (Map.Entry<String, long[]> customer : daily.entrySet()) {
            batch.add(new DailyRequests(customer.getKey(), firstDay, customer.getValue()));
            if (batch.size() == SINK_BATCH) {
                sink.daily(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sink.daily(batch);
        }
    }
}
