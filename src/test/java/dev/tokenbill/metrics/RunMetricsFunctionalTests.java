package dev.tokenbill.metrics;

import static dev.tokenbill.testsupport.RunOutput.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.job.BillingRuns;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import dev.tokenbill.testsupport.RunOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * metrics.prom and the Pushgateway push after whole runs on the small fixture (October 2026; see
 * BillingJobFunctionalTests for its amounts). Counted by hand from fixtures/small/usage:
 * <pre>
 * a.csv 11 rows: e-001 (2026-09-30T23:59:59.999Z) out of period, the other 10 accepted
 * b.csv 10 rows: e-007 an exact copy of a.csv's (duplicate), e-010 (2026-11-01) out of period,
 *       e-012 of the unknown customer "ghost" rejected, the other 7 accepted
 * invoices: USD 2 (acme 34.66 + bluefin 10.00 = 44.66 due), EUR 2 (chateau 129.50 + delta 27.15 = 156.65 due)
 * </pre>
 */
@BillingJobTest
@ExtendWith(OutputCaptureExtension.class)
class RunMetricsFunctionalTests {

    private static final String PERIOD = "2026-10";
    private static final PushgatewayStandIn PUSHGATEWAY = start();
    private static final Path TEXTFILE_DIR = Path.of("target", "node-exporter-textfile").toAbsolutePath();

    @DynamicPropertySource
    static void pushToTheStandIn(DynamicPropertyRegistry properties) {
        properties.add("tokenbill.metrics.pushgateway-url", PUSHGATEWAY::url);
        properties.add("tokenbill.metrics.textfile-dir", TEXTFILE_DIR::toString);
        properties.add("tokenbill.partitions", () -> "2");
    }

    @AfterAll
    static void stopTheStandIn() {
        PUSHGATEWAY.close();
    }

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path output;

    @BeforeEach
    void startFromAnEmptyDatabase() throws IOException {
        BillingDatabase.reset(jdbc);
        PUSHGATEWAY.answer(200);
        Files.deleteIfExists(TEXTFILE_DIR.resolve("tokenbill-monthly-draft.prom"));
    }

