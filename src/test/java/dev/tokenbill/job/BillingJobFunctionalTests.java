package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static dev.tokenbill.testsupport.RunOutput.fileNames;
import static dev.tokenbill.testsupport.RunOutput.json;
import static dev.tokenbill.testsupport.RunOutput.pdfText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.job.run.RunParameters;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The whole billing job on a real PostgreSQL, on the hand-made input in
 * {@code src/test/resources/fixtures/small} (October 2026, five customers, two usage files).
 *
 * <p>The amounts below are worked out by hand from the fixture's catalog.yaml; every line is
 * rounded once, HALF_UP, to the cent, and tax once per invoice on the subtotal:
 * <pre>
 * acme    (USD, starter-usd, DE VAT 19%), subscribed since 2026-03-01: the whole month
 *   fee      20.00 x 1 seat x 31/31 days                                            =  20.00
 *   input    1,000,000 + 500,000 + 250,000 + 250,000 + 1,050,000 = 3,050,000
 *            x 0.0000025 = 7.625 (HALF_UP; HALF_EVEN would give 7.62)              ->   7.63
 *   output   50,000 + 100,000 + 25,000 + 0 + 75,000 = 250,000 - 100,000 included
 *            = 150,000 x 0.00001                                                    =   1.50
 *   subtotal 29.13; VAT 29.13 x 0.19 = 5.5347 -> 5.53; total 34.66
 *   (e-001 at 2026-09-30T23:59:59.999Z is out of period; e-009 at 14:00+02:00 is 12:00Z, in period)
 * bluefin (USD, team-usd, US sales tax 0%), minimum commitment 10.00, quantity empty = 1
 *   input    500,000 + 2,000,000 + 0 + 1,000,000 + 1,500,000 = 5,000,000 x 0.00000015 =   0.75
 *   output   50,000 + 400,000 + 0 + 100,000 + 150,000 = 700,000 x 0.0000006          =   0.42
 *   true-up  10.00 x 31/31 committed - 1.17 used                                    =   8.83
 *   subtotal 10.00; tax 0.00; total 10.00
 *   (e-007 at 2026-10-31T23:59:59.999Z is in period; its exact copy atop b.csv is a duplicate;
 *   e-020 has zero tokens: accepted, adds nothing)
 * chateau (EUR, tiered-eur, FR VAT 20%), 2 seats, the whole month
 *   fee      50.00 x 2 seats x 31/31                                                = 100.00
 *   input    100,000 + 300,000 + 200,000 = 600,000 x 0.0000002                      =   0.12
 *   output   800,000 + 700,000 + 300,000 = 1,800,000, graduated:
 *            tier 1: 1,000,000 x 0.000002 = 2.00; tier 2: 800,000 x 0.000001 + 5.00 flat = 5.80
 *                                                                                   =   7.80
 *   subtotal 107.92; VAT 107.92 x 0.20 = 21.584 -> 21.58; total 129.50
 *   (e-010 at 2026-11-01T00:00Z is out of period)
 * delta   (EUR, tiered-eur, DE but tax exempt), subscribed from 2026-10-16: 16 of 31 days
 *   fee      50.00 x 1 x 16/31 = 25.8064...                                         ->  25.81
 *   input    400,000 + 100,000 + 200,000 = 700,000 x 0.0000002                      =   0.14
 *   output   300,000 + 200,000 + 100,000 = 600,000, all in tier 1 x 0.000002        =   1.20
 *   subtotal 27.15; tax exempt 0.00; total 27.15
 * echo    (USD, starter-usd): its subscription ended 2026-10-01 (exclusive), so no invoice.
 * e-012 of customer "ghost" (not in customers.csv) is rejected: 1 of 21 rows, under the default
 * 5 % reject limit.
 * Totals: USD 2 invoices, subtotal 39.13, tax 5.53, total 44.66;
 *         EUR 2 invoices, subtotal 135.07, tax 21.58, total 156.65.
 * </pre>
 */
@BillingJobTest
class BillingJobFunctionalTests {

    private static final String PERIOD = "2026-10";

