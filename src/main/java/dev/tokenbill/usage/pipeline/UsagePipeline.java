package dev.tokenbill.usage.pipeline;

import dev.tokenbill.usage.UsageClassifier;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, validates, de-duplicates and sums a run's usage files in two passes, in memory bounded by
 * the settings rather than by the number of rows. The billing job runs the passes as partitioned
 * steps (a partition per range of a file in pass 1, per bucket of event ids in pass 2, on threads or
 * on remote workers); this class runs the same units one after the other on the calling thread, for
 * tests and tools.
 *
 * <p>Pass 1 ({@link RangeReader}), per range of a file ({@link UsageRanges}): classifies each row; a
 * rejected row goes to the range's reject spill, a valid row (accepted or out of period) to the spill
 * file of its event id's bucket, with its file index, line, content hash, aggregation key and meters.
 *
 * <p>Pass 2 ({@link BucketSummer}), per bucket: every row of an event id is in the same bucket. The
 * first occurrence in file-name then line order wins and is summed, a later row with the same content
 * is a duplicate, one with other content a conflict (rejected). Memory holds one bucket's event ids;
 * the number of buckets grows with the input's size. A partition's buckets add their accepted rows to its
 * {@link PartitionSums} (here: one for all). Then {@link UsageMerge} adds the buckets and partitions up.
 *
 * <p>Sums are exact decimals, so the totals do not depend on the order of addition: the results
 * are the same for any range and bucket count and any thread count.
 */
public final class UsagePipeline {

    /** Raw text of a rejected row is kept up to this many characters (a hostile 10 MB field is cut). */
    public static final int MAX_RAW = 4000;
    public static final String CONFLICT = "conflicting duplicate: event_id already used by ";
    /** The start of a late row's reason; the period and what to do follow. */
    public static final String LATE = "late: period ";
    /** The most buckets a run is cut into. */
    public static final int MAX_BUCKETS = 4096;
    private static final Logger log = LoggerFactory.getLogger(UsagePipeline.class);
    private static final int FD_RESERVE = 128;
    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;

    /**
     * @param threads the least number of buckets (so that every thread of pass 2 has one)
     * @param partitionBytes input bytes per range and per bucket: a bucket's event ids are held in
     *     memory in pass 2 (about 50 bytes per event id, some 80 bytes of CSV per row)
     * @param spillDir an empty directory for the spill files; the caller deletes it afterwards
     */
    public record Settings(int threads, long partitionBytes, Path spillDir, long sumsBudgetBytes) {

        /** Settings whose sums may take a quarter of the heap ({@link PartitionSums#budget}). */
        public Settings(int threads, long partitionBytes, Path spillDir) {
            this(threads, partitionBytes, spillDir, PartitionSums.budget(1));
        }
    }

    /** The outcome: per-file tallies (in file-name order), the bucket count and the number of totals. */
    public record Result(List<FileTally> files, int partitions, long totals) {

        public long read() {
            return files.stream().mapToLong(FileTally::read).sum();
        }

        public long rejected() {
            return files.stream().mapToLong(FileTally::rejected).sum();
        }

        public long duplicates() {
            return files.stream().mapToLong(FileTally::duplicates).sum();
        }

        public long accepted() {
            return files.stream().mapToLong(FileTally::accepted).sum();
        }

        public long outOfPeriod() {
            return files.stream().mapToLong(FileTally::outOfPeriod).sum();
        }

        public long late() {
            return files.stream().mapToLong(FileTally::late).sum();
        }
    }

    private final UsageClassifier classifier;
    private final Settings settings;
    private final BilledEvents billed;
    private final boolean recordBilled;

    /** A pipeline that knows no final period and records nothing it bills (a draft, or a test). */
    public UsagePipeline(UsageClassifier classifier, Settings settings) {
        this(classifier, settings, BilledEvents.NONE, false);
    }

    /**
     * @param billed the events the final runs billed, for the final periods the classifier knows of
     * @param recordBilled true for a final run: the events it accepts go to {@link UsageSink#billed}
     */
    public UsagePipeline(UsageClassifier classifier, Settings settings, BilledEvents billed, boolean recordBilled) {
        if (settings.threads() < 1 || settings.partitionBytes() < 1) {
            throw new IllegalArgumentException("threads and partition bytes must be positive: " + settings);
        }
        this.classifier = classifier;
        this.settings = settings;
        this.billed = billed;
        this.recordBilled = recordBilled;
    }

