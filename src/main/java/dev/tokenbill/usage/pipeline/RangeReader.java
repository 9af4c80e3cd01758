package dev.tokenbill.usage.pipeline;

import dev.tokenbill.csv.CsvRecord;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.usage.ClassifiedRow;
import dev.tokenbill.usage.RowStatus;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.UsageColumns;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Pass 1 for one range of a usage file, on the calling thread: parses and classifies its rows; a rejected row goes to
 * the range's reject spill, a valid row (accepted, out of period or a late candidate) to the spill file of its event
 * id's bucket ({@link SpillWriter#partition}), with its position (file index and line), content hash, aggregation key
 * and meters. Meter numbers are the range's own: the range's {@link RangeMeta} lists the meters, so another
 * process can read the spill.
 *
 * <p>Everything goes to the range's directory, which the read empties first: a range read again (a restart) leaves
 * exactly what one read leaves. The meta file is written last and atomically: a range without one is unfinished.
 */
public final class RangeReader {

    private static final int STOP_CHECK_ROWS = 4096;

    private RangeReader() {
    }

    /** What one range left: rows read and rejected, valid rows per bucket, late periods, its keys and meters. */
    public record RangeMeta(int file, long read, long rejected, long[] bucketCounts, List<String> latePeriods,
            List<String> meters, List<String> models) {
    }

    static Path metaFile(Path rangeDir) {
        return rangeDir.resolve("meta");
    }

    /**
     * Reads the range into {@code rangeDir} (emptied first), its valid rows spread over {@code buckets} spill files.
     *
     * @throws UsagePipeline.StopRequestedException when {@code stopRequested} turns true (checked every few thousand
     *     rows); the directory is then incomplete, and the range is read again from its start
     */
    public static RangeMeta read(UsageClassifier classifier, SubscriptionIndex subscriptions, Path file,
            UsageRange range, Path rangeDir, int buckets, BooleanSupplier stopRequested) throws IOException {
        StagingFiles.deleteTree(rangeDir);
        Files.createDirectories(rangeDir);
        Map<String, Integer> meterIds = new LinkedHashMap<>();
        Map<String, Integer> modelIds = new LinkedHashMap<>();
        Set<String> latePeriods = new TreeSet<>();
        long firstDay = classifier.period().start().toEpochDay();
        long read = 0;
        long rejected = 0;
        long[] counts;
        try (SpillWriter spill = new SpillWriter(rangeDir, 0, buckets);
                CsvSource source = CsvSource.openRange(file, UsageClassifier.REQUIRED, Set.of(), true, range.from(),
                        range.to(), range.linesBefore())) {
            UsageColumns columns = UsageColumns.of(source.header());
            String name = range.fileName();
            for (CsvRecord record = source.nextRecord(); record != null; record = source.nextRecord()) {
                if (++read % STOP_CHECK_ROWS == 0 && stopRequested.getAsBoolean()) {
                    throw new UsagePipeline.StopRequestedException();
                }
                ClassifiedRow row = classifier.classify(name, record.line(), record.cells(), columns);
                if (row.status() == RowStatus.REJECTED) {
                    rejected++;
                    spill.reject(range.file(), row);
                } else if (row.status() == RowStatus.LATE) {
                    latePeriods.add(classifier.periodLabel(row.day()));
                    spill.valid(range.file(), row, SpillWriter.LATE, (int) row.day().toEpochDay(), meterIds);
                } else {
                    if (row.status() == RowStatus.ACCEPTED) {
                        int model = modelIds.computeIfAbsent(row.model(), m -> modelIds.size());
                        spill.valid(range.file(), row, SpillWriter.ACCEPTED, (int) (row.day().toEpochDay() - firstDay),
                                meterIds, subscriptions.number(row.customerId(), row.subscriptionId()), model);
                    } else {
                        spill.valid(range.file(), row, SpillWriter.OUT_OF_PERIOD, 0, meterIds);
                    }
                }
            }
            counts = spill.counts();
        }
        RangeMeta meta = new RangeMeta(range.file(), read, rejected, counts, List.copyOf(latePeriods),
                List.copyOf(meterIds.keySet()), List.copyOf(modelIds.keySet()));
        write(metaFile(rangeDir), meta);
        return meta;
    }

    private static void write(Path file, RangeMeta meta) throws IOException {
        StagingFiles.writeAtomically(file, out -> {
            out.writeInt(meta.file());
            out.writeLong(meta.read());
            out.writeLong(meta.rejected());
            out.writeInt(meta.bucketCounts().length);
            for (long c : meta.bucketCounts()) {
                out.writeLong(c);
            }
            out.writeInt(meta.latePeriods().size());
            for (String p : meta.latePeriods()) {
                StagingFiles.string(out, p);
            }
            out.writeInt(meta.meters().size());
            for (String m : meta.meters()) {
                StagingFiles.string(out, m);
            }
            out.writeInt(meta.models().size());
            for (String m : meta.models()) {
                StagingFiles.string(out, m);
            }
        });
    }

    /** The meta of a finished range. */
    public static RangeMeta meta(Path rangeDir) throws IOException {
        Path file = metaFile(rangeDir);
        if (!Files.exists(file)) {
            throw new IllegalStateException("usage range " + rangeDir + " was not read to its end (no " + file
                    + "): readUsage did not complete for it");
        }
        try (DataInputStream in = StagingFiles.read(file)) {
            int f = in.readInt();
            long read = in.readLong();
            long rejected = in.readLong();
            long[] counts = new long[in.readInt()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = in.readLong();
            }
            List<String> late = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                late.add(StagingFiles.string(in));
            }
            List<String> meters = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                meters.add(StagingFiles.string(in));
            }
            List<String> models = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                models.add(StagingFiles.string(in));
            }
            return new RangeMeta(f, read, rejected, counts, late, meters, models);
        }
    }
}
