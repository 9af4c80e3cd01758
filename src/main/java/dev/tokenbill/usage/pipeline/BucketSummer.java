package dev.tokenbill.usage.pipeline;

import dev.tokenbill.usage.UsageClassifier;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pass 2 for one bucket of event ids, on the calling thread: every row of an event id is in the same bucket, spilled
 * by the ranges in file then line order. A first read finds, for each event id, its first occurrence (the smallest
 * file index and line, so the order in which ranges were read plays no part); a second read classifies every row:
 * the first occurrence wins and is summed, a later row with the same content hash is a duplicate, one with other
 * content a conflict (rejected).
 *
 * <p>Late usage: when a range met rows of a period that is already billed final, the events that the final run of
 * that period billed are read ({@link BilledEvents}) and those of this bucket take part as if they came before every
 * row of the files; one is kept only where a row of the run has its id. A late candidate that no final run billed is
 * late (rejected, counted as late). A final run records the events it accepts.
 *
 * <p>The bucket's accepted rows are added to its partition's {@link PartitionSums} (sums per key and meter, requests
 * per customer and day), which the partition writes after its last bucket; the rest (counts per file, conflicts and
 * late rejects, billed events) goes to the bucket's own file, written atomically. {@link UsageMerge} adds them up and
 * stores them. A bucket summed again replaces its file.
 */
public final class BucketSummer {

    private BucketSummer() {
    }

    static Path resultFile(Path staging, int bucket) {
        return staging.resolve("b" + bucket);
    }

    public static Path rangeDir(Path staging, int range) {
        return staging.resolve("r" + range);
    }

    /**
     * What readUsage wrote of each of the {@code ranges} ranges under {@code staging} (its counts per bucket, meters,
     * models): read once per sumUsage partition, for all its buckets (at 100M events, 500 ranges' files for each of
     * 492 buckets otherwise).
     */
    public static List<RangeReader.RangeMeta> metas(Path staging, int ranges) throws IOException {
        List<RangeReader.RangeMeta> metas = new ArrayList<>(ranges);
        for (int r = 0; r < ranges; r++) {
            metas.add(RangeReader.meta(rangeDir(staging, r)));
        }
        return List.copyOf(metas);
    }

    /** The meter names of every range, in the order the ranges (then their rows) met them. */
    public static List<String> meters(List<RangeReader.RangeMeta> metas) {
        java.util.LinkedHashSet<String> meters = new java.util.LinkedHashSet<>();
        for (RangeReader.RangeMeta meta : metas) {
            meters.addAll(meta.meters());
        }
        return List.copyOf(meters);
    }

    /** The later occurrences of one event id (rare): position, high, low, in threes. */
    private static final class Others {
        long[] values = new long[3];
        int count;

        void add(long p, long h, long l) {
            if (count * 3 == values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[count * 3] = p;
            values[count * 3 + 1] = h;
            values[count * 3 + 2] = l;
            count++;
        }
    }