    /** Runs both passes over the files (in file-name order) and sends every result to the sink. */
    public Result run(List<Path> files, UsageSink sink) throws IOException {
        return run(files, sink, () -> false);
    }

    /** As {@link #run(List, UsageSink)}, but gives up with {@link StopRequestedException} when {@code stopRequested} turns true. */
    public Result run(List<Path> files, UsageSink sink, BooleanSupplier stopRequested) throws IOException {
        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        int buckets = buckets(bytes, settings.partitionBytes(), settings.threads(), 1);
        List<UsageRange> ranges = UsageRanges.split(files, settings.partitionBytes());
        Path staging = settings.spillDir();
        SubscriptionIndex subscriptions = SubscriptionIndex.of(classifier);
        for (int r = 0; r < ranges.size(); r++) {
            UsageRange range = ranges.get(r);
            RangeReader.read(classifier, subscriptions, files.get(range.file()), range,
                    BucketSummer.rangeDir(staging, r), buckets, stopRequested);
        }
        List<RangeReader.RangeMeta> metas = BucketSummer.metas(staging, ranges.size());
        PartitionSums sums = new PartitionSums(subscriptions, (int) classifier.period().days(),
                BucketSummer.meters(metas), staging, 0, settings.sumsBudgetBytes());
        for (int b = 0; b < buckets; b++) {
            if (stopRequested.getAsBoolean()) {
                throw new StopRequestedException();
            }
            BucketSummer.sum(classifier, staging, metas, names, b, billed, recordBilled, sums);
            sums.bucketDone();
        }
        sums.finish();
        return UsageMerge.send(classifier.period().start(), staging, ranges.size(), buckets, names, sink);
    }

    /**
     * The number of de-duplication buckets: one per {@code partitionBytes} of input, at least {@code atLeast}, rounded
     * up to a multiple of {@code concurrent} (the buckets are of equal size by hash, so the last wave keeps every
     * thread busy), and within the open-file limit ({@code concurrent} ranges read at a time each keep a spill file
     * per bucket open).
     */
    public static int buckets(long bytes, long partitionBytes, int atLeast, int concurrent) {
        long least = Math.max(atLeast, (bytes + partitionBytes - 1) / partitionBytes);
        int wanted = (int) Math.min(MAX_BUCKETS, (least + concurrent - 1) / concurrent * concurrent);
        long free = freeFileDescriptors();
        int buckets = partitions(wanted, concurrent, free);
        if (buckets < wanted) {
            log.warn("usage: {} file descriptors free (ulimit -n), so {} buckets of about {} MB instead of {} of {} MB;"
                    + " raise ulimit -n to keep pass 2's memory at tokenbill.usage-partition-mb", free, buckets,
                    bytes / buckets >> 20, wanted, partitionBytes >> 20);
        }
        return buckets;
    }

    /**
     * The bucket count within the open-file limit: each of {@code threads} ranges read at a time keeps
     * one spill file per bucket plus one for rejects, and its usage file; a reserve is left for the
     * database, jars and logs. At least one bucket, even when that leaves no reserve.
     */
    static int partitions(int wanted, int threads, long freeDescriptors) {
        long perWorker = (freeDescriptors - FD_RESERVE - threads) / threads - 1;
        return (int) Math.max(1, Math.min(wanted, perWorker));
    }

    /** Descriptors this process may still open, or Long.MAX_VALUE where the JVM cannot tell. */
    private static long freeFileDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
        }
        return Long.MAX_VALUE;
    }

    static long position(int file, long line) {
        return ((long) file << LINE_BITS) | line;
    }

    static int file(long position) {
        return (int) (position >>> LINE_BITS);
    }

    static long line(long position) {
        return position & LINE_MASK;
    }

    /** Positions of billed events come before every row of the files (whose positions are not negative). */
    static long billedPosition(int period, long sequence) {
        return Long.MIN_VALUE + ((long) period << LINE_BITS) + sequence;
    }

    static int billedPeriod(long position) {
        return (int) ((position - Long.MIN_VALUE) >>> LINE_BITS);
    }

    static String lateReason(String period) {
        return LATE + period + " is already final (bill it with 'run --period " + period + " --final --correction')";
    }

    /** An operator asked the run to stop while usage was read. */
    public static final class StopRequestedException extends RuntimeException {
        public StopRequestedException() {
            super("stop requested: reading usage abandoned");
        }
    }
}