    @Test
    void completedRun_MetricsFileHoldsTheCountsOfRunJson_AndThePushCarriesTheSameText() throws Exception {
        // given the small fixture and a Pushgateway that accepts pushes

        // when
        JobExecution execution = runs.start(PERIOD, false, Fixtures.input("small"), output);

        // then metrics.prom agrees with run.json, file by file, currency by currency and step by step
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path dir = output.resolve(PERIOD);
        String text = Files.readString(dir.resolve("metrics.prom"));
        PrometheusText metrics = PrometheusText.parse(text);
        JsonNode run = json(dir.resolve("run.json"));
        assertThat(run.get("files")).hasSize(2);
        for (JsonNode file : run.get("files")) {
            String name = file.get("file").asText();
            assertThat(metrics.value("tokenbill_usage_rows_read", "file", name)).as(name)
                    .isEqualTo(file.get("rows_read").asLong());
            assertThat(rows(metrics, name, "accepted")).as(name).isEqualTo(file.get("accepted").asLong());
            assertThat(rows(metrics, name, "duplicate")).as(name).isEqualTo(file.get("duplicates").asLong());
            assertThat(rows(metrics, name, "rejected")).as(name).isEqualTo(file.get("rejected").asLong());
            assertThat(rows(metrics, name, "out_of_period")).as(name).isEqualTo(file.get("out_of_period").asLong());
            if (file.has("late")) { // run.json has it where the database counts late usage
                assertThat(rows(metrics, name, "late")).as(name).isEqualTo(file.get("late").asLong());
            }
        }
        assertThat(metrics.all("tokenbill_invoices").stream().mapToDouble(PrometheusText.Sample::value).sum())
                .isEqualTo(run.get("invoice_count").asLong());
        assertThat(run.get("totals").properties()).hasSize(2);
        for (var currency : run.get("totals").properties()) {
            String code = currency.getKey();
            JsonNode totals = currency.getValue();
            assertThat(metrics.value("tokenbill_invoices", "currency", code, "status", "DRAFT")).as(code)
                    .isEqualTo(totals.get("invoices").asLong());
            assertAmount(metrics, "tokenbill_invoices_subtotal_amount", code, totals.get("subtotal"));
            assertAmount(metrics, "tokenbill_invoices_discounts_amount", code, totals.get("discounts"));
            assertAmount(metrics, "tokenbill_invoices_tax_amount", code, totals.get("tax"));
            assertAmount(metrics, "tokenbill_invoices_total_amount", code, totals.get("total"));
            assertAmount(metrics, "tokenbill_invoices_credits_applied_amount", code, totals.get("credits_applied"));
            assertAmount(metrics, "tokenbill_invoices_due_amount", code, totals.get("amount_due"));
        }
        for (JsonNode step : run.get("steps")) {
            String name = step.get("name").asText();
            assertThat(metrics.value("tokenbill_step_read_items", "step", name)).as(name)
                    .isEqualTo(step.get("read").asLong());
            assertThat(metrics.value("tokenbill_step_written_items", "step", name)).as(name)
                    .isEqualTo(step.get("written").asLong());
            assertThat(metrics.value("tokenbill_step_duration_seconds", "step", name, "status", "COMPLETED")).as(name)
                    .isEqualTo(step.get("seconds").asDouble());
        }
        assertThat(metrics.value("tokenbill_run_status", "status", "COMPLETED")).isEqualTo(1);
        assertThat(metrics.value("tokenbill_run_status", "status", "FAILED")).isEqualTo(0);
        assertThat(metrics.value("tokenbill_run_id")).isEqualTo(run.get("run_id").asLong());

        // and with the hand-counted figures of the fixture
        assertThat(metrics.value("tokenbill_usage_rows_read", "file", "a.csv")).isEqualTo(11);
        assertThat(rows(metrics, "a.csv", "accepted")).isEqualTo(10);
        assertThat(rows(metrics, "a.csv", "out_of_period")).isEqualTo(1);
        assertThat(metrics.value("tokenbill_usage_rows_read", "file", "b.csv")).isEqualTo(10);
        assertThat(rows(metrics, "b.csv", "accepted")).isEqualTo(7);
        assertThat(rows(metrics, "b.csv", "duplicate")).isEqualTo(1);
        assertThat(rows(metrics, "b.csv", "rejected")).isEqualTo(1);
        assertThat(rows(metrics, "b.csv", "out_of_period")).isEqualTo(1);
        assertThat(metrics.value("tokenbill_invoices_due_amount", "currency", "USD")).isEqualTo(44.66);
        assertThat(metrics.value("tokenbill_invoices_due_amount", "currency", "EUR")).isEqualTo(156.65);
        assertThat(metrics.value("tokenbill_step_written_items", "step", "renderInvoices")).isEqualTo(4);
        assertThat(metrics.value("tokenbill_invoice_renders_per_second")).isPositive();

        // and Spring Batch's own observations: the job and each of its eight steps once, the five customers read
        assertThat(metrics.value("spring_batch_job_seconds_count", "spring_batch_job_name", "billing",
                "spring_batch_job_status", "COMPLETED")).isEqualTo(1);
        for (String step : List.of("validateInputs", "loadCustomers", "readUsage", "allocateCosts", "rateCustomers",
                "numberInvoices", "renderInvoices", "writeReports")) {
            assertThat(metrics.value("spring_batch_step_seconds_count", "spring_batch_step_name", step,
                    "spring_batch_step_status", "COMPLETED")).as(step).isEqualTo(1);
        }
        // in two partitions, one series: acme, bluefin, chateau, and the read that finds no more in the first;
        // delta, echo, and that read in the second
        assertThat(metrics.value("spring_batch_item_read_seconds_count", "spring_batch_item_read_step_name",
                "rateCustomersPartition")).isEqualTo(7);
        assertThat(metrics.value("spring_batch_step_seconds_count", "spring_batch_step_name", "rateCustomersPartition",
                "spring_batch_step_status", "COMPLETED")).isEqualTo(2);
        assertThat(text).doesNotContain(":partition");
        assertThat(metrics.samples()).allSatisfy(sample -> assertThat(sample.labels())
                .containsEntry("period", PERIOD).containsEntry("mode", "DRAFT"));

        // and node_exporter's textfile directory holds the same text under the name of a monthly draft, nothing else
        assertThat(RunOutput.fileNames(TEXTFILE_DIR)).containsExactly("tokenbill-monthly-draft.prom");
        assertThat(TEXTFILE_DIR.resolve("tokenbill-monthly-draft.prom")).hasContent(text);

        // and the Pushgateway received the same text under the run's grouping key
        assertThat(PUSHGATEWAY.requests()).singleElement().satisfies(push -> {
            assertThat(push.method()).isEqualTo("PUT");
            assertThat(push.path()).isEqualTo("/metrics/job/tokenbill/period/2026-10/mode/DRAFT");
            assertThat(push.contentType()).startsWith("text/plain; version=0.0.4");
            assertThat(push.body()).isEqualTo(text);
            PrometheusText pushed = PrometheusText.parse(push.body());
            assertAmount(pushed, "tokenbill_invoices_due_amount", "USD", run.get("totals").get("USD").get("amount_due"));
            assertThat(pushed.value("tokenbill_usage_rows_read", "file", "b.csv"))
                    .isEqualTo(run.get("files").get(1).get("rows_read").asLong());
        });
    }

