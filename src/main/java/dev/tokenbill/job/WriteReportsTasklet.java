package dev.tokenbill.job;

import dev.tokenbill.invoice.internal.JdbcCreditNoteDao;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.job.partition.PartitionsLeft;
import dev.tokenbill.report.FileCounts;
import dev.tokenbill.report.InvoiceLedger;
import dev.tokenbill.report.JdbcReportQueries;
import dev.tokenbill.report.RunReports;
import dev.tokenbill.report.StepTiming;
import dev.tokenbill.report.TaxReport;
import dev.tokenbill.report.pdf.SummaryPdfRenderer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 9: checks the reconciliation (a run that does not add up fails here), writes charges.csv, tax-report.csv,
 * rejects.csv, summary.csv, margin.csv, plans-whatif.csv, summary.pdf and run.json, and makes this
 * run the period's current drafts by removing earlier draft runs of the period and their stale PDFs.
 * Repeatable.
 */
public class WriteReportsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(WriteReportsTasklet.class);
    private static final List<String> RUN_TABLES = List.of("invoice_line_tier", "invoice_line", "invoice", "credit_applied",
            "credit_grant", "plan_whatif", "cost_allocation", "cost_pool", "usage_total", "usage_daily",
            "usage_reject", "usage_file", "subscription", "customer");

    /** Invoices (and PDF names) read at a time: the reports never hold every invoice of the run. */
    private static final int LEDGER_PAGE_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final JdbcInvoiceDao invoices;
    private final JdbcReportQueries queries;
    private final dev.tokenbill.allocation.internal.JdbcAllocationDao allocations;
    private final Supplier<SummaryPdfRenderer> summaryPdf;

    /** {@code summaryPdf} is asked for the renderer only when the reports are written (its template compiles then). */
    public WriteReportsTasklet(JdbcTemplate jdbc, JdbcInvoiceDao invoices, JdbcReportQueries queries,
            dev.tokenbill.allocation.internal.JdbcAllocationDao allocations, Supplier<SummaryPdfRenderer> summaryPdf) {
        this.jdbc = jdbc;
        this.invoices = invoices;
        this.queries = queries;
        this.allocations = allocations;
        this.summaryPdf = summaryPdf;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        RunContext run = RunContext.of(contribution);
        List<FileCounts> files = queries.fileCounts(run.runId());
        Map<String, java.math.BigDecimal> differences = queries.usageDifferences(run.runId());
        for (FileCounts f : files) {
            if (!f.balanced()) {
                throw new IllegalStateException("reconciliation failed for " + f.file() + ": " + f.read() + " rows read but "
                        + f.accepted() + " accepted + " + f.duplicates() + " duplicates + " + f.rejected() + " rejected + "
                        + f.outOfPeriod() + " out of period + " + f.late() + " late");
            }
        }
        if (!differences.isEmpty()) {
            throw new IllegalStateException("reconciliation failed: accepted usage differs from billed usage for "
                    + differences);
        }
        List<JdbcReportQueries.Reject> rejects = queries.rejects(run.runId(), run.input().resolve("usage"));
        List<StepTiming> steps = new ArrayList<>();
        for (StepExecution step : contribution.getStepExecution().getJobExecution().getStepExecutions()) {
            if (step.getId() == contribution.getStepExecution().getId() || PartitionsLeft.isPartition(step)) {
                continue; // a partitioned step's figures are its manager step's
            }
            double seconds = step.getStartTime() == null || step.getEndTime() == null ? 0
                    : Duration.between(step.getStartTime(), step.getEndTime()).toMillis() / 1000.0;
            steps.add(new StepTiming(step.getStepName(), step.getStatus().name(), step.getReadCount(), step.getWriteCount(),
                    step.getSkipCount(), seconds));
        }
        InvoiceLedger ledger = new JdbcInvoiceLedger(invoices, allocations, new JdbcCreditNoteDao(jdbc), run,
                LEDGER_PAGE_SIZE);
        long written = RunReports.writeAll(run.periodDir(), new RunReports.RunFacts(run.runId(), run.period().label(),
                run.mode().name(), "COMPLETED", files, ledger, rejects, steps, differences, queries.whatIfs(run.runId())),
                summaryPdf.get());
        TaxReport.write(run.periodDir().resolve("tax-report.csv"), run.period().label(),
                TaxReport.rows(jdbc, run.runId()));
        supersedeEarlierDrafts(run);
        jdbc.update("update billing_run set status = 'COMPLETED' where run_id = ?", run.runId());
        log.info("wrote {} invoices' charges, {} rejects and the summary to {}", written, rejects.size(), run.periodDir());
        return RepeatStatus.FINISHED;
    }

    /** A completed run replaces the period's earlier drafts: their rows and the draft PDFs this run did not write. */
    private void supersedeEarlierDrafts(RunContext run) throws IOException {
        List<Long> earlier = jdbc.queryForList("select run_id from billing_run where period = ? and mode = 'DRAFT'"
                + " and run_id <> ?", Long.class, run.period().label(), run.runId());
        for (long runId : earlier) {
            for (String table : RUN_TABLES) {
                jdbc.update("delete from " + table + " where run_id = ?", runId);
            }
            jdbc.update("update billing_run set status = 'SUPERSEDED' where run_id = ?", runId);
        }
        Path dir = run.periodDir().resolve("invoices");
        if (!Files.isDirectory(dir)) {
            return;
        }
        // a draft PDF whose name is not one of this run's is stale; a hash collision could only keep a stale file
        long[] current = invoices.pdfFileHashes(run.runId());
        try (DirectoryStream<Path> pdfs = Files.newDirectoryStream(dir, "DRAFT-*")) {
            for (Path pdf : pdfs) {
                if (Arrays.binarySearch(current, JdbcInvoiceDao.fileNameHash(pdf.getFileName().toString())) < 0) {
                    Files.delete(pdf);
                }
            }
        }
    }
}