    /** Invoice totals and the number of charge lines of each customer, as worked out in the class comment. */
    private record Expected(String customerId, String name, String currency, String subtotal, String tax,
            String total, int lines, int tierRows) {

        /** The total as the English page prints it: € before a EUR amount, the ISO code and a space otherwise. */
        String formattedTotal() {
            return currency.equals("EUR") ? "€" + total : currency + " " + total;
        }
    }

    private static final List<Expected> EXPECTED = List.of(
            new Expected("acme", "Acme Robotics GmbH", "USD", "29.13", "5.53", "34.66", 3, 0),
            new Expected("bluefin", "Bluefin Analytics, LLC", "USD", "10.00", "0.00", "10.00", 3, 0),
            new Expected("chateau", "Château Lumière SARL", "EUR", "107.92", "21.58", "129.50", 3, 2),
            new Expected("delta", "Delta Forschungsinstitut e.V.", "EUR", "27.15", "0.00", "27.15", 3, 1));

    private static final List<String> OTHER_NAMES = List.of("Echo Media Ltd");

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path output;

    private final Path input = Fixtures.input("small");

    @BeforeEach
    void startFromAnEmptyDatabase() {
        BillingDatabase.reset(jdbc);
    }

    @Test
    void draftRun_StoresOneInvoicePerBillableCustomerWithHandWorkedTotals() throws Exception {
        // given the small fixture and no earlier run

        // when
        JobExecution execution = runs.start(PERIOD, false, input, output);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, Object>> invoices = invoiceRows();
        assertThat(invoices).extracting(r -> r.get("customer_id"))
                .containsExactly("acme", "bluefin", "chateau", "delta");
        for (int i = 0; i < EXPECTED.size(); i++) {
            Expected expected = EXPECTED.get(i);
            Map<String, Object> row = invoices.get(i);
            assertThat(row.get("run_id")).as("run of %s", expected.customerId()).isEqualTo(execution.getJobInstanceId());
            assertThat(row.get("status")).isEqualTo("DRAFT");
            assertThat(row.get("invoice_number")).isNull();
            assertThat(row.get("currency")).isEqualTo(expected.currency());
            assertAmount(row, "subtotal", expected.subtotal(), expected);
            assertAmount(row, "discounts", "0", expected);
            assertAmount(row, "tax", expected.tax(), expected);
            assertAmount(row, "total", expected.total(), expected);
            assertAmount(row, "amount_due", expected.total(), expected);
            assertThat(lineCount(execution.getJobInstanceId(), expected.customerId()))
                    .as("lines of %s", expected.customerId()).isEqualTo(expected.lines());
            assertThat(sumOfLines(execution.getJobInstanceId(), expected.customerId()))
                    .as("lines of %s add up to the subtotal", expected.customerId())
                    .isEqualByComparingTo(expected.subtotal());
        }
        assertThat(row("delta").get("tax_exempt")).isEqualTo(true);
        assertThat(lines(execution.getJobInstanceId(), "acme")).containsExactly(
                "RECURRING 20.00", "USAGE input_tokens 3050000 included 0 billed 3050000 = 7.63",
                "USAGE output_tokens 250000 included 100000 billed 150000 = 1.50");
        assertThat(lines(execution.getJobInstanceId(), "bluefin")).containsExactly(
                "USAGE input_tokens 5000000 included 0 billed 5000000 = 0.75",
                "USAGE output_tokens 700000 included 0 billed 700000 = 0.42", "TRUE_UP 8.83");
        assertThat(lines(execution.getJobInstanceId(), "chateau")).containsExactly(
                "RECURRING 100.00", "USAGE input_tokens 600000 included 0 billed 600000 = 0.12",
                "USAGE output_tokens 1800000 included 0 billed 1800000 = 7.80");
        assertThat(jdbc.queryForList("select amount from invoice_line_tier where run_id = ? and customer_id = 'chateau'"
                + " order by position, tier", BigDecimal.class, execution.getJobInstanceId()))
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2.00"), new BigDecimal("5.80"));
        assertThat(lines(execution.getJobInstanceId(), "delta")).containsExactly(
                "RECURRING 25.81", "USAGE input_tokens 700000 included 0 billed 700000 = 0.14",
                "USAGE output_tokens 600000 included 0 billed 600000 = 1.20");
        assertThat(jdbc.queryForObject("select status from billing_run where run_id = ?", String.class,
                execution.getJobInstanceId())).isEqualTo("COMPLETED");
    }

