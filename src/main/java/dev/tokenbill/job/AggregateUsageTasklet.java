package dev.tokenbill.job;

import dev.tokenbill.report.FileCounts;
import dev.tokenbill.report.JdbcReportQueries;
import dev.tokenbill.report.RunReports;
import dev.tokenbill.usage.internal.UsageAggregation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 4: de-duplicates usage by event id and aggregates it per subscription, model, meter and
 * condition; then enforces the reject limits. When they are exceeded it writes rejects.csv (so the
 * operator sees why) and fails with the counts. Repeatable: the aggregation undoes itself first.
 */
public class AggregateUsageTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(AggregateUsageTasklet.class);
    private final UsageAggregation aggregation;
    private final JdbcReportQueries queries;
    private final BillingProperties properties;

    public AggregateUsageTasklet(UsageAggregation aggregation, JdbcReportQueries queries, BillingProperties properties) {
        this.aggregation = aggregation;
        this.queries = queries;
        this.properties = properties;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        RunContext run = RunContext.of(contribution);
        aggregation.run(run.runId());
        long read = 0;
        long rejected = 0;
        long duplicates = 0;
        for (FileCounts f : queries.fileCounts(run.runId())) {
            read += f.read();
            rejected += f.rejected();
            duplicates += f.duplicates();
        }
        log.info("usage: {} rows read, {} exact duplicates, {} rejected", read, duplicates, rejected);
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
        return RepeatStatus.FINISHED;
    }

    /** Too many usage rows were rejected for the run to be trusted. */
    public static class RejectLimitExceededException extends RuntimeException {
        public RejectLimitExceededException(String message) {
            super(message);
        }
    }
}