    @Test
    void failedRun_StillWritesItsMetricsWithItsStatus_AndARefusedPushIsOneWarningLine(@TempDir Path noInput,
            CapturedOutput console) throws Exception {
        // given an input directory without catalog.yaml (validateInputs fails) and a Pushgateway that refuses pushes
        PUSHGATEWAY.answer(500);

        // when
        JobExecution execution = runs.start(PERIOD, false, noInput, output);

        // then the run failed for its own reason, and metrics.prom says so
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("catalog.yaml"));
        Path dir = output.resolve(PERIOD);
        assertThat(dir.resolve("run.json")).doesNotExist();
        assertThat(dir.resolve("metrics.prom.tmp")).doesNotExist();
        PrometheusText metrics = PrometheusText.parse(Files.readString(dir.resolve("metrics.prom")));
        assertThat(metrics.value("tokenbill_run_status", "status", "FAILED")).isEqualTo(1);
        assertThat(metrics.value("tokenbill_run_status", "status", "COMPLETED")).isEqualTo(0);
        assertThat(metrics.value("tokenbill_step_duration_seconds", "step", "validateInputs", "status", "FAILED"))
                .isNotNegative();
        assertThat(metrics.all("tokenbill_usage_rows_read")).isEmpty();
        assertThat(metrics.all("tokenbill_invoices")).isEmpty();
        assertThat(metrics.value("spring_batch_job_seconds_count", "spring_batch_job_status", "FAILED")).isEqualTo(1);
        assertThat(PUSHGATEWAY.requests()).singleElement()
                .satisfies(push -> assertThat(push.path()).isEqualTo("/metrics/job/tokenbill/period/2026-10/mode/DRAFT"));
        String group = PUSHGATEWAY.url() + "/metrics/job/tokenbill/period/2026-10/mode/DRAFT";
        assertThat(console.getOut().lines().filter(line -> line.contains("push"))).singleElement().satisfies(line ->
                assertThat(line).contains("WARN", "could not push the run's metrics to " + group + ": it answered 500"));
        assertThat(console.getOut()).doesNotContain("\tat ", "RunMetricsListener.afterJob");
    }

    private static double rows(PrometheusText metrics, String file, String outcome) {
        return metrics.value("tokenbill_usage_rows", "file", file, "outcome", outcome);
    }

    /** The gauge is a double; run.json's amount is an exact decimal string, compared at the double's shortest form. */
    private static void assertAmount(PrometheusText metrics, String name, String currency, JsonNode expected) {
        BigDecimal exported = new BigDecimal(Double.toString(metrics.value(name, "currency", currency)));
        assertThat(exported).as(name + " " + currency).isEqualByComparingTo(new BigDecimal(expected.asText()));
    }

    private static PushgatewayStandIn start() {
        try {
            return new PushgatewayStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