    @Test
    void draftRun_RendersOnePdfPerInvoiceShowingOnlyItsOwnCustomer() throws Exception {
        // given the small fixture

        // when
        runs.start(PERIOD, false, input, output);

        // then
        Path invoicesDir = output.resolve(PERIOD).resolve("invoices");
        assertThat(fileNames(invoicesDir)).containsExactlyInAnyOrder("DRAFT-acme.pdf", "DRAFT-bluefin.pdf",
                "DRAFT-chateau.pdf", "DRAFT-delta.pdf");
        for (Expected expected : EXPECTED) {
            String pdfFile = (String) row(expected.customerId()).get("pdf_file");
            assertThat(pdfFile).isEqualTo("DRAFT-" + expected.customerId() + ".pdf");
            String text = pdfText(invoicesDir.resolve(pdfFile));
            assertThat(text).as("PDF of %s", expected.customerId())
                    .contains(expected.name(), expected.formattedTotal(), "DRAFT");
            for (String other : otherNames(expected)) {
                assertThat(text).as("PDF of %s", expected.customerId()).doesNotContain(other);
            }
        }
        assertThat(pdfText(invoicesDir.resolve("DRAFT-delta.pdf"))).contains("Tax exempt");
    }

    @Test
    void draftRun_WritesALedgerRowPerInvoiceLineThatAddsUpToTheSubtotals() throws Exception {
        // given the small fixture

        // when
        runs.start(PERIOD, false, input, output);

        // then
        List<Map<String, String>> charges = csv(output.resolve(PERIOD).resolve("charges.csv"));
        // 3 charge lines per invoice, 2 tier rows for chateau and 1 for delta, one TAX row per invoice
        // (no discounts or credits in this fixture, so no DISCOUNT or CREDIT rows)
        assertThat(charges).hasSize(4 * 3 + 2 + 1 + 4);
        for (Expected expected : EXPECTED) {
            List<Map<String, String>> ofCustomer = charges.stream()
                    .filter(r -> r.get("customer_id").equals(expected.customerId())).toList();
            List<Map<String, String>> chargeRows = ofCustomer.stream()
                    .filter(r -> List.of("RECURRING", "USAGE", "TRUE_UP").contains(r.get("kind"))).toList();
            assertThat(chargeRows).as("charge rows of %s", expected.customerId()).hasSize(expected.lines());
            assertThat(sum(chargeRows, "amount")).as("charges of %s", expected.customerId())
                    .isEqualByComparingTo(expected.subtotal());
            assertThat(ofCustomer).filteredOn(r -> r.get("kind").equals("TIER")).hasSize(expected.tierRows());
            assertThat(ofCustomer).filteredOn(r -> r.get("kind").equals("TAX")).singleElement()
                    .satisfies(r -> assertThat(new BigDecimal(r.get("amount"))).isEqualByComparingTo(expected.tax()));
            assertThat(ofCustomer).allSatisfy(r -> {
                assertThat(r.get("currency")).isEqualTo(expected.currency());
                assertThat(r.get("status")).isEqualTo("DRAFT");
                assertThat(r.get("period")).isEqualTo(PERIOD);
            });
        }
        // the tier rows of chateau's output line add up to the line
        assertThat(sum(charges.stream().filter(r -> r.get("customer_id").equals("chateau")
                && r.get("kind").equals("TIER")).toList(), "tier_amount")).isEqualByComparingTo("7.80");
    }

