package dev.tokenbill.job.usage;

import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.job.run.BillingProperties;
import dev.tokenbill.job.run.RunContext;
import dev.tokenbill.job.run.StopRequest;
import dev.tokenbill.job.inputs.ValidateInputsTasklet;
import dev.tokenbill.report.JdbcReportQueries;
import dev.tokenbill.report.RunReports;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.job.usage.JdbcUsageStore;
import dev.tokenbill.usage.internal.UsageFiles;
import dev.tokenbill.usage.pipeline.BucketSummer;
import dev.tokenbill.usage.pipeline.PartitionSums;
import dev.tokenbill.usage.pipeline.RangeReader;
import dev.tokenbill.usage.pipeline.SubscriptionIndex;
import dev.tokenbill.usage.pipeline.UsageMerge;
import dev.tokenbill.usage.pipeline.UsagePipeline;
import dev.tokenbill.usage.pipeline.UsageRange;
import dev.tokenbill.usage.pipeline.UsageRanges;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step 3, reading usage, as four steps (issue 16): the heavy two are partitioned through the
 * {@link dev.tokenbill.job.partition.Partitions} seam, so their partitions run on threads or on remote workers
 * that share the database and a filesystem ({@link UsageStaging}).
 *
 * <ol>
 * <li>{@code prepareUsage}: clears the run's usage rows, empties the staging directory, cuts the usage files into
 * ranges of about {@code tokenbill.usage-partition-mb} ({@link UsageRanges}) and decides the bucket count (one per
 * {@code usage-partition-mb} of input, at least the partition grid size); the plan goes to the staging directory.
 * <li>{@code readUsage}, a partition per range ({@code readUsagePartition}): parses and classifies the range's rows
 * and spills them by bucket ({@link RangeReader}). A range read again starts by emptying its own directory.
 * <li>{@code sumUsage}, a partition per share of buckets ({@code sumUsagePartition}): de-duplicates the bucket's rows
 * of every range and adds the accepted ones to the partition's sums ({@link BucketSummer}, {@link PartitionSums});
 * each bucket's file and the partition's sums file are replaced when summed again.
 * <li>{@code checkUsage}: adds the buckets up and stores rejects, totals, requests per day, billed events and the
 * per-file tallies ({@link UsageMerge}, one writer, in usage_total's key order) and enforces the reject limits (late usage does not count: it is valid usage, rejected only because its period is
 * final). When they are exceeded it writes rejects.csv (so the operator sees why) and fails with the counts.
 * The staging directory is deleted when the job has completed ({@link #stagingCleanup()}).
 * </ol>
 *
 * <p>Nothing reads the usage rows before checkUsage has completed, and checkUsage clears them before it writes, so
 * each step is repeatable; a restart re-runs only the partitions that did not complete.
 */
public final class UsageSteps {

    private static final Logger log = LoggerFactory.getLogger(UsageSteps.class);
    /** A partition's ranges (readUsage) or buckets (sumUsage), and its position and counts in them. */
    static final String RANGES = "usage.ranges";
    static final String BUCKETS = "usage.buckets";
    static final String NEXT = "usage.next";
    static final String READ = "usage.read";
    static final String REJECTED = "usage.rejected";

    private final JdbcTemplate jdbc;
    private final JdbcCustomerDao customers;
    private final JdbcReportQueries queries;
    private final BillingProperties properties;
    private final PlatformTransactionManager transactions;

    public UsageSteps(JdbcTemplate jdbc, JdbcCustomerDao customers, JdbcReportQueries queries,
            BillingProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.queries = queries;
        this.properties = properties;
        this.transactions = transactions;
    }

    /** The classifier of the job execution whose partitions this process runs now: built once, not per partition. */
    private UsageClassifier cached;
    private SubscriptionIndex cachedIndex;
    private long cachedFor = -1;

    private synchronized UsageClassifier classifier(StepExecution step) {
        long execution = step.getJobExecutionId();
        if (cached == null || cachedFor != execution) {
            cached = classifier(RunContext.of(step));
            cachedIndex = null;
            cachedFor = execution;
        }
        return cached;
    }

    /** The classifier's subscriptions numbered in usage_total's key order, for the sums of sumUsage's partitions. */
    private synchronized SubscriptionIndex subscriptionIndex(StepExecution step) {
        UsageClassifier classifier = classifier(step);
        if (cachedIndex == null) {
            cachedIndex = SubscriptionIndex.of(classifier);
        }
        return cachedIndex;
    }

    private UsageClassifier classifier(RunContext run) {
        Map<String, List<Subscription>> byCustomer = bySubscriber(customers.subscriptions(run.runId()));
        for (String customerId : customers.customerIds(run.runId())) {
            byCustomer.putIfAbsent(customerId, List.of());
        }
        // late usage: rows of periods already billed final are compared with what their final runs billed
        Map<String, Long> finalRuns = JdbcUsageStore.finalRuns(jdbc, run.period());
        return new UsageClassifier(run.catalog(), run.period(), byCustomer, finalRuns.keySet());
    }

    /**
     * The subscriptions (ordered by customer, then start) by customer, each customer's in an immutable list of its
     * own size; plan ids, coupon codes and dates shared among equal values. Every process of a run holds these for
     * the usage steps: at 1,000,000 customers the lists of ten a grouping collector makes and a copy of each plan id
     * and date per row took about 150 MB more.
     */
    static Map<String, List<Subscription>> bySubscriber(List<Subscription> ordered) {
        Map<String, List<Subscription>> result = new HashMap<>(ordered.size() * 4 / 3 + 1);
        Map<Object, Object> shared = new HashMap<>();
        int from = 0;
        for (int i = 1; i <= ordered.size(); i++) {
            if (i < ordered.size() && ordered.get(i).customerId().equals(ordered.get(from).customerId())) {
                continue;
            }
            Subscription[] ofCustomer = new Subscription[i - from];
            for (int j = from; j < i; j++) {
                Subscription s = ordered.get(j);
                ofCustomer[j - from] = new Subscription(s.id(), s.customerId(), share(shared, s.planId()),
                        share(shared, s.start()), share(shared, s.end()), s.quantity(), share(shared, s.couponCode()));
            }
            if (result.put(ofCustomer[0].customerId(), List.of(ofCustomer)) != null) {
                throw new IllegalArgumentException("subscriptions not ordered by customer: " + ofCustomer[0].customerId());
            }
            from = i;
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T share(Map<Object, Object> shared, T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    private long partitionBytes() {
        return properties.usagePartitionMb() * 1024L * 1024L;
    }

    /** prepareUsage; {@code gridSize}: the least number of buckets (the partition seam's grid size). */
    public Tasklet prepare(int gridSize) {
        return (contribution, chunkContext) -> {
            RunContext run = RunContext.of(contribution);
            new JdbcUsageStore(jdbc, run.runId(), transactions).clear();
            Path dir = UsageStaging.dir(properties, run);
            deleteTree(dir);
            Files.createDirectories(dir);
            List<Path> files = UsageFiles.list(run.input());
            long bytes = 0;
            for (Path file : files) {
                bytes += Files.size(file);
            }
            spillWarning(bytes, ValidateInputsTasklet.usableSpace(dir), dir.getParent()).ifPresent(log::warn);
            int buckets = UsagePipeline.buckets(bytes, partitionBytes(), gridSize, properties.effectiveThreads());
            List<UsageRange> ranges = UsageRanges.split(files, partitionBytes(), gridSize, properties.effectiveThreads());
            UsageStaging.write(dir, new UsageStaging.Plan(files.stream().map(f -> f.getFileName().toString()).toList(),
                    ranges, buckets));
            log.info("usage: {} files, {} MB, read in {} ranges and de-duplicated in {} buckets; staging in {}",
                    files.size(), bytes >> 20, ranges.size(), buckets, dir);
            return RepeatStatus.FINISHED;
        };
    }

    /** The partitions of readUsage: the plan's ranges shared out over at most {@code gridSize} partitions. */
    public Partitioner ranges() {
        return gridSize -> {
            UsageStaging.Plan plan = plan(StepSynchronizationManager.getContext().getStepExecution());
            long[] bytes = plan.ranges().stream().mapToLong(r -> r.to() - r.from()).toArray();
            return partitions(shares(bytes, gridSize), RANGES);
        };
    }

    /** The partitions of sumUsage: the plan's buckets (of equal size by hash) shared out over at most {@code gridSize}. */
    public Partitioner buckets() {
        return gridSize -> {
            UsageStaging.Plan plan = plan(StepSynchronizationManager.getContext().getStepExecution());
            long[] equal = new long[plan.buckets()];
            Arrays.fill(equal, 1);
            return partitions(shares(equal, gridSize), BUCKETS);
        };
    }

    private static Map<String, ExecutionContext> partitions(List<List<Integer>> shares, String key) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int p = 0; p < shares.size(); p++) {
            ExecutionContext context = new ExecutionContext();
            context.putString(key, shares.get(p).stream().map(String::valueOf).collect(Collectors.joining(",")));
            partitions.put(String.format(Locale.ROOT, "partition%04d", p), context);
        }
        return partitions;
    }

    /**
     * Shares items of the given weights out over at most {@code partitions} partitions of near-equal weight: the
     * heaviest item first, each to the lightest partition so far (the lowest-numbered on a tie); each partition's
     * items in ascending order. Small buckets keep the de-duplication tables in the CPU's caches (two 38 MB
     * buckets took twice the CPU time of eight of 9.5 MB at 1M events), while one partition per thread runs in
     * one wave, so the JIT warms up on every thread at once instead of making the first wave the slowest.
     */
    static List<List<Integer>> shares(long[] weights, int partitions) {
        int count = Math.max(0, Math.min(partitions, weights.length));
        List<List<Integer>> shares = new ArrayList<>();
        long[] load = new long[count];
        for (int p = 0; p < count; p++) {
            shares.add(new ArrayList<>());
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> weights[a] != weights[b] ? Long.compare(weights[b], weights[a])
                : Integer.compare(a, b));
        for (int item : order) {
            int lightest = 0;
            for (int p = 1; p < count; p++) {
                if (load[p] < load[lightest]) {
                    lightest = p;
                }
            }
            shares.get(lightest).add(item);
            load[lightest] += weights[item];
        }
        shares.forEach(Collections::sort);
        return shares;
    }

    private UsageStaging.Plan plan(StepExecution step) {
        try {
            return UsageStaging.read(UsageStaging.dir(properties, RunContext.of(step)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * readUsagePartition: pass 1 of the partition's ranges, one range per transaction; the next range's position and
     * the counts so far are kept in the partition's execution context, so a restart goes on with the range that
     * did not finish.
     */
    public Tasklet readRange() {
        return (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            ExecutionContext context = step.getExecutionContext();
            int[] ranges = indices(context.getString(RANGES));
            int next = context.getInt(NEXT, 0);
            if (next >= ranges.length) {
                return RepeatStatus.FINISHED;
            }
            RunContext run = RunContext.of(step);
            Path dir = UsageStaging.dir(properties, run);
            UsageStaging.Plan plan = UsageStaging.read(dir);
            int r = ranges[next];
            UsageRange range = plan.ranges().get(r);
            long start = System.nanoTime();
            RangeReader.RangeMeta meta;
            try {
                meta = RangeReader.read(classifier(step), subscriptionIndex(step),
                        run.input().resolve("usage").resolve(range.fileName()), range, BucketSummer.rangeDir(dir, r),
                        plan.buckets(), new StopRequest(jdbc, step.getJobExecutionId()));
            } catch (UsagePipeline.StopRequestedException e) {
                // STOPPED, not FAILED; a restart reads the range again from its start
                throw new JobInterruptedException(e.getMessage());
            }
            long nanos = System.nanoTime() - start;
            count(step, meta.read(), meta.rejected(), next + 1);
            log.info("usage pass 1: range {} of {} ({}): {} rows read in {} s ({} rows/s), {} rejected", r + 1,
                    plan.ranges().size(), range, meta.read(), seconds(nanos), perSecond(meta.read(), nanos),
                    meta.rejected());
            return next + 1 < ranges.length ? RepeatStatus.CONTINUABLE : RepeatStatus.FINISHED;
        };
    }

    /**
     * sumUsagePartition: pass 2 of the partition's buckets, in one transaction: the buckets add their accepted rows to
     * the partition's sums ({@link PartitionSums}, in memory), written after the last bucket, so a partition that
     * does not finish (a crash, a stop) is summed again from its first bucket on restart; each bucket's own file
     * and the sums file are replaced, never appended to.
     */
    public Tasklet sumBucket() {
        return (contribution, chunkContext) -> {
            StepExecution step = contribution.getStepExecution();
            int[] buckets = indices(step.getExecutionContext().getString(BUCKETS));
            if (buckets.length == 0) {
                return RepeatStatus.FINISHED;
            }
            RunContext run = RunContext.of(step);
            Path dir = UsageStaging.dir(properties, run);
            UsageStaging.Plan plan = UsageStaging.read(dir);
            UsageClassifier classifier = classifier(step);
            List<RangeReader.RangeMeta> metas = BucketSummer.metas(dir, plan.ranges().size());
            PartitionSums sums = new PartitionSums(subscriptionIndex(step), (int) run.period().days(),
                    BucketSummer.meters(metas), dir, buckets[0],
                    PartitionSums.budget(properties.effectiveThreads()));
            Map<String, Long> finalRuns = JdbcUsageStore.finalRuns(jdbc, run.period());
            StopRequest stop = new StopRequest(jdbc, step.getJobExecutionId());
            long rows = 0;
            for (int b : buckets) {
                if (stop.getAsBoolean()) {
                    throw new JobInterruptedException("stop requested: summing usage abandoned");
                }
                long start = System.nanoTime();
                long bucketRows = BucketSummer.sum(classifier, dir, metas, plan.files(), b,
                        JdbcUsageStore.billedEvents(jdbc, finalRuns), run.isFinal(), sums);
                rows += bucketRows;
                long held = sums.bytes() + sums.requestBytes();
                sums.bucketDone();
                log.info("usage pass 2: bucket {} of {}: {} rows de-duplicated and summed in {} s; the partition's sums"
                        + " hold about {} MB", b + 1, plan.buckets(), bucketRows, seconds(System.nanoTime() - start),
                        held >> 20);
            }
            int runs = sums.finish();
            log.info("usage pass 2: the sums of {} buckets written as {} sorted run(s)", buckets.length, runs);
            count(step, rows, 0, buckets.length);
            return RepeatStatus.FINISHED;
        };
    }

    /** Adds a range's or bucket's counts to the partition's (kept in its context, so a restart goes on counting). */
    private static void count(StepExecution step, long read, long rejected, int next) {
        ExecutionContext context = step.getExecutionContext();
        long readSoFar = context.getLong(READ, 0L) + read;
        long rejectedSoFar = context.getLong(REJECTED, 0L) + rejected;
        context.putLong(READ, readSoFar);
        context.putLong(REJECTED, rejectedSoFar);
        context.putInt(NEXT, next);
        step.setReadCount(readSoFar);
        step.setReadSkipCount(rejectedSoFar);
    }

    private static int[] indices(String list) {
        return list.isEmpty() ? new int[0] : Arrays.stream(list.split(",")).mapToInt(Integer::parseInt)
                .toArray();
    }

    /** checkUsage: stores what the buckets summed, the tallies, and enforces the reject limits. */
    public Tasklet check() {
        return (StepContribution contribution, ChunkContext chunkContext) -> {
            RunContext run = RunContext.of(contribution);
            Path dir = UsageStaging.dir(properties, run);
            UsageStaging.Plan plan = UsageStaging.read(dir);
            JdbcUsageStore store = new JdbcUsageStore(jdbc, run.runId(), transactions);
            store.clear();
            long start = System.nanoTime();
            UsagePipeline.Result result = UsageMerge.send(run.period().start(), dir, plan.ranges().size(), plan.buckets(),
                    plan.files(), store);
            long nanos = System.nanoTime() - start;
            log.info("usage: {} rows: {} accepted, {} exact duplicates, {} rejected, {} out of period, {} late;"
                    + " {} totals stored in {} s", result.read(), result.accepted(), result.duplicates(),
                    result.rejected(), result.outOfPeriod(), result.late(), result.totals(), seconds(nanos));
            if (result.late() > 0) {
                log.warn("usage: {} rows are late usage of a period already billed final: rejected, see rejects.csv",
                        result.late());
            }
            StepExecution step = contribution.getStepExecution();
            step.setReadCount(result.read());
            step.setWriteCount(result.accepted());
            step.setFilterCount(result.duplicates() + result.outOfPeriod() + result.late());
            contribution.incrementReadSkipCount(result.rejected());
            synchronized (this) {
                cached = null; // the subscriptions of a finished step's run need no memory any more
                cachedIndex = null;
            }
            // the staging stays until the job has completed: a restart after a failed reject limit (or a crash
            // before this step's commit) runs checkUsage again from the same files
            enforceRejectLimits(run, result.read(), result.rejected());
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * Deletes the run's staging directory once the job has COMPLETED, never earlier: until the job's last commit a
     * restart may run checkUsage again, which reads the staged bucket results. A process that dies after that
     * commit but before this leaves the directory behind (a new run of the period starts with its own).
     */
    public JobExecutionListener stagingCleanup() {
        return new JobExecutionListener() {
            @Override
            public void afterJob(JobExecution job) {
                if (job.getStatus() != BatchStatus.COMPLETED) {
                    return;
                }
                Path dir = UsageStaging.dir(properties, RunContext.of(job));
                try {
                    deleteTree(dir);
                    Files.deleteIfExists(dir.getParent()); // .staging, when nothing else is in it
                } catch (IOException e) {
                    // not empty: another run's staging; or not deletable: it costs disk, not correctness
                    log.debug("staging {} left: {}", dir, e.toString());
                }
            }
        };
    }

    private void enforceRejectLimits(RunContext run, long read, long rejected) throws IOException {
        BigDecimal share = read == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(rejected).divide(BigDecimal.valueOf(read), 6, RoundingMode.HALF_UP);
        boolean overAbsolute = properties.maxRejects() >= 0 && rejected > properties.maxRejects();
        boolean overShare = share.compareTo(properties.maxRejectShare()) > 0;
        if (overAbsolute || overShare) {
            RunReports.rejects(run.periodDir().resolve("rejects.csv"), queries.rejects(run.runId(), run.input().resolve("usage")));
            throw new RejectLimitExceededException(rejected + " of " + read + " usage rows were rejected ("
                    + share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + " %), over the limit of "
                    + (overAbsolute ? properties.maxRejects() + " rows (tokenbill.max-rejects)"
                            : properties.maxRejectShare().movePointRight(2).stripTrailingZeros().toPlainString()
                                    + " % (tokenbill.max-reject-share)")
                    + "; the reasons are in " + run.periodDir().resolve("rejects.csv")
                    + "; raise the limit and restart, or fix the files and start a new run");
        }
    }

    /**
     * A warning when the staging directory's disk has less room than the usage files take: the spill holds every valid
     * row once, measured at 0.97 of the usage files' bytes on the 1M-event benchmark and 0.94 on the sample, and a
     * full disk fails the step part-way through. Empty when there is room or the free space is unknown (negative).
     */
    public static Optional<String> spillWarning(long usageBytes, long usableBytes, Path base) {
        if (usableBytes < 0 || usableBytes >= usageBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the spill directory %s has %.1f GB free, but readUsage spills about"
                + " as much as the usage files take (%.1f GB): free space or set tokenbill.spill-dir to a larger disk,"
                + " or readUsage will fail when the disk is full", base, usableBytes / 1e9, usageBytes / 1e9));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }

    private static long perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : Math.round(count * 1e9 / nanos);
    }

    /** Too many usage rows were rejected for the run to be trusted. */
    public static class RejectLimitExceededException extends RuntimeException {
        public RejectLimitExceededException(String message) {
            super(message);
        }
    }
}
