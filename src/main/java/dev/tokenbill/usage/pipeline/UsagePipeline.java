package dev.tokenbill.usage.pipeline;

import dev.tokenbill.csv.CsvRecord;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.usage.ClassifiedRow;
import dev.tokenbill.usage.RowStatus;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.UsageColumns;
import dev.tokenbill.usage.UsageTotal;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, validates, de-duplicates and sums a run's usage files in two passes, in memory bounded by
 * the settings rather than by the number of rows.
 *
 * <p>Pass 1: reader threads parse the files (one file per reader, file-name order decides nothing
 * here) and hand batches of records to worker threads, which classify each row. A rejected row
 * goes to the worker's reject spill; a valid row (accepted or out of period) goes to the spill
 * file of its event id's hash partition, with its file index, line, content hash, aggregation key
 * and meter quantities.
 *
 * <p>Pass 2, one partition at a time per thread: every row of an event id is in the same
 * partition. A first read finds, for each event id, its first occurrence in file-name then line
 * order (the smallest file index and line, so the order rows were written in plays no part); a
 * second read classifies every row: the first occurrence wins and is summed, a later row with the
 * same content hash is a duplicate, one with other content a conflict (rejected). Memory holds
 * one partition's event ids per thread; the number of partitions grows with the input's size.
 *
 * <p>Late usage: a valid row of a period of the run's interval that is already billed final is
 * spilled as a late candidate. Before pass 2, the events each such final billed ({@link BilledEvents})
 * are spilled into the same partitions at positions before every row of the files, as if they came
 * first. Pass 2 takes one into its table only where a row of the run has its id (memory still holds
 * the run's own ids only): that row is then a duplicate, or a conflict if its content differs; a
 * late candidate that no final billed is late (rejected, counted as late). A final run records the
 * events it accepted ({@link UsageSink#billed}), spilled per partition and sent from the calling thread.
 *
 * <p>Sums are exact decimals, so the totals do not depend on the order of addition: the results
 * are the same for any thread count and any partition count.
 */
public final class UsagePipeline {

    /** Raw text of a rejected row is kept up to this many characters (a hostile 10 MB field is cut). */
    public static final int MAX_RAW = 4000;
    public static final String CONFLICT = "conflicting duplicate: event_id already used by ";
    /** The start of a late row's reason; the period and what to do follow. */
    public static final String LATE = "late: period ";
    private static final Logger log = LoggerFactory.getLogger(UsagePipeline.class);
    private static final int BATCH = 1024;
    private static final int SINK_BATCH = 1000;
    private static final int MAX_PARTITIONS = 4096;
    private static final int FD_RESERVE = 128;
    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;
    private static final Batch END = new Batch(-1, null, null, new CsvRecord[0], 0);

    /**
     * @param threads worker threads (classification in pass 1, partitions in pass 2); readers are
     *     extra threads, one per file read at the same time, at most {@code threads}
     * @param partitionBytes input bytes per de-duplication partition: a partition's event ids are
     *     held in memory in pass 2 (about 50 bytes per event id, some 80 bytes of CSV per row)
     * @param spillDir an empty directory for the spill files; the caller deletes it afterwards
     */
    public record Settings(int threads, long partitionBytes, Path spillDir) {
    }

    /** The outcome: per-file tallies (in file-name order), the partition count and the number of totals. */
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

    private record Batch(int file, String fileName, UsageColumns columns, CsvRecord[] records, int size) {
    }

    private final UsageClassifier classifier;
    private final Settings settings;
    private final BilledEvents billed;
    private final boolean recordBilled;
    private final UsageKeys keys = new UsageKeys();
    private BooleanSupplier stopRequested = () -> false;

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
    public Result run(List<Path> files, UsageSink sink) throws IOException, InterruptedException {
        return run(files, sink, () -> false);
    }

    /**
     * As {@link #run(List, UsageSink)}, but gives up with {@link StopRequestedException} within about 200 ms of
     * {@code stopRequested} turning true (an operator's stop), its threads stopped; what reached the sink stays.
     */
    public Result run(List<Path> files, UsageSink sink, BooleanSupplier stopRequested)
            throws IOException, InterruptedException {
        this.stopRequested = stopRequested;
        List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        int threads = settings.threads();
        int wanted = (int) Math.min(MAX_PARTITIONS, Math.max(threads, (bytes + settings.partitionBytes() - 1)
                / settings.partitionBytes()));
        long free = freeFileDescriptors();
        int partitions = partitions(wanted, threads, free);
        if (partitions < wanted) {
            log.warn("usage: {} file descriptors free (ulimit -n), so {} partitions of about {} MB instead of {} of {} MB;"
                    + " raise ulimit -n to keep pass 2's memory at tokenbill.usage-partition-mb", free, partitions,
                    bytes / partitions >> 20, wanted, settings.partitionBytes() >> 20);
        }
        long start = System.nanoTime();
        Pass1 pass1 = new Pass1(files, names, partitions, bytes);
        pass1.run();
        long pass1Nanos = System.nanoTime() - start;
        log.info("usage pass 1: {} rows read in {} s ({} rows/s), {} rejected; de-duplicating in {} partitions",
                pass1.rowsRead.get(), seconds(pass1Nanos), perSecond(pass1.rowsRead.get(), pass1Nanos),
                sum(pass1.rejected), partitions);

        List<String> finalPeriods = pass1.latePeriods.stream().sorted().toList();
        long[] fed = feed(finalPeriods, partitions);
        boolean withIds = recordBilled || !finalPeriods.isEmpty();
        long[][] counts = new long[5][files.size()]; // accepted, duplicates, conflicts, out of period, late
        keys.freeze();
        int days = (int) classifier.period().days();
        int[] customerOfKey = new int[keys.keyCount()];
        String[] customerIds = new String[keys.customerCount()];
        for (int k = 0; k < customerOfKey.length; k++) {
            UsageKeys.Key key = keys.key(k);
            customerOfKey[k] = key.customer();
            customerIds[key.customer()] = key.customerId();
        }
        DayCounts daily = new DayCounts(customerIds.length * days, pass1.rowsRead.get());
        // one set of sums per pass-2 thread (not per partition): memory follows the number of keys times threads
        List<MeterSums> threadSums = new java.util.concurrent.CopyOnWriteArrayList<>();
        ThreadLocal<MeterSums> sumsOfThread = ThreadLocal.withInitial(() -> {
            MeterSums sums = new MeterSums(keys.keyCount(), keys.meterCount());
            threadSums.add(sums);
            return sums;
        });
        ExecutorService pool = Executors.newFixedThreadPool(threads, named("usage-dedup"));
        try {
            CompletionService<PartitionResult> done = new ExecutorCompletionService<>(pool);
            for (int p = 0; p < partitions; p++) {
                int partition = p;
                done.submit(() -> deduplicate(partition, names, pass1.spilled, new Fed(fed, finalPeriods), withIds,
                        sumsOfThread.get(), (key, day) -> daily.increment(customerOfKey[key] * days + day)));
            }
            long pass2Start = System.nanoTime();
            for (int p = 0; p < partitions; p++) {
                Future<PartitionResult> next = next(done);
                while (next == null) {
                    long nanos = System.nanoTime() - pass2Start;
                    log.info("usage pass 2: {} of {} partitions de-duplicated{}", p, partitions,
                            p == 0 ? "" : ", about " + nanos / p * (partitions - p) / 1_000_000_000L + " s left");
                    next = next(done);
                }
                PartitionResult result = await(next, pool);
                for (int k = 0; k < counts.length; k++) {
                    for (int f = 0; f < files.size(); f++) {
                        counts[k][f] += result.counts[k][f];
                    }
                }
                for (int i = 0; i < result.conflicts.size(); i += SINK_BATCH) {
                    sink.rejects(result.conflicts.subList(i, Math.min(i + SINK_BATCH, result.conflicts.size())));
                }
                sendBilled(result, sink);
            }
        } finally {
            stop(pool);
        }
        sendRejects(pass1, names, sink);
        MeterSums sums = threadSums.isEmpty() ? new MeterSums(0, 0) : threadSums.get(0);
        for (int t = 1; t < threadSums.size(); t++) {
            sums.addAll(threadSums.get(t));
        }
        long totals = sendTotals(sums, sink);
        sendDaily(customerIds, daily, days, sink);

        List<FileTally> tallies = new ArrayList<>();
        for (int f = 0; f < files.size(); f++) {
            FileTally tally = new FileTally(names.get(f), pass1.read[f], counts[0][f], counts[1][f],
                    pass1.rejected[f] + counts[2][f], counts[3][f], counts[4][f]);
            if (!tally.addsUp()) {
                throw new IllegalStateException("usage rows do not add up (a bug): " + tally);
            }
            tallies.add(tally);
        }
        sink.files(tallies);
        Result result = new Result(tallies, partitions, totals);
        long nanos = System.nanoTime() - start;
        log.info("usage: {} rows in {} s ({} rows/s): {} accepted, {} exact duplicates, {} rejected, {} out of period,"
                + " {} late", result.read(), seconds(nanos), perSecond(result.read(), nanos), result.accepted(),
                result.duplicates(), result.rejected(), result.outOfPeriod(), result.late());
        if (result.late() > 0) {
            log.warn("usage: {} rows are late usage of a period already billed final ({}): rejected, see rejects.csv",
                    result.late(), String.join(", ", finalPeriods));
        }
        return result;
    }

    // pass 1: read, classify, spill

    private final class Pass1 {
        final List<Path> files;
        final List<String> names;
        final int partitions;
        final long bytes;
        final long[] read;
        final long[] rejected;
        final AtomicLong rowsRead = new AtomicLong();
        final AtomicLong charsRead = new AtomicLong();
        final AtomicInteger nextFile = new AtomicInteger();
        /** The final periods that late candidates fall in. */
        final Set<String> latePeriods = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final BlockingQueue<Batch> queue;
        /** Per worker: valid records spilled per partition, and rejects spilled. */
        final long[][] spilled;
        final long[] rejectsSpilled;

        private final long firstDay = classifier.period().start().toEpochDay();

        Pass1(List<Path> files, List<String> names, int partitions, long bytes) {
            this.files = files;
            this.names = names;
            this.partitions = partitions;
            this.bytes = bytes;
            this.read = new long[files.size()];
            this.rejected = new long[files.size()];
            this.queue = new ArrayBlockingQueue<>(4 * settings.threads());
            this.spilled = new long[settings.threads()][];
            this.rejectsSpilled = new long[settings.threads()];
        }

        void run() throws IOException, InterruptedException {
            int readers = Math.min(settings.threads(), files.size());
            int workers = settings.threads();
            ExecutorService pool = Executors.newFixedThreadPool(readers + workers, named("usage-read"));
            try {
                CompletionService<long[]> done = new ExecutorCompletionService<>(pool);
                for (int r = 0; r < readers; r++) {
                    done.submit(this::readFiles);
                }
                List<Future<long[]>> working = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    int worker = w;
                    working.add(done.submit(() -> classify(worker)));
                }
                long started = System.nanoTime();
                int finished = 0;
                int readersLeft = readers;
                while (finished < readers + workers) {
                    Future<long[]> next = next(done);
                    if (next == null) {
                        logProgress(started);
                        continue;
                    }
                    finished++;
                    long[] workerRejects = await(next, pool);
                    if (working.contains(next)) {
                        for (int f = 0; f < files.size(); f++) {
                            rejected[f] += workerRejects[f];
                        }
                    } else if (--readersLeft == 0) {
                        for (int w = 0; w < workers; w++) {
                            queue.put(END);
                        }
                    }
                }
            } finally {
                stop(pool);
            }
        }

        /** A reader: takes the next unread file and queues its records in batches. */
        long[] readFiles() throws InterruptedException, IOException {
            for (int f = nextFile.getAndIncrement(); f < files.size(); f = nextFile.getAndIncrement()) {
                try (CsvSource source = CsvSource.open(files.get(f), UsageClassifier.REQUIRED, Set.of(), true)) {
                    UsageColumns columns = UsageColumns.of(source.header());
                    CsvRecord[] records = new CsvRecord[BATCH];
                    int n = 0;
                    long rows = 0;
                    for (CsvRecord record = source.nextRecord(); record != null; record = source.nextRecord()) {
                        records[n++] = record;
                        if (n == BATCH) {
                            queue.put(new Batch(f, names.get(f), columns, records, n));
                            rowsRead.addAndGet(n);
                            rows += n;
                            records = new CsvRecord[BATCH];
                            n = 0;
                        }
                    }
                    if (n > 0) {
                        queue.put(new Batch(f, names.get(f), columns, records, n));
                        rowsRead.addAndGet(n);
                        rows += n;
                    }
                    read[f] = rows;
                }
            }
            return new long[0];
        }

        /** A worker: classifies queued batches until the end marker; returns its rejects per file. */
        long[] classify(int worker) throws IOException, InterruptedException {
            long[] rejects = new long[files.size()];
            try (SpillWriter spill = new SpillWriter(settings.spillDir(), worker, partitions)) {
                for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                    long chars = 0;
                    for (int i = 0; i < batch.size(); i++) {
                        CsvRecord record = batch.records()[i];
                        for (String cell : record.cells()) {
                            chars += cell.length() + 1;
                        }
                        ClassifiedRow row = classifier.classify(batch.fileName(), record.line(), record.cells(),
                                batch.columns());
                        if (row.status() == RowStatus.REJECTED) {
                            rejects[batch.file()]++;
                            spill.reject(batch.file(), row);
                        } else if (row.status() == RowStatus.LATE) {
                            latePeriods.add(classifier.periodLabel(row.day()));
                            spill.valid(batch.file(), row, SpillWriter.LATE, (int) row.day().toEpochDay(), keys);
                        } else {
                            int key = row.status() == RowStatus.ACCEPTED
                                    ? keys.key(row.customerId(), row.subscriptionId(), row.model(), row.condition())
                                    : SpillWriter.OUT_OF_PERIOD;
                            int day = key < 0 ? 0 : (int) (row.day().toEpochDay() - firstDay);
                            spill.valid(batch.file(), row, key, day, keys);
                        }
                    }
                    charsRead.addAndGet(chars);
                }
                spilled[worker] = spill.counts();
                rejectsSpilled[worker] = spill.rejects();
            }
            return rejects;
        }

        void logProgress(long started) {
            long rows = rowsRead.get();
            long nanos = System.nanoTime() - started;
            long chars = charsRead.get();
            String left = "";
            if (rows > 0 && chars > 0) {
                long estimatedRows = (long) (bytes / ((double) chars / rows));
                long rate = perSecond(rows, nanos);
                if (rate > 0 && estimatedRows > rows) {
                    left = ", about " + (estimatedRows - rows) / rate + " s left";
                }
            }
            log.info("usage pass 1: {} rows read ({} rows/s), file {} of {}{}", rows, perSecond(rows, nanos),
                    Math.min(nextFile.get(), files.size()), files.size(), left);
        }
    }

    // pass 2: de-duplicate and sum one partition

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
     * The spilled events of final runs: records per partition (written as the extra worker {@code threads}) and the
     * final periods, numbered as in their positions (see {@link #billedPosition}).
     */
    private record Fed(long[] counts, List<String> periods) {
    }

    /** {@code billed}: the events accepted, spilled to {@code billedFile} for a final run (0 and null otherwise). */
    private record PartitionResult(long[][] counts, List<UsageReject> conflicts, long billed, Path billedFile) {
    }

    /**
     * Spills the events that the final runs of these periods billed, as the extra worker {@code threads}.
     *
     * @return the records spilled per partition
     */
    private long[] feed(List<String> periods, int partitions) throws IOException {
        if (periods.isEmpty()) {
            return new long[partitions];
        }
        long start = System.nanoTime();
        try (SpillWriter spill = new SpillWriter(settings.spillDir(), settings.threads(), partitions)) {
            for (int i = 0; i < periods.size(); i++) {
                long[] sequence = {0};
                int period = i;
                billed.forEach(periods.get(i), (id, high, low) -> spill.billed(id,
                        billedPosition(period, sequence[0]++), high, low));
            }
            long[] counts = spill.counts();
            log.info("usage: {} events billed by the final runs of {} read in {} s, to tell late usage from usage"
                    + " already billed", sum(counts), String.join(", ", periods), seconds(System.nanoTime() - start));
            return counts;
        }
    }

    /** Positions of billed events come before every row of the files (whose positions are not negative). */
    static long billedPosition(int period, long sequence) {
        return Long.MIN_VALUE + ((long) period << LINE_BITS) + sequence;
    }

    private static int billedPeriod(long position) {
        return (int) ((position - Long.MIN_VALUE) >>> LINE_BITS);
    }

    private static String lateReason(String period) {
        return LATE + period + " is already final (bill it with 'run --period " + period + " --final --correction')";
    }

    /** Sends the events a partition accepted to the sink, from its spill file, and deletes the file. */
    private static void sendBilled(PartitionResult result, UsageSink sink) throws IOException {
        if (result.billedFile() == null) {
            return;
        }
        List<BilledEvent> batch = new ArrayList<>();
        try (SpillChannel.Input in = new SpillChannel.Input(result.billedFile())) {
            for (long n = result.billed(); n > 0; n--) {
                String id = in.string();
                java.nio.ByteBuffer b = in.need(16);
                batch.add(new BilledEvent(id, b.getLong(), b.getLong()));
                if (batch.size() == UsageSink.BILLED_BATCH) {
                    sink.billed(List.copyOf(batch));
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            sink.billed(batch);
        }
        Files.delete(result.billedFile());
    }

    /**
     * Pass 2 for one partition. Identities first: the first occurrence of each event id (smallest
     * position) and, for the few ids seen more than once, the other occurrences, which become
     * duplicates or conflicts. Then payloads: every row that is not such a later occurrence is
     * counted (accepted or out of period) and its meters summed.
     */
    private PartitionResult deduplicate(int partition, List<String> names, long[][] spilled, Fed fed, boolean withIds,
            MeterSums sums, DayCounter requests) throws IOException {
        long records = 0;
        for (long[] worker : spilled) {
            records += worker[partition];
        }
        FirstOccurrences firsts = new FirstOccurrences(records);
        Map<Integer, Others> repeated = new HashMap<>();
        SpillReader.identities(settings.spillDir(), spilled, partition, (buffer, idStart, idLength, position, high, low) -> {
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
        });
        if (fed.counts()[partition] > 0) {
            SpillReader.identities(settings.spillDir(), settings.threads(), fed.counts()[partition], partition,
                    (buffer, idStart, idLength, position, high, low) -> {
                        int slot = firsts.find(buffer, idStart, idLength, FirstOccurrences.hash(buffer, idStart, idLength));
                        if (slot < 0 || firsts.position(slot) < 0) {
                            return; // no row of the run has this id, or an earlier final period billed it too
                        }
                        // billed by a final run: it comes first, and the run's rows of the id are later occurrences
                        repeated.computeIfAbsent(slot, s -> new Others())
                                .add(firsts.position(slot), firsts.high(slot), firsts.low(slot));
                        firsts.set(slot, position, high, low);
                    });
        }
        long[][] counts = new long[5][names.size()];
        List<UsageReject> lates = new ArrayList<>();
        Set<Long> later = new java.util.HashSet<>();
        List<UsageReject> conflicts = new ArrayList<>();
        repeated.forEach((slot, others) -> {
            long first = firsts.position(slot);
            String eventId = firsts.eventId(slot);
            for (int i = 0; i < others.count; i++) {
                long position = others.values[i * 3];
                int file = (int) (position >>> LINE_BITS);
                later.add(position);
                if (others.values[i * 3 + 1] == firsts.high(slot) && others.values[i * 3 + 2] == firsts.low(slot)) {
                    counts[1][file]++;
                } else {
                    counts[2][file]++;
                    String firstRow = first < 0 ? "the final run of " + fed.periods().get(billedPeriod(first))
                            : names.get((int) (first >>> LINE_BITS)) + " line " + (first & LINE_MASK);
                    conflicts.add(new UsageReject(names.get(file), position & LINE_MASK, eventId,
                            CONFLICT + firstRow + " with different content", null));
                }
            }
        });
        Path billedFile = recordBilled ? settings.spillDir().resolve("billed-p" + partition + ".bin") : null;
        long[] billedCount = {0};
        try (SpillChannel.Output billedOut = billedFile == null ? null : new SpillChannel.Output(billedFile, 1 << 15)) {
            java.nio.ByteBuffer record = java.nio.ByteBuffer.allocate(1 << 10);
            SpillReader.payloads(settings.spillDir(), spilled, partition, withIds, r -> {
                if (!later.isEmpty() && later.contains(r.position)) {
                    return;
                }
                int file = (int) (r.position >>> LINE_BITS);
                if (r.key == SpillWriter.LATE) {
                    counts[4][file]++;
                    lates.add(new UsageReject(names.get(file), r.position & LINE_MASK, r.eventId,
                            lateReason(classifier.periodLabel(java.time.LocalDate.ofEpochDay(r.day))), null));
                    return;
                }
                if (r.key < 0) {
                    counts[3][file]++;
                    return;
                }
                if (billedOut != null) {
                    writeBilled(billedOut, record, r);
                    billedCount[0]++;
                }
                accept(r, file, counts, sums, requests);
            });
        }
        conflicts.addAll(lates);
        return new PartitionResult(counts, conflicts, billedCount[0], billedFile);
    }

    private static void writeBilled(SpillChannel.Output out, java.nio.ByteBuffer record, SpillReader.Record r) {
        try {
            record.clear();
            SpillChannel.putString(record, r.eventId);
            record.putLong(r.high).putLong(r.low);
            out.write(record.flip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts an accepted row and adds its meters to the sums. */
    private static void accept(SpillReader.Record r, int file, long[][] counts, MeterSums sums, DayCounter requests) {
        counts[0][file]++;
        requests.count(r.key, r.day);
        for (int m = 0; m < r.meterCount; m++) {
            if (r.scales[m] == 0) {
                sums.add(r.key, r.meters[m], r.units[m]);
            } else {
                sums.add(r.key, r.meters[m], r.scales[m] > 0 ? BigDecimal.valueOf(r.units[m], r.scales[m])
                        : r.decimals[m]);
            }
        }
    }

    private void sendRejects(Pass1 pass1, List<String> names, UsageSink sink) throws IOException {
        List<UsageReject> batch = new ArrayList<>();
        for (int w = 0; w < settings.threads(); w++) {
            SpillReader.rejects(settings.spillDir(), w, pass1.rejectsSpilled[w], names, reject -> {
                batch.add(reject);
                if (batch.size() == SINK_BATCH) {
                    sink.rejects(List.copyOf(batch));
                    batch.clear();
                }
            });
        }
        if (!batch.isEmpty()) {
            sink.rejects(batch);
        }
    }

    /**
     * Sends the totals in batches, sorted by subscription, model, price condition and meter: close
     * to usage_total's primary key order, so the database appends to its index instead of inserting
     * all over it (H2, 600,000 totals: 84 us a row in key-number order, 7 us sorted).
     */
    private long sendTotals(MeterSums sums, UsageSink sink) {
        Comparator<UsageKeys.Key> byPrimaryKey = Comparator.comparing(UsageKeys.Key::subscriptionId)
                .thenComparing(UsageKeys.Key::model).thenComparing(k -> k.condition().name());
        UsageKeys.Key[] all = new UsageKeys.Key[keys.keyCount()];
        Arrays.setAll(all, keys::key);
        int[] keyOrder = IntStream.range(0, all.length).boxed()
                .sorted(Comparator.comparing(id -> all[id], byPrimaryKey)).mapToInt(Integer::intValue).toArray();
        int[] meterOrder = IntStream.range(0, keys.meterCount()).boxed()
                .sorted(Comparator.comparing(keys::meter)).mapToInt(Integer::intValue).toArray();
        List<AggregatedUsage> batch = new ArrayList<>();
        long[] sent = {0};
        sums.forEach(keyOrder, meterOrder, (key, meter, quantity) -> {
            UsageKeys.Key k = keys.key(key);
            batch.add(new AggregatedUsage(k.customerId(), new UsageTotal(k.subscriptionId(), k.model(), keys.meter(meter),
                    k.condition(), quantity)));
            if (batch.size() == SINK_BATCH) {
                sink.totals(List.copyOf(batch));
                sent[0] += batch.size();
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            sink.totals(batch);
            sent[0] += batch.size();
        }
        return sent[0];
    }

    /**
     * The partition count within the open-file limit: pass 1 keeps, per worker, one spill file per
     * partition plus one for rejects, and each reader one usage file; a reserve is left for the
     * database, jars and logs. At least one partition, even when that leaves no reserve.
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

    /** Counts an accepted row of a key on a day (days since the period's first). */
    private interface DayCounter {
        void count(int key, int day);
    }

    /** Sends each customer's requests per day, in customer id order (the order of usage_daily's key). */
    private void sendDaily(String[] customerIds, DayCounts daily, int days, UsageSink sink) {
        Integer[] order = new Integer[customerIds.length];
        Arrays.setAll(order, c -> c);
        Arrays.sort(order, Comparator.comparing(c -> customerIds[c]));
        List<DailyRequests> batch = new ArrayList<>();
        for (int c : order) {
            long[] requests = new long[days];
            long sum = 0;
            for (int d = 0; d < days; d++) {
                requests[d] = daily.get(c * days + d);
                sum += requests[d];
            }
            if (sum == 0) {
                continue; // every row of the customer lost to an earlier one with the same event id
            }
            batch.add(new DailyRequests(customerIds[c], classifier.period().start(), requests));
            if (batch.size() == SINK_BATCH) {
                sink.daily(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            sink.daily(batch);
        }
    }

    static long position(int file, long line) {
        return ((long) file << LINE_BITS) | line;
    }

    private static <T> T await(Future<T> future, ExecutorService pool) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The next finished task, or null after 10 s (time to log progress); asks for a stop every 200 ms meanwhile. */
    private <T> Future<T> next(CompletionService<T> done) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (stopRequested.getAsBoolean()) {
                throw new StopRequestedException();
            }
            Future<T> next = done.poll(200, TimeUnit.MILLISECONDS);
            if (next != null) {
                return next;
            }
        }
        return null;
    }

    /** An operator asked the run to stop while the pipeline ran. */
    public static final class StopRequestedException extends RuntimeException {
        public StopRequestedException() {
            super("stop requested: reading usage abandoned");
        }
    }

    /** Stops a pool and waits for its threads, so no thread still writes spill files when the caller deletes them. */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("usage threads did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }

    private static String seconds(long nanos) {
        return String.format("%.2f", nanos / 1e9);
    }

    private static long perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : Math.round(count * 1e9 / nanos);
    }
}
