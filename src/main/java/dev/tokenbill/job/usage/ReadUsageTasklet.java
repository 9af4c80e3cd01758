package dev.tokenbill.job.usage;

import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.job.inputs.ValidateInputsTasklet;
import dev.tokenbill.job.run.BillingProperties;
import dev.tokenbill.job.run.RunContext;
import dev.tokenbill.job.run.StopRequest;
import dev.tokenbill.report.JdbcReportQueries;
import dev.tokenbill.report.RunReports;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.internal.UsageFiles;
import dev.tokenbill.usage.pipeline.UsagePipeline;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Step 3: reads, validates, de-duplicates and sums every usage row with the {@link UsagePipeline}
 * (its worker threads and spill files are sized by {@code tokenbill.threads} and
 * {@code tokenbill.usage-partition-mb}), stores the rejects, per-file counts and usage totals, then
 * enforces the reject limits (late usage does not count: it is valid usage, rejected only because its
 * period is final; a final run records the events it billed for that). When they are exceeded it writes rejects.csv (so the operator sees
 * why) and fails with the counts.
 *
 * <p>The step is repeatable rather than checkpointed: it starts by clearing the run's usage rows,
 * and its results are written in batches of their own transactions (see {@link JdbcUsageStore});
 * nothing reads them before the step has completed. After a crash, a restart runs the step again
 * from the start. The pipeline reads a million rows in seconds, so a finer checkpoint would cost
 * more than it saves.
 */
public class ReadUsageTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ReadUsageTasklet.class);

    private final JdbcTemplate jdbc;
    private final JdbcCustomerDao customers;
    private final JdbcReportQueries queries;
    private final BillingProperties properties;
    private final PlatformTransactionManager transactions;

    public ReadUsageTasklet(JdbcTemplate jdbc, JdbcCustomerDao customers, JdbcReportQueries queries,
            BillingProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.customers = customers;
        this.queries = queries;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
            throws IOException, InterruptedException, JobInterruptedException {
        RunContext run = RunContext.of(contribution);
        Map<String, List<Subscription>> byCustomer = customers.subscriptions(run.runId()).stream()
                .collect(Collectors.groupingBy(Subscription::customerId));
        for (String customerId : customers.customerIds(run.runId())) {
            byCustomer.putIfAbsent(customerId, List.of());
        }
        // late usage: rows of periods already billed final are compared with what their final runs billed
        Map<String, Long> finalRuns = JdbcUsageStore.finalRuns(jdbc, run.period());
        UsageClassifier classifier = new UsageClassifier(run.catalog(), run.period(), byCustomer, finalRuns.keySet());
        JdbcUsageStore store = new JdbcUsageStore(jdbc, run.runId(), transactions);
        store.clear();
        Path spill = spillDir(run);
        StopRequest stop = new StopRequest(jdbc, contribution.getStepExecution().getJobExecutionId());
        UsagePipeline.Result result;
        try {
            deleteTree(spill);
            Files.createDirectories(spill);
            List<Path> files = UsageFiles.list(run.input());
            long usageBytes = 0;
            for (Path file : files) {
                usageBytes += Files.size(file);
            }
            spillWarning(usageBytes, ValidateInputsTasklet.usableSpace(spill), spill.getParent()).ifPresent(log::warn);
            UsagePipeline pipeline = new UsagePipeline(classifier, new UsagePipeline.Settings(
                    properties.effectiveThreads(), properties.usagePartitionMb() * 1024L * 1024L, spill),
                    JdbcUsageStore.billedEvents(jdbc, finalRuns), run.isFinal());
            result = pipeline.run(files, store, stop);
            if (stop.getAsBoolean()) {
                throw new UsagePipeline.StopRequestedException();
            }
        } catch (UsagePipeline.StopRequestedException e) {
            // STOPPED, not FAILED; the rows stored so far are cleared when the step runs again
            throw new JobInterruptedException(e.getMessage());
        } finally {
            deleteTree(spill);
        }
        StepExecution step = contribution.getStepExecution();
        step.setReadCount(result.read());
        step.setWriteCount(result.accepted());
        step.setFilterCount(result.duplicates() + result.outOfPeriod() + result.late());
        contribution.incrementReadSkipCount(result.rejected());
        enforceRejectLimits(run, result.read(), result.rejected());
        return RepeatStatus.FINISHED;
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
     * A warning when the spill directory's disk has less room than the usage files take: the spill holds every valid
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

    /**
     * The run's spill directory: under {@code tokenbill.spill-dir} (default the system temp
     * directory), named after the run, period and output directory, so a restart after a crash
     * finds and removes what the crashed attempt left.
     */
    private Path spillDir(RunContext run) {
        String base = properties.spillDir() == null || properties.spillDir().isBlank()
                ? System.getProperty("java.io.tmpdir") : properties.spillDir();
        String output = HexFormat.of().toHexDigits(run.output().toAbsolutePath().normalize().toString().hashCode());
        return Path.of(base).resolve("tokenbill-usage-" + run.runId() + "-" + run.period().label() + "-" + output);
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

    /** Too many usage rows were rejected for the run to be trusted. */
    public static class RejectLimitExceededException extends RuntimeException {
        public RejectLimitExceededException(String message) {
            super(message);
        }
    }
}