    @Test
    void draftRun_ReconcilesEveryUsageRowInRunJsonAndRejectsCsv() throws Exception {
        // given a.csv: 11 rows, e-001 out of period; b.csv: 10 rows, e-007 an exact duplicate of a.csv's
        // last row, e-010 out of period, e-012 of an unknown customer

        // when
        JobExecution execution = runs.start(PERIOD, false, input, output);

        // then
        JsonNode run = json(output.resolve(PERIOD).resolve("run.json"));
        assertThat(run.get("run_id").asLong()).isEqualTo(execution.getJobInstanceId());
        assertThat(run.get("period").asString()).isEqualTo(PERIOD);
        assertThat(run.get("mode").asString()).isEqualTo("DRAFT");
        assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(run.get("invoice_count").asInt()).isEqualTo(4);
        assertThat(run.get("first_invoice_number").isNull()).isTrue();
        assertFileCounts(run.get("files").get(0), "a.csv", 11, 10, 0, 0, 1);
        assertFileCounts(run.get("files").get(1), "b.csv", 10, 7, 1, 1, 1);
        assertThat(run.get("files")).hasSize(2);
        assertCurrencyTotals(run.get("totals").get("USD"), 2, "39.13", "5.53", "44.66");
        assertCurrencyTotals(run.get("totals").get("EUR"), 2, "135.07", "21.58", "156.65");
        assertThat(run.get("reconciliation").get("files_balanced").asBoolean()).isTrue();
        assertThat(run.get("reconciliation").get("usage_equals_billed").asBoolean()).isTrue();
        assertThat(run.get("steps")).extracting(s -> s.get("status").asString()).containsOnly("COMPLETED");
        // summary.pdf prints the same reconciliation and totals
        assertThat(pdfText(output.resolve(PERIOD).resolve("summary.pdf"))).contains("a.csv 11 10 0 0 1 0 Yes",
                "b.csv 10 7 1 1 1 0 Yes", "All files 21 17 1 1 2 0 Yes", "Balanced: Yes", "USD 2 39.13 0.00 5.53 44.66",
                "EUR 2 135.07 0.00 21.58 156.65", "TOTAL USD 39.13");

        List<Map<String, String>> rejects = csv(output.resolve(PERIOD).resolve("rejects.csv"));
        assertThat(rejects).singleElement().satisfies(r -> {
            assertThat(r.get("file")).isEqualTo("b.csv");
            assertThat(r.get("line")).isEqualTo("7");
            assertThat(r.get("event_id")).isEqualTo("e-012");
            assertThat(r.get("reason")).contains("unknown customer 'ghost'");
        });
    }

    @Test
    void secondDraftRun_ReplacesTheFirstWithTheSameInvoices() throws Exception {
        // given a completed draft run of the period
        JobExecution first = runs.start(PERIOD, false, input, output);
        List<String> firstLines = allLines(first.getJobInstanceId());
        // and a draft PDF of a customer no longer invoiced, left by some earlier run
        Files.writeString(output.resolve(PERIOD).resolve("invoices").resolve("DRAFT-gone.pdf"), "stale");

        // when the period is drafted again into the same output directory
        JobExecution second = runs.start(PERIOD, false, input, output);

        // then
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(second.getJobInstanceId()).isNotEqualTo(first.getJobInstanceId());
        assertThat(second.getJobParameters().getLong(RunParameters.ATTEMPT)).isEqualTo(2L);
        assertThat(invoiceRows()).hasSize(4).allSatisfy(r -> assertThat(r.get("run_id"))
                .isEqualTo(second.getJobInstanceId()));
        assertThat(jdbc.queryForObject("select count(*) from invoice_line where run_id = ?", Integer.class,
                first.getJobInstanceId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from usage_file where run_id = ?", Integer.class,
                first.getJobInstanceId())).isZero();
        assertThat(allLines(second.getJobInstanceId())).isEqualTo(firstLines).hasSize(12);
        for (Expected expected : EXPECTED) {
            assertAmount(row(expected.customerId()), "total", expected.total(), expected);
        }
        assertThat(jdbc.queryForList("select status from billing_run order by run_id", String.class))
                .containsExactly("SUPERSEDED", "COMPLETED");
        // this run's four drafts stay, the stale one goes
        assertThat(fileNames(output.resolve(PERIOD).resolve("invoices"))).hasSize(4).doesNotContain("DRAFT-gone.pdf")
                .allSatisfy(name -> assertThat(name).startsWith("DRAFT-"));
    }