    /**
     * Sums bucket {@code bucket} of the ranges under {@code staging} (whose metas are {@code metas}, in range order)
     * into its result file.
     *
     * @param names the usage files' names in file-name order (a position's file index points into it)
     * @param billed the events the final runs billed
     * @param recordBilled true for a final run: the events it accepts are recorded
     * @return the rows of the bucket's spill read
     */
    public static long sum(UsageClassifier classifier, Path staging, List<RangeReader.RangeMeta> metas,
            List<String> names, int bucket, BilledEvents billed, boolean recordBilled, PartitionSums sums)
            throws IOException {
        int ranges = metas.size();
        int buckets = metas.isEmpty() ? 1 : metas.get(0).bucketCounts().length;
        // each range's meter numbers map onto the partition's
        int[][] meterOf = new int[ranges][];
        int[][] modelOf = new int[ranges][];
        Set<String> periods = new TreeSet<>();
        long records = 0;
        for (int r = 0; r < ranges; r++) {
            RangeReader.RangeMeta meta = metas.get(r);
            meterOf[r] = new int[meta.meters().size()];
            for (int m = 0; m < meterOf[r].length; m++) {
                meterOf[r][m] = sums.meter(meta.meters().get(m));
            }
            modelOf[r] = new int[meta.models().size()];
            for (int m = 0; m < modelOf[r].length; m++) {
                modelOf[r][m] = sums.model(meta.models().get(m));
            }
            periods.addAll(meta.latePeriods());
            records += meta.bucketCounts()[bucket];
        }
        List<String> finalPeriods = List.copyOf(periods);
        boolean withIds = recordBilled || !finalPeriods.isEmpty();

        FirstOccurrences firsts = new FirstOccurrences(records);
        Map<Integer, Others> repeated = new HashMap<>();
        SpillReader.IdentityConsumer identities = (buffer, idStart, idLength, position, high, low) -> {
            int hash = FirstOccurrences.hash(buffer, idStart, idLength);
            int slot = firsts.find(buffer, idStart, idLength, hash);
            if (slot < 0) {
                firsts.insert(-slot - 1, buffer, idStart, idLength, hash, position, high, low);
                return;
            }
            Others others = repeated.computeIfAbsent(slot, s -> new Others());
            if (position < firsts.position(slot)) {
                others.add(firsts.position(slot), firsts.high(slot), firsts.low(slot));
                firsts.set(slot, position, high, low);
            } else {
                others.add(position, high, low);
            }
        };
        for (int r = 0; r < ranges; r++) {
            SpillReader.identities(rangeDir(staging, r), 0, metas.get(r).bucketCounts()[bucket], bucket, identities);
        }
        feedBilled(billed, finalPeriods, buckets, bucket, firsts, repeated);

        long[][] counts = new long[5][names.size()]; // accepted, duplicates, conflicts, out of period, late
        Set<Long> later = new HashSet<>();
        List<UsageReject> rejects = new ArrayList<>();
        repeated.forEach((slot, others) -> {
            long first = firsts.position(slot);
            String eventId = firsts.eventId(slot);
            for (int i = 0; i < others.count; i++) {
                long position = others.values[i * 3];
                int file = UsagePipeline.file(position);
                later.add(position);
                if (others.values[i * 3 + 1] == firsts.high(slot) && others.values[i * 3 + 2] == firsts.low(slot)) {
                    counts[1][file]++;
                } else {
                    counts[2][file]++;
                    String firstRow = first < 0 ? "the final run of " + finalPeriods.get(UsagePipeline.billedPeriod(first))
                            : names.get(UsagePipeline.file(first)) + " line " + UsagePipeline.line(first);
                    rejects.add(new UsageReject(names.get(file), UsagePipeline.line(position), eventId,
                            UsagePipeline.CONFLICT + firstRow + " with different content", null));
                }
            }
        });

        long[] read = {0};
        Files.createDirectories(staging);
        StagingFiles.writeAtomically(resultFile(staging, bucket), out -> {
            SpillReader.Record record = new SpillReader.Record();
            for (int r = 0; r < ranges; r++) {
                int[] meterMap = meterOf[r];
                int[] modelMap = modelOf[r];
                SpillReader.payloads(rangeDir(staging, r), 0, metas.get(r).bucketCounts()[bucket], bucket, withIds,
                        record, row -> {
                            read[0]++;
                            if (!later.isEmpty() && later.contains(row.position)) {
                                return;
                            }
                            int file = UsagePipeline.file(row.position);
                            if (row.key == SpillWriter.LATE) {
                                counts[4][file]++;
                                rejects.add(new UsageReject(names.get(file), UsagePipeline.line(row.position),
                                        row.eventId, UsagePipeline.lateReason(classifier.periodLabel(
                                                LocalDate.ofEpochDay(row.day))), null));
                                return;
                            }
                            if (row.key < 0) {
                                counts[3][file]++;
                                return;
                            }
                            if (recordBilled) {
                                billed(out, row);
                            }
                            int key = sums.key(row.subscription, modelMap[row.model], row.condition, row.day);
                            counts[0][file]++;
                            for (int m = 0; m < row.meterCount; m++) {
                                int meter = meterMap[row.meters[m]];
                                if (row.scales[m] == 0) {
                                    sums.add(key, meter, row.units[m]);
                                } else {
                                    sums.add(key, meter, row.scales[m] > 0
                                            ? BigDecimal.valueOf(row.units[m], row.scales[m]) : row.decimals[m]);
                                }
                            }
                        });
            }
            out.writeBoolean(false); // end of the billed events
            writeRest(out, counts, rejects);
        });
        return read[0];
    }

    /** The billed events of the late periods that fall in this bucket, as first occurrences before every row. */
    private static void feedBilled(BilledEvents billed, List<String> finalPeriods, int buckets, int bucket,
            FirstOccurrences firsts, Map<Integer, Others> repeated) throws IOException {
        ByteBuffer id = ByteBuffer.allocate(1 << 12);
        for (int i = 0; i < finalPeriods.size(); i++) {
            long[] sequence = {0};
            int period = i;
            billed.forEach(finalPeriods.get(i), (eventId, high, low) -> {
                long position = UsagePipeline.billedPosition(period, sequence[0]++);
                if (SpillWriter.partition(eventId, buckets) != bucket) {
                    return;
                }
                id.clear();
                SpillChannel.putString(id, eventId);
                int length = id.position();
                int slot = firsts.find(id, 0, length, FirstOccurrences.hash(id, 0, length));
                if (slot < 0 || firsts.position(slot) < 0) {
                    return; // no row of the run has this id, or an earlier final period billed it too
                }
                // billed by a final run: it comes first, and the run's rows of the id are later occurrences
                repeated.computeIfAbsent(slot, s -> new Others()).add(firsts.position(slot), firsts.high(slot),
                        firsts.low(slot));
                firsts.set(slot, position, high, low);
            });
        }
    }

    private static void billed(DataOutputStream out, SpillReader.Record row) {
        try {
            out.writeBoolean(true);
            StagingFiles.string(out, row.eventId);
            out.writeLong(row.high);
            out.writeLong(row.low);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeRest(DataOutputStream out, long[][] counts, List<UsageReject> rejects)
            throws IOException {
        out.writeInt(rejects.size());
        for (UsageReject reject : rejects) {
            StagingFiles.string(out, reject.file());
            out.writeLong(reject.line());
            StagingFiles.string(out, reject.eventId());
            StagingFiles.string(out, reject.reason());
        }
        out.writeInt(counts[0].length);
        for (long[] kind : counts) {
            for (long count : kind) {
                out.writeLong(count);
            }
        }
    }
}
