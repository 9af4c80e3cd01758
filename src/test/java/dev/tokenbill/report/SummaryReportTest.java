package dev.tokenbill.report;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static dev.tokenbill.testsupport.RunOutput.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.FeeLine;
import dev.tokenbill.invoice.UsageLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.money.Money;
import dev.tokenbill.report.RunReports.RunFacts;
import dev.tokenbill.report.pdf.SummaryPdfRenderer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.pdf from hand-built run facts: the totals, the reconciliation and the margin page, with the same margin
 * numbers as margin.csv.
 */
class SummaryReportTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static SummaryPdfRenderer renderer;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileTemplate() {
        renderer = SummaryPdfRenderer.compile(Path.of("templates/summary.jrxml"));
    }

    @Test
    void testFinalRun_TotalsReconciliationAndMarginPage() throws IOException {
        // given
        RunFacts facts = facts("FINAL");

        // when
        RunReports.writeAll(dir, facts, renderer);

        // then
        Path pdf = dir.resolve("summary.pdf");
        assertThat(dir.resolve("summary.pdf.tmp")).doesNotExist();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            assertEquals("Billing run summary 2026-10", document.getDocumentInformation().getTitle());
            String overview = text(document, 1, 1);
            assertThat(overview).contains("Billing run summary", "2026-10", "FINAL", "INV-000001 \u2013 INV-000003",
                    "Page 1 of 2");
            // USD: 2 invoices, subtotal 350.50 + 12.34, discounts 35.05, tax 63.09, total 378.54 + 12.34,
            // credits 50.00, due 328.54 + 12.34
            assertThat(overview).contains("USD 2 362.84 35.05 63.09 390.88 50.00 340.88");
            assertThat(overview).contains("EUR 1 49.00 0.00 9.31 58.31 0.00 58.31");
            assertThat(overview).contains("pro USD 350.50", "payg USD 12.34", "starter-eu EUR 49.00");
            assertThat(overview).contains("usage-a.csv 1,200 1,188 4 3 3 2 Yes", "usage-b.csv 50 50 0 0 0 0 Yes",
                    "All files 1,250 1,238 4 3 3 2 Yes", "Balanced: Yes");
            assertThat(overview).doesNotContain("Margin %");
            String marginPages = text(document, 2, document.getNumberOfPages());
            assertThat(marginPages).contains("Margin", "Allocated cost");
            // acme: revenue 350.50 - 35.05 = 315.45, cost 120.00, margin 195.45 = 61.96 % of revenue
            assertThat(marginPages).contains("acme USD 315.45 120.00 195.45 61.96%");
            // globex bills in EUR, its cost is in USD: never converted, no margin
            assertThat(marginPages).contains("globex EUR 49.00 30.00 USD \u2014 \u2014");
            // initech: 12.34 - 20.00 = -7.66 = -62.07 %
            assertThat(marginPages).contains("initech USD 12.34 20.00 -7.66 -62.07%");
            // TOTAL USD: 315.45 + 12.34 = 327.79 against 140.00: 187.79 = 57.29 %
            // TOTAL EUR: the only EUR cost is in USD, so there is nothing to set against EUR revenue: no margin
            assertThat(marginPages).contains("TOTAL EUR 49.00 \u2014 \u2014 \u2014", "TOTAL USD 327.79 140.00 187.79 57.29%");
        }
        assertThat(csv(dir.resolve("summary.csv"))).filteredOn(r -> r.get("metric").equals("late"))
                .extracting(r -> r.get("name") + " " + r.get("value")).containsExactly("usage-a.csv 2", "usage-b.csv 0");
        assertThat(json(dir.resolve("run.json")).get("files").get(0).get("late").asLong()).isEqualTo(2);
        List<Map<String, String>> margin = csv(dir.resolve("margin.csv"));
        assertThat(margin).extracting(r -> String.join(" ", r.values())).containsExactly(
                "acme USD 315.45 120.00 195.45 61.96",
                "globex EUR 49.00 30.00 USD  ",
                "initech USD 12.34 20.00 -7.66 -62.07",
                "TOTAL EUR 49.00   ",
                "TOTAL USD 327.79 140.00 187.79 57.29");
    }

    @Test
    void testDraftRun_UnnumberedAndMarkedDraft() throws IOException {
        // given
        RunFacts facts = facts("DRAFT");

        // when
        RunReports.writeAll(dir, facts, renderer);

        // then
        try (PDDocument document = Loader.loadPDF(dir.resolve("summary.pdf").toFile())) {
            assertThat(text(document, 1, 1)).contains("DRAFT", "none (drafts are not numbered)");
        }
    }

    @Test
    void testRunWithoutInvoices_ReconciliationStillReported() throws IOException {
        // given: every usage row rejected, nothing invoiced
        RunFacts facts = new RunFacts(8, "2026-10", "DRAFT", "COMPLETED",
                List.of(new FileCounts("usage-a.csv", 5, 0, 0, 5, 0)), List.of(), List.of(), List.of(), Map.of(),
                Map.of(), List.of());

        // when
        RunReports.writeAll(dir, facts, renderer);

        // then
        try (PDDocument document = Loader.loadPDF(dir.resolve("summary.pdf").toFile())) {
            assertThat(text(document, 1, document.getNumberOfPages())).contains("usage-a.csv 5 0 0 5 0 0 Yes",
                    "Page 1 of");
        }
    }

    @Test
    void testMissingTemplateFile_FallsBackToTheJarCopy() throws IOException {
        // given
        SummaryPdfRenderer packaged = SummaryPdfRenderer.compile(dir.resolve("no-such-template.jrxml"));

        // when
        RunReports.writeAll(dir, facts("FINAL"), packaged);

        // then
        assertThat(Files.size(dir.resolve("summary.pdf"))).isGreaterThan(1000);
    }

    private static RunFacts facts(String mode) {
        boolean draft = mode.equals("DRAFT");
        List<StoredInvoice> invoices = List.of(
                stored(draft, "INV-000001", new Invoice("acme", USD,
                        List.of(charge(LineKind.RECURRING, "pro", usd("100.00")), charge(LineKind.USAGE, "pro", usd("250.50"))),
                        usd("350.50"), usd("35.05"), "Sales tax", new BigDecimal("0.20"), usd("63.09"), false,
                        usd("378.54"), usd("50.00"), usd("328.54"))),
                stored(draft, "INV-000002", new Invoice("globex", EUR,
                        List.of(charge(LineKind.RECURRING, "starter-eu", eur("49.00"))),
                        eur("49.00"), eur("0.00"), "VAT", new BigDecimal("0.19"), eur("9.31"), false,
                        eur("58.31"), eur("0.00"), eur("58.31"))),
                stored(draft, "INV-000003", new Invoice("initech", USD,
                        List.of(charge(LineKind.USAGE, "payg", usd("12.34"))),
                        usd("12.34"), usd("0.00"), "", BigDecimal.ZERO, usd("0.00"), true,
                        usd("12.34"), usd("0.00"), usd("12.34"))));
        Map<String, Allocation> allocations = Map.of(
                "acme", new Allocation("acme", new BigDecimal("0.6"), usd("120.00")),
                "globex", new Allocation("globex", new BigDecimal("0.15"), usd("30.00")),
                "initech", new Allocation("initech", new BigDecimal("0.1"), usd("20.00")));
        // usage-a.csv: 1,188 + 4 + 3 + 3 + 2 late = 1,200
        List<FileCounts> files = List.of(new FileCounts("usage-a.csv", 1200, 1188, 4, 3, 3, 2),
                new FileCounts("usage-b.csv", 50, 50, 0, 0, 0));
        return new RunFacts(7, "2026-10", mode, "COMPLETED", files, invoices, List.of(), List.of(), Map.of(),
                allocations, List.of());
    }

    private static StoredInvoice stored(boolean draft, String number, Invoice invoice) {
        return new StoredInvoice(7, "2026-10", draft ? "DRAFT" : "FINAL", draft ? null : number,
                (draft ? "DRAFT-" + invoice.customerId() : number) + ".pdf", invoice);
    }

    private static InvoiceLine charge(LineKind kind, String plan, Money amount) {
        String description = kind + " " + plan;
        return switch (kind) {
            case RECURRING -> new FeeLine(description, "sub-" + plan, plan, BigDecimal.ONE, amount.amount(), amount, null);
            case USAGE -> new UsageLine(description, "sub-" + plan, plan, null, null, null, null, null, BigDecimal.ONE,
                    amount.amount(), amount, List.of());
            default -> throw new IllegalArgumentException("no test charge of kind " + kind);
        };
    }

    private static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    private static String text(PDDocument document, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(document);
    }
}
