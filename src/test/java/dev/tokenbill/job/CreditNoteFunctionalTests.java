package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static dev.tokenbill.testsupport.RunOutput.json;
import static dev.tokenbill.testsupport.RunOutput.pdfText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Credit notes (issue 17) on a real PostgreSQL, over the October of {@code fixtures/money} (every amount worked out in
 * {@link MoneySideFunctionalTests}): October billed final issues TB-000001..TB-000005 to acme, bluefin, chateau, delta
 * and foxtrot (customer-id order); a correction run voids them, credits each with CN-000001..CN-000005 (in the voided
 * invoices' number order) and issues TB-000006..TB-000010, each correcting its customer's voided invoice.
 * <pre>
 * voided invoice     subtotal discounts   tax    total credits    due    credit note: every amount negated
 * TB-000001 acme USD    29.13      2.00   5.15   32.28   32.28   0.00    CN-000001
 * TB-000002 bluefin USD 10.00      5.00   0.00    5.00    5.00   0.00    CN-000002
 * TB-000003 chateau EUR 107.92     1.08  21.37  128.21    0.00 128.21    CN-000003
 * TB-000004 delta EUR   27.15      5.00   0.00   22.15    0.00  22.15    CN-000004
 * TB-000005 foxtrot USD 512.50     0.00 102.50  615.00    0.00 615.00    CN-000005
 * void USD: total 32.28 + 5.00 + 615.00 = 652.28, due 615.00; EUR: 128.21 + 22.15 = 150.36, due 150.36
 * </pre>
 */
@BillingJobTest
class CreditNoteFunctionalTests {

    private static final String OCTOBER = "2026-10";

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private JdbcCreditDao credits;

    @TempDir
    private Path output;

    private final Path input = Fixtures.input("money");

    @BeforeEach
    void startFromAnEmptyDatabase() {
        BillingDatabase.reset(jdbc);
    }

    @Test
    void correctionRun_TaxReportListsTheCreditNotesNegated() throws Exception {
        // given October billed final, its tax report kept
        runs.start(OCTOBER, true, input, output);
        List<Map<String, String>> issued = csv(output.resolve(OCTOBER).resolve("tax-report.csv"));

        // when it is corrected
        runs.start(OCTOBER, true, true, input, output);

        // then the credit notes' rows are the first run's rows negated, and the replacing invoices' rows are the same
        List<Map<String, String>> corrected = csv(output.resolve(OCTOBER).resolve("tax-report.csv"));
        List<String> credited = corrected.stream().filter(r -> r.get("status").equals("CREDIT_NOTE"))
                .map(r -> r.get("country") + " " + r.get("category") + " " + r.get("rate") + " " + r.get("currency") + " "
                        + new BigDecimal(r.get("taxable_amount")).negate().toPlainString() + " "
                        + new BigDecimal(r.get("tax")).negate().toPlainString() + " " + r.get("documents")).toList();
        List<String> first = issued.stream().map(r -> r.get("country") + " " + r.get("category") + " " + r.get("rate")
                + " " + r.get("currency") + " " + r.get("taxable_amount") + " " + r.get("tax") + " " + r.get("documents"))
                .toList();
        assertThat(credited).containsExactlyInAnyOrderElementsOf(first);
        assertThat(corrected.stream().filter(r -> r.get("status").equals("FINAL")).count()).isEqualTo(issued.size());
        // the tax credited, by hand from the table above: USD 5.15 + 0.00 + 102.50 = 107.65, EUR 21.37 + 0.00 = 21.37
        Map<String, BigDecimal> taxCredited = corrected.stream().filter(r -> r.get("status").equals("CREDIT_NOTE"))
                .collect(Collectors.toMap(r -> r.get("currency"), r -> new BigDecimal(r.get("tax")), BigDecimal::add));
        assertThat(taxCredited.get("USD")).isEqualByComparingTo("-107.65");
        assertThat(taxCredited.get("EUR")).isEqualByComparingTo("-21.37");
    }

    @Test
    void correctionRun_CreditsEachVoidedInvoice_WithItsLinesAndTaxNegated() throws Exception {
        // given October billed final
        runs.start(OCTOBER, true, input, output);

        // when it is corrected
        JobExecution correction = runs.start(OCTOBER, true, true, input, output);

        // then one credit note per voided invoice, numbered in their order, each referencing it
        assertThat(correction.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("select credit_note_number || ' ' || credits_invoice || ' ' || customer_id || ' '"
                + " || invoice_issue_date from credit_note order by credit_note_number", String.class)).containsExactly(
                "CN-000001 TB-000001 acme 2026-11-01", "CN-000002 TB-000002 bluefin 2026-11-01",
                "CN-000003 TB-000003 chateau 2026-11-01", "CN-000004 TB-000004 delta 2026-11-01",
                "CN-000005 TB-000005 foxtrot 2026-11-01");
        // acme: every total negated; the credit note takes no credit: its credits are the voided invoice's, reversed
        Map<String, Object> acme = jdbc.queryForMap("select * from credit_note where customer_id = 'acme'");
        assertAmounts(acme, "-29.13", "-2.00", "-5.15", "-32.28", "-32.28", "0.00");
        assertThat((BigDecimal) acme.get("tax_rate")).isEqualByComparingTo("0.19");
        assertAmounts(jdbc.queryForMap("select * from credit_note where customer_id = 'chateau'"), "-107.92", "-1.08",
                "-21.37", "-128.21", "0.00", "-128.21");
        // the lines as they were, amounts negated: fee 20.00, input 7.63, output 1.50, LOYAL10 -2.00, pack -32.28
        assertThat(jdbc.queryForList("select kind || ' ' || amount from credit_note_line where customer_id = 'acme'"
                + " and amount <> 0 order by position", String.class)).containsExactly("RECURRING -20.0000",
                "USAGE -7.6300", "USAGE -1.5000", "DISCOUNT 2.0000", "CREDIT 32.2800");
        assertThat(jdbc.queryForObject("select reference from credit_note_line where customer_id = 'acme'"
                + " and kind = 'CREDIT'", String.class)).isEqualTo("G-ACME-PACK");
        // and the replacing invoices say which invoice each corrects
        assertThat(jdbc.queryForList("select invoice_number || ' ' || corrects from invoice where run_id = ?"
                + " order by customer_id", String.class, correction.getJobInstanceId())).containsExactly(
                "TB-000006 TB-000001", "TB-000007 TB-000002", "TB-000008 TB-000003", "TB-000009 TB-000004",
                "TB-000010 TB-000005");
    }

    @Test
    void correctionRun_ReleasesTheVoidedInvoicesCreditOnce_AndTheCreditNoteTakesNone() throws Exception {
        // given October billed final: acme's invoice applied 32.28 of its 40.00 pack, bluefin's 5.00 of 25.00
        JobExecution october = runs.start(OCTOBER, true, input, output);
        assertThat(balance(october, "acme", "G-ACME-PACK")).isEqualByComparingTo("7.72");

        // when corrected
        JobExecution correction = runs.start(OCTOBER, true, true, input, output);

        // then the replacing invoice applies 32.28 again (the voided one's application no longer counts), and the
        // pack has 40.00 - 32.28 = 7.72 left for November: not 40.00 (released twice) nor -24.56 (spent twice)
        assertThat(jdbc.queryForObject("select amount from credit_applied where run_id = ? and customer_id = 'acme'",
                BigDecimal.class, correction.getJobInstanceId())).isEqualByComparingTo("32.28");
        assertThat(balance(correction, "acme", "G-ACME-PACK")).isEqualByComparingTo("7.72");
        assertThat(balance(correction, "bluefin", "G-BLUE-OCT")).isEqualByComparingTo("20.00");
        assertThat(jdbc.queryForObject("select count(*) from credit_applied where run_id = ?", Integer.class,
                october.getJobInstanceId())).as("the voided application stays, as history").isEqualTo(2);
    }

    @Test
    void correctionRun_LeavesIssuedPdfsByteIdentical_AndRendersCreditNotesAndReplacements() throws Exception {
        // given October billed final, its PDFs hashed
        runs.start(OCTOBER, true, input, output);
        Path invoices = output.resolve(OCTOBER).resolve("invoices");
        Map<String, String> before = hashes(invoices);
        assertThat(before).containsOnlyKeys("TB-000001.pdf", "TB-000002.pdf", "TB-000003.pdf", "TB-000004.pdf",
                "TB-000005.pdf");

        // when corrected
        runs.start(OCTOBER, true, true, input, output);

        // then the issued PDFs are untouched, the replacing invoices are new files, the credit notes have their own
        Map<String, String> after = hashes(invoices);
        before.forEach((name, hash) -> assertThat(after.get(name)).as(name).isEqualTo(hash));
        assertThat(after).hasSize(10);
        Path creditNotes = output.resolve(OCTOBER).resolve("credit-notes");
        assertThat(hashes(creditNotes)).containsOnlyKeys("CN-000001.pdf", "CN-000002.pdf", "CN-000003.pdf",
                "CN-000004.pdf", "CN-000005.pdf");
        String note = pdfText(creditNotes.resolve("CN-000001.pdf"));
        assertThat(note).contains("CREDIT NOTE", "CN-000001", "Credits invoice TB-000001 of 2026-11-01",
                "Total -USD 32.28"); // TB-000001's total 32.28, negated
        assertThat(pdfText(invoices.resolve("TB-000006.pdf"))).contains("Corrects invoice TB-000001")
                .doesNotContain("CREDIT NOTE");
        assertThat(pdfText(invoices.resolve("TB-000001.pdf"))).doesNotContain("Corrects invoice");
        assertThat(jdbc.queryForList("select pdf_file from credit_note order by credit_note_number", String.class))
                .containsExactly("CN-000001.pdf", "CN-000002.pdf", "CN-000003.pdf", "CN-000004.pdf", "CN-000005.pdf");
    }

    @Test
    void correctionRunThatFailsWhileCrediting_IssuesNothing_AndItsRestartNumbersWithoutAGap() throws Exception {
        // given October billed final, and a database that refuses chateau's credit note (the third of five)
        runs.start(OCTOBER, true, input, output);
        jdbc.execute("alter table credit_note add constraint no_chateau check (customer_id <> 'chateau')");
        try {
            // when the correction runs, it fails in numberInvoices
            JobExecution failed = runs.start(OCTOBER, true, true, input, output);
            assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);

            // then nothing of that step's transaction is left: no credit note, no number used, nothing voided
            assertThat(jdbc.queryForObject("select count(*) from credit_note", Integer.class)).isZero();
            assertThat(jdbc.queryForList("select next_number from invoice_sequence where series = 'credit_note'",
                    Long.class)).allMatch(n -> n == 1);
            assertThat(jdbc.queryForList("select distinct status from invoice where status <> 'DRAFT'", String.class))
                    .containsExactly("FINAL");
        } finally {
            jdbc.execute("alter table credit_note drop constraint no_chateau");
        }

        // when it is restarted, and the period corrected once more
        assertThat(runs.restart(OCTOBER).execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(runs.start(OCTOBER, true, true, input, output).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then both series are gapless: CN-000001..5 credit the first invoices, CN-000006..10 the first correction's
        assertThat(jdbc.queryForList("select credit_note_number || ' ' || credits_invoice from credit_note"
                + " order by credit_note_number", String.class)).containsExactly("CN-000001 TB-000001",
                "CN-000002 TB-000002", "CN-000003 TB-000003", "CN-000004 TB-000004", "CN-000005 TB-000005",
                "CN-000006 TB-000006", "CN-000007 TB-000007", "CN-000008 TB-000008", "CN-000009 TB-000009",
                "CN-000010 TB-000010");
        assertThat(jdbc.queryForList("select invoice_number from invoice where status = 'FINAL' order by invoice_number",
                String.class)).containsExactly("TB-000011", "TB-000012", "TB-000013", "TB-000014", "TB-000015");
        assertThat(jdbc.queryForObject("select count(*) from invoice where status = 'VOID'", Integer.class)).isEqualTo(10);
    }

    @Test
    void creditNoteRenderingThatFails_IsFinishedByRestart() throws Exception {
        // given October billed final, and CN-000003.pdf's place taken by a non-empty directory (the render cannot
        // move its file there)
        runs.start(OCTOBER, true, input, output);
        Path creditNotes = output.resolve(OCTOBER).resolve("credit-notes");
        Path blocker = Files.createDirectories(creditNotes.resolve("CN-000003.pdf"));
        Files.writeString(blocker.resolve("keep"), "x");

        // when the correction runs, it fails in renderCreditNotes with its numbers issued
        JobExecution failed = runs.start(OCTOBER, true, true, input, output);
        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.getStepExecutions()).filteredOn(s -> s.getStatus() == BatchStatus.FAILED)
                .extracting(s -> s.getStepName()).containsExactly("renderCreditNotes");
        assertThat(jdbc.queryForObject("select count(*) from credit_note where pdf_file is null", Integer.class))
                .isEqualTo(5);

        // when the obstacle goes and the run is restarted
        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);
        assertThat(runs.restart(OCTOBER).execution().getStatus()).isEqualTo(BatchStatus.COMPLETED);

        // then every credit note has its PDF, numbered as first issued
        assertThat(hashes(creditNotes)).containsOnlyKeys("CN-000001.pdf", "CN-000002.pdf", "CN-000003.pdf",
                "CN-000004.pdf", "CN-000005.pdf");
        assertThat(pdfText(creditNotes.resolve("CN-000003.pdf"))).contains("Credits invoice TB-000003 of 2026-11-01");
        assertThat(jdbc.queryForObject("select count(*) from credit_note where pdf_file is null", Integer.class)).isZero();
    }

    @Test
    void customerNoLongerBilled_StillGetsItsCreditNote() throws Exception {
        // given October billed final, then delta's subscription and usage removed from the input
        runs.start(OCTOBER, true, input, output);
        Path changed = copyOfInput();
        withoutLines(changed.resolve("subscriptions.csv"), "sub-delta,");
        try (var usage = Files.list(changed.resolve("usage"))) {
            for (Path file : usage.toList()) {
                withoutLines(file, ",delta,");
            }
        }

        // when October is corrected from it
        JobExecution correction = runs.start(OCTOBER, true, true, changed, output);

        // then delta's invoice is credited though nothing replaces it
        assertThat(correction.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject("select credits_invoice from credit_note where customer_id = 'delta'",
                String.class)).isEqualTo("TB-000004");
        assertThat(jdbc.queryForObject("select count(*) from invoice where run_id = ? and customer_id = 'delta'",
                Integer.class, correction.getJobInstanceId())).isZero();
        assertThat(Files.exists(output.resolve(OCTOBER).resolve("credit-notes").resolve("CN-000004.pdf"))).isTrue();
    }

    @Test
    void reports_KeepInvoicesAndCreditNotesApart_AndTheCorrectionAddsUp() throws Exception {
        // given / when October billed final and corrected
        runs.start(OCTOBER, true, input, output);
        runs.start(OCTOBER, true, true, input, output);
        Path dir = output.resolve(OCTOBER);

        // then invoices.csv: the 5 void invoices, their 5 credit notes, the 5 replacing invoices; due = issue + 30 days
        List<Map<String, String>> documents = csv(dir.resolve("invoices.csv"));
        assertThat(documents).hasSize(15);
        assertThat(documents).filteredOn(r -> r.get("customer_id").equals("acme"))
                .extracting(r -> String.join(",", r.values())).containsExactly(
                        "invoice,TB-000001,acme,2026-10,2026-11-01,2026-12-01,USD,29.13,2.00,0.19,5.15,32.28,32.28,0.00,VOID,,",
                        "credit_note,CN-000001,acme,2026-10,2026-11-01,,USD,-29.13,-2.00,0.19,-5.15,-32.28,-32.28,0.00,FINAL,,TB-000001",
                        "invoice,TB-000006,acme,2026-10,2026-11-01,2026-12-01,USD,29.13,2.00,0.19,5.15,32.28,32.28,0.00,FINAL,TB-000001,");

        // and charges.csv: per currency, the void invoices' rows and the credit notes' rows cancel out, and a credit
        // note's rows belong to the invoice they credit
        List<Map<String, String>> charges = csv(dir.resolve("charges.csv"));
        Map<String, BigDecimal> reversed = charges.stream().filter(r -> !r.get("amount").isEmpty())
                .filter(r -> r.get("status").equals("VOID") || r.get("document_type").equals("credit_note")).collect(Collectors.groupingBy(r -> r.get("currency"),
                        Collectors.reducing(BigDecimal.ZERO, r -> new BigDecimal(r.get("amount")), BigDecimal::add)));
        assertThat(reversed.get("USD")).isEqualByComparingTo("0");
        assertThat(reversed.get("EUR")).isEqualByComparingTo("0");
        assertThat(charges).filteredOn(r -> r.get("document_number").equals("CN-000003"))
                .allSatisfy(r -> assertThat(r.get("invoice_number")).isEqualTo("TB-000003")).isNotEmpty();

        // and summary.csv: void USD 652.28 (due 615.00) and EUR 150.36 reversed by the credit notes
        List<String> summary = csv(dir.resolve("summary.csv")).stream()
                .filter(r -> r.get("section").equals("void_invoices") || r.get("section").equals("credit_notes"))
                .map(r -> String.join(" ", r.values())).toList();
        assertThat(summary).containsExactly("void_invoices EUR EUR count 2", "void_invoices EUR EUR total 150.36",
                "void_invoices EUR EUR amount_due 150.36", "void_invoices USD USD count 3",
                "void_invoices USD USD total 652.28", "void_invoices USD USD amount_due 615.00",
                "credit_notes EUR EUR count 2", "credit_notes EUR EUR total -150.36",
                "credit_notes EUR EUR amount_due -150.36", "credit_notes USD USD count 3",
                "credit_notes USD USD total -652.28", "credit_notes USD USD amount_due -615.00");

        // and summary.pdf says so
        assertThat(pdfText(dir.resolve("summary.pdf"))).contains("5 invoices of an earlier final run voided, reversed by",
                "5 credit notes");

        // and run.json still counts the run's own invoices, with the credit notes beside them
        var run = json(dir.resolve("run.json"));
        assertThat(run.get("invoice_count").asInt()).isEqualTo(5);
        assertThat(run.get("first_invoice_number").asString()).isEqualTo("TB-000006");
        assertThat(run.get("credit_note_count").asInt()).isEqualTo(5);
        assertThat(run.get("totals").get("USD").get("total").asString()).isEqualTo("652.28");
    }

    @Test
    void chargesCsv_GivesEachLineItsServicePeriod() throws Exception {
        // given / when October billed final and corrected
        runs.start(OCTOBER, true, input, output);
        runs.start(OCTOBER, true, true, input, output);
        List<Map<String, String>> charges = csv(output.resolve(OCTOBER).resolve("charges.csv"));

        // then fees in arrears and usage cover the active part of October (delta from the 16th), discounts nothing;
        // a credit note's lines keep the service period of the lines they reverse
        assertThat(charges).filteredOn(r -> r.get("document_number").equals("TB-000009"))
                .extracting(r -> r.get("kind") + " " + r.get("period_start") + " " + r.get("period_end"))
                .contains("RECURRING 2026-10-16 2026-10-31", "USAGE 2026-10-16 2026-10-31", "DISCOUNT  ");
        assertThat(charges).filteredOn(r -> r.get("document_number").equals("CN-000001"))
                .extracting(r -> r.get("kind") + " " + r.get("period_start") + " " + r.get("period_end"))
                .contains("RECURRING 2026-10-01 2026-10-31", "USAGE 2026-10-01 2026-10-31", "CREDIT  ", "TAX  ");
    }

    // helpers

    private BigDecimal balance(JobExecution run, String customerId, String grantId) {
        return credits.balances(run.getJobInstanceId(), "2026-11", customerId).stream()
                .filter(g -> g.grantId().equals(grantId)).map(CreditGrant::available).findFirst().orElseThrow().amount();
    }

    private static void assertAmounts(Map<String, Object> row, String subtotal, String discounts, String tax,
            String total, String credits, String due) {
        assertThat((BigDecimal) row.get("subtotal")).as("subtotal").isEqualByComparingTo(subtotal);
        assertThat((BigDecimal) row.get("discounts")).as("discounts").isEqualByComparingTo(discounts);
        assertThat((BigDecimal) row.get("tax")).as("tax").isEqualByComparingTo(tax);
        assertThat((BigDecimal) row.get("total")).as("total").isEqualByComparingTo(total);
        assertThat((BigDecimal) row.get("credits")).as("credits").isEqualByComparingTo(credits);
        assertThat((BigDecimal) row.get("amount_due")).as("amount due").isEqualByComparingTo(due);
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> result = new java.util.TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                result.put(f.getFileName().toString(), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return result;
    }

    private static void withoutLines(Path file, String containing) throws Exception {
        Files.write(file, Files.readAllLines(file).stream().filter(l -> !l.contains(containing)).toList());
    }

    private Path copyOfInput() throws Exception {
        Path copy = Files.createTempDirectory(output, "input");
        try (var files = Files.walk(input)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(input.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }
}