    @Test
    void finalRun_NumbersTheInvoicesGaplesslyInCustomerIdOrder() throws Exception {
        // given the small fixture and no earlier run

        // when
        JobExecution execution = runs.start(PERIOD, true, input, output);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, Object>> invoices = invoiceRows();
        assertThat(invoices).extracting(r -> r.get("customer_id") + " " + r.get("invoice_number") + " " + r.get("status"))
                .containsExactly("acme TB-000001 FINAL", "bluefin TB-000002 FINAL", "chateau TB-000003 FINAL",
                        "delta TB-000004 FINAL");
        for (int i = 0; i < EXPECTED.size(); i++) {
            assertAmount(invoices.get(i), "total", EXPECTED.get(i).total(), EXPECTED.get(i));
        }
        Path invoicesDir = output.resolve(PERIOD).resolve("invoices");
        assertThat(fileNames(invoicesDir)).containsExactlyInAnyOrder("TB-000001.pdf", "TB-000002.pdf", "TB-000003.pdf",
                "TB-000004.pdf");
        String acme = pdfText(invoicesDir.resolve("TB-000001.pdf"));
        assertThat(acme).contains("TB-000001", "Acme Robotics GmbH", "USD 34.66").doesNotContain("DRAFT");
        JsonNode run = json(output.resolve(PERIOD).resolve("run.json"));
        assertThat(run.get("mode").asString()).isEqualTo("FINAL");
        assertThat(run.get("first_invoice_number").asString()).isEqualTo("TB-000001");
        assertThat(run.get("last_invoice_number").asString()).isEqualTo("TB-000004");
        assertThat(csv(output.resolve(PERIOD).resolve("charges.csv")))
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("FINAL"))
                .extracting(r -> r.get("invoice_number")).doesNotContain("");
        assertThat(jdbc.queryForObject("select next_number from invoice_sequence", Long.class)).isEqualTo(5L);
    }

    @Test
    void finalRunAfterADraft_ReplacesTheDraftInvoicesAndPdfs() throws Exception {
        // given a draft preview of the period in the same output directory
        JobExecution draft = runs.start(PERIOD, false, input, output);

        // when
        JobExecution execution = runs.start(PERIOD, true, input, output);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(invoiceRows()).extracting(r -> r.get("run_id") + " " + r.get("status") + " " + r.get("invoice_number"))
                .containsExactly(execution.getJobInstanceId() + " FINAL TB-000001",
                        execution.getJobInstanceId() + " FINAL TB-000002",
                        execution.getJobInstanceId() + " FINAL TB-000003",
                        execution.getJobInstanceId() + " FINAL TB-000004");
        assertThat(jdbc.queryForObject("select count(*) from invoice_line where run_id = ?", Integer.class,
                draft.getJobInstanceId())).isZero();
        assertThat(jdbc.queryForList("select status from billing_run order by run_id", String.class))
                .containsExactly("SUPERSEDED", "COMPLETED");
        assertThat(fileNames(output.resolve(PERIOD).resolve("invoices"))).containsExactlyInAnyOrder("TB-000001.pdf",
                "TB-000002.pdf", "TB-000003.pdf", "TB-000004.pdf");
    }

    @Test
    void secondFinalRun_IsRefusedAndChangesNothing() throws Exception {
        // given a period already billed final
        JobExecution first = runs.start(PERIOD, true, input, output);
        List<String> before = allLines(first.getJobInstanceId());

        // when / then
        assertThatThrownBy(() -> runs.start(PERIOD, true, input, output))
                .isInstanceOf(BillingRuns.RunRefusedException.class)
                .hasMessageContaining("already billed final");
        assertThat(runs.executions(PERIOD)).hasSize(1);
        assertThat(invoiceRows()).extracting(r -> r.get("invoice_number"))
                .containsExactly("TB-000001", "TB-000002", "TB-000003", "TB-000004");
        assertThat(allLines(first.getJobInstanceId())).isEqualTo(before);
        assertThat(jdbc.queryForObject("select next_number from invoice_sequence", Long.class)).isEqualTo(5L);
    }

    // helpers

    private List<Map<String, Object>> invoiceRows() {
        return jdbc.queryForList("select * from invoice where period = ? order by customer_id", PERIOD);
    }

    private Map<String, Object> row(String customerId) {
        return jdbc.queryForMap("select * from invoice where period = ? and customer_id = ?", PERIOD, customerId);
    }

    private int lineCount(long runId, String customerId) {
        return jdbc.queryForObject("select count(*) from invoice_line where run_id = ? and customer_id = ?",
                Integer.class, runId, customerId);
    }

    private BigDecimal sumOfLines(long runId, String customerId) {
        return jdbc.queryForObject("select sum(amount) from invoice_line where run_id = ? and customer_id = ?",
                BigDecimal.class, runId, customerId);
    }

    /** One customer's lines as "KIND [meter used included billed =] amount", in invoice order. */
    private List<String> lines(long runId, String customerId) {
        return jdbc.query("select * from invoice_line where run_id = ? and customer_id = ? order by position",
                (rs, n) -> {
                    String amount = rs.getBigDecimal("amount").setScale(2).toPlainString();
                    if (!"USAGE".equals(rs.getString("kind"))) {
                        return rs.getString("kind") + " " + amount;
                    }
                    return "USAGE " + rs.getString("meter") + " " + plain(rs.getBigDecimal("usage_quantity"))
                            + " included " + plain(rs.getBigDecimal("included")) + " billed "
                            + plain(rs.getBigDecimal("quantity")) + " = " + amount;
                }, runId, customerId);
    }

    /** Every line of the run with its customer, position, kind, description and amount. */
    private List<String> allLines(long runId) {
        return jdbc.query("select * from invoice_line where run_id = ? order by customer_id, position",
                (rs, n) -> rs.getString("customer_id") + "#" + rs.getInt("position") + " " + rs.getString("kind") + " "
                        + rs.getString("description") + " " + rs.getBigDecimal("amount").setScale(2).toPlainString(),
                runId);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static void assertAmount(Map<String, Object> row, String column, String expected, Expected customer) {
        assertThat((BigDecimal) row.get(column)).as("%s of %s", column, customer.customerId())
                .isEqualByComparingTo(expected);
    }

    private static void assertFileCounts(JsonNode file, String name, long read, long accepted, long duplicates,
            long rejected, long outOfPeriod) {
        assertThat(file.get("file").asString()).isEqualTo(name);
        assertThat(file.get("rows_read").asLong()).as("rows_read of %s", name).isEqualTo(read);
        assertThat(file.get("accepted").asLong()).as("accepted of %s", name).isEqualTo(accepted);
        assertThat(file.get("duplicates").asLong()).as("duplicates of %s", name).isEqualTo(duplicates);
        assertThat(file.get("rejected").asLong()).as("rejected of %s", name).isEqualTo(rejected);
        assertThat(file.get("out_of_period").asLong()).as("out_of_period of %s", name).isEqualTo(outOfPeriod);
        assertThat(file.get("late").asLong()).as("late of %s (no period is final)", name).isZero();
        assertThat(read).isEqualTo(accepted + duplicates + rejected + outOfPeriod);
    }

    private static void assertCurrencyTotals(JsonNode totals, int invoices, String subtotal, String tax, String total) {
        assertThat(totals.get("invoices").asInt()).isEqualTo(invoices);
        assertThat(new BigDecimal(totals.get("subtotal").asString())).isEqualByComparingTo(subtotal);
        assertThat(new BigDecimal(totals.get("discounts").asString())).isEqualByComparingTo("0");
        assertThat(new BigDecimal(totals.get("tax").asString())).isEqualByComparingTo(tax);
        assertThat(new BigDecimal(totals.get("total").asString())).isEqualByComparingTo(total);
        assertThat(new BigDecimal(totals.get("amount_due").asString())).isEqualByComparingTo(total);
    }

    private static List<String> otherNames(Expected customer) {
        List<String> names = new ArrayList<>(OTHER_NAMES);
        EXPECTED.stream().filter(e -> e != customer).forEach(e -> names.add(e.name()));
        return names;
    }

    private static BigDecimal sum(List<Map<String, String>> rows, String column) {
        return rows.stream().map(r -> new BigDecimal(r.get(column))).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
