package dev.tokenbill.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Registers tokenbill's own figures of one run as gauges (the README's "Metrics" section lists them). Every value is
 * the run's state at its end, so each is a gauge, not a counter. Amounts become doubles here and only here: exact
 * enough to watch and alert on, never used for anything else (run.json and the CSV files keep the exact decimals).
 */
final class TokenbillMeters {

    /** The step that renders the PDFs: its write count is the number of invoices rendered. */
    static final String RENDER_STEP = "renderInvoices";

    private static final List<BatchStatus> END_STATES = List.of(BatchStatus.COMPLETED, BatchStatus.FAILED,
            BatchStatus.STOPPED);

    private final MeterRegistry registry;

    TokenbillMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(JobExecution execution, RunFigures figures) {
        run(execution);
        for (StepExecution step : execution.getStepExecutions()) {
            if (!step.getStepName().contains(":")) { // a partition (worker:partitionN): its manager step has its figures
                step(step);
            }
        }
        for (RunFigures.UsageFile file : figures.files()) {
            Tags name = Tags.of("file", file.file());
            gauge("tokenbill.usage.rows.read", "usage rows read from the file", name, file.read());
            for (Map.Entry<String, Long> outcome : file.outcomes().entrySet()) {
                gauge("tokenbill.usage.rows", "usage rows of the file by outcome; they add up to rows read",
                        name.and("outcome", outcome.getKey()), outcome.getValue());
            }
        }
        for (RunFigures.InvoiceCount count : figures.invoiceCounts()) {
            gauge("tokenbill.invoices", "the run's invoices by currency and status (DRAFT or FINAL)",
                    Tags.of("currency", count.currency(), "status", count.status()), count.count());
        }
        for (RunFigures.CurrencyTotals totals : figures.currencies()) {
            currency(totals);
        }
    }

    private void run(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        for (BatchStatus state : END_STATES) {
            gauge("tokenbill.run.status", "1 for the state the run ended in, 0 for the others",
                    Tags.of("status", state.name()), state == status ? 1 : 0);
        }
        if (!END_STATES.contains(status)) {
            gauge("tokenbill.run.status", "1 for the state the run ended in, 0 for the others",
                    Tags.of("status", status.name()), 1);
        }
        gauge("tokenbill.run.id", "the run's id (tokenbill status lists it)", Tags.empty(),
                execution.getJobInstance().getInstanceId());
        epochSeconds("tokenbill.run.start.timestamp.seconds", "when this execution of the run started",
                execution.getStartTime());
        epochSeconds("tokenbill.run.end.timestamp.seconds", "when this execution of the run ended",
                execution.getEndTime());
        gauge("tokenbill.run.duration.seconds", "wall time of this execution of the run", Tags.empty(),
                seconds(execution.getStartTime(), execution.getEndTime()));
    }

    private void step(StepExecution step) {
        Tags name = Tags.of("step", step.getStepName());
        double seconds = seconds(step.getStartTime(), step.getEndTime());
        gauge("tokenbill.step.duration.seconds", "wall time of the step in this execution",
                name.and("status", step.getStatus().name()), seconds);
        gauge("tokenbill.step.read.items", "items the step read in this execution", name, step.getReadCount());
        gauge("tokenbill.step.written.items", "items the step wrote in this execution", name, step.getWriteCount());
        if (step.getStepName().equals(RENDER_STEP)) {
            gauge("tokenbill.invoice.renders.per.second", "invoice PDFs rendered per second of the rendering step",
                    Tags.empty(), seconds > 0 ? step.getWriteCount() / seconds : 0);
        }
    }

    private void currency(RunFigures.CurrencyTotals t) {
        Tags currency = Tags.of("currency", t.currency());
        amount("tokenbill.invoices.subtotal.amount", "sum of the invoices' subtotals", currency, t.subtotal());
        amount("tokenbill.invoices.discounts.amount", "sum of the invoices' discounts", currency, t.discounts());
        amount("tokenbill.invoices.tax.amount", "sum of the invoices' tax", currency, t.tax());
        amount("tokenbill.invoices.total.amount", "sum of the invoices' totals (subtotal - discounts + tax)", currency,
                t.total());
        amount("tokenbill.invoices.credits.applied.amount", "prepaid credits applied to the invoices", currency,
                t.credits());
        amount("tokenbill.invoices.due.amount", "amount due: the totals less the credits applied", currency, t.due());
    }

    private void amount(String name, String help, Tags currency, BigDecimal value) {
        Gauge.builder(name, value, BigDecimal::doubleValue).description(help).tags(currency).strongReference(true)
                .register(registry);
    }

    private void epochSeconds(String name, String help, LocalDateTime time) {
        if (time != null) {
            gauge(name, help, Tags.empty(), time.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() / 1000.0);
        }
    }

    private void gauge(String name, String help, Tags tags, double value) {
        Gauge.builder(name, () -> value).description(help).tags(tags).register(registry);
    }

    private static double seconds(LocalDateTime start, LocalDateTime end) {
        return start == null || end == null ? 0 : Duration.between(start, end).toMillis() / 1000.0;
    }
}
