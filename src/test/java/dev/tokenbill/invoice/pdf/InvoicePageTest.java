package dev.tokenbill.invoice.pdf;

import static dev.tokenbill.invoice.pdf.PageFixtures.EUR;
import static dev.tokenbill.invoice.pdf.PageFixtures.OCTOBER;
import static dev.tokenbill.invoice.pdf.PageFixtures.PLAN_NAMES;
import static dev.tokenbill.invoice.pdf.PageFixtures.SELLER;
import static dev.tokenbill.invoice.pdf.PageFixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.customer.Customer;
import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.Invoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rendered page in each language, and its layout over pages. Expected texts are written by hand from the amounts
 * worked out in {@link PageFixtures}. With {@code -Dinvoice.samples=<dir>} the PDFs are also written there, to look
 * at (pdftoppm).
 */
class InvoicePageTest {

    private static InvoicePdfRenderer renderer;

    @BeforeAll
    static void compileTemplate() {
        renderer = new InvoicePdfRenderer(Path.of("templates/invoice.jrxml"));
    }

    @Test
    void testEnglishInvoice_GroupsBySubscriptionAndModelWithPricesPerMillion() throws IOException {
        // US customer, sales tax 0: outside the scope of VAT; total = taxable 98.19
        Customer customer = PageFixtures.customer("en", "US", USD, null);
        Invoice invoice = PageFixtures.invoice(USD, "Sales tax", "0", "0.00", "98.19");

        String pages = String.join(" ", render(view(invoice, customer), "invoice-en"));

        assertThat(pages).contains("INVOICE", "TB-000042", "Issue date 2026-11-01",
                "Pro (USD) · 2026-10-01 – 2026-10-31", "Subscription fee (2026-10)", "gpt-4o", "gpt-4o-mini",
                "Input tokens 12,000,000 included", "Output tokens 3,000,000 10.00 / 1M 30.00",
                "Cached input tokens 4,000,000 0.075 / 1M 0.30",
                "first 1,000,000 tokens at USD 2.50 per 1M 2.50",
                "next 1,000,000 tokens at USD 2.30 per 1M, plus USD 25.00 flat 27.30",
                "Subtotal USD 109.10", "Coupon WELCOME10: 10% off all charges (period 1) -USD 10.91",
                "No VAT on USD 98.19: outside the scope USD 0.00", "Total USD 98.19", "Amount due (USD) USD 98.19",
                "Net 30 – due 2026-12-01", "IBAN: IE29 AIBK 9311 5212 3456 78", "BIC: AIBKIE2D",
                "Outside the scope of VAT", "VAT no.: IE1234567T", "Usage statement", "Page 1 of ");
        assertThat(pages).doesNotContain("[pro-usd]", "0.0000025", "Prepaid credits applied", "0.00 0.00");
    }

    @Test
    void testGermanInvoice_LabelsAmountsAndDatesInGerman() throws IOException {
        // 19 % of 98.19 = 18.6561 -> 18.66; total 98.19 + 18.66 = 116.85
        Customer customer = PageFixtures.customer("de", "DE", EUR, "DE123456789");
        Invoice invoice = PageFixtures.invoice(EUR, "VAT", "0.19", "18.66", "116.85");

        String page = String.join(" ", render(view(invoice, customer), "invoice-de"));

        assertThat(page).contains("RECHNUNG", "Rechnungsdatum 01.11.2026", "Leistungszeitraum",
                "Pro (USD) · 01.10.2026 – 31.10.2026", "Grundgebühr (2026-10)", "Beschreibung", "Menge",
                "Einzelpreis", "Betrag", "Eingabe-Tokens 12.000.000 inklusive", "Ausgabe-Tokens 3.000.000 10,00 / 1 Mio. 30,00",
                "erste 1.000.000 Tokens zu 2,50\u00a0€ je 1 Mio.",
                "weitere 1.000.000 Tokens zu 2,30\u00a0€ je 1 Mio., zzgl. 25,00\u00a0€ pauschal",
                "Zwischensumme 109,10\u00a0€",
                "Gutschein WELCOME10: 10\u00a0% Rabatt auf alle Leistungen (Abrechnungszeitraum 1) -10,91\u00a0€",
                "USt. 19\u00a0% auf 98,19\u00a0€ 18,66\u00a0€", "Gesamtbetrag 116,85\u00a0€",
                "Zahlbar innerhalb von 30 Tagen netto, fällig am 01.12.2026", "USt-IdNr.: DE123456789",
                "USt-IdNr.: IE1234567T", "ZAHLUNG", "Nutzungsübersicht", "Seite 1 von ");
    }

    @Test
    void testFrenchInvoice_LabelsAmountsAndDatesInFrench() throws IOException {
        // 20 % of 98.19 = 19.638 -> 19.64; total 98.19 + 19.64 = 117.83
        Customer customer = PageFixtures.customer("fr", "FR", EUR, "FR40303265045");
        Invoice invoice = PageFixtures.invoice(EUR, "VAT", "0.20", "19.64", "117.83");

        String page = String.join(" ", render(view(invoice, customer), "invoice-fr"));

        assertThat(page).contains("FACTURE", "Date d'émission 01/11/2026", "Désignation", "Quantité",
                "Prix unitaire", "Montant", "Jetons d'entrée 12\u202f000\u202f000 inclus", "Jetons de sortie",
                "premiers 1\u202f000\u202f000 jetons à 2,50\u00a0€ par million",
                "1\u202f000\u202f000 jetons suivants à 2,30\u00a0€ par million, plus 25,00\u00a0€ forfaitaires",
                "Sous-total 109,10\u00a0€",
                "Code promo WELCOME10\u00a0: remise de 10\u00a0% sur toutes les prestations (période 1) -10,91\u00a0€", "TVA 20\u00a0% sur 98,19\u00a0€ 19,64\u00a0€",
                "Total 117,83\u00a0€", "Paiement à 30 jours net, échéance le 01/12/2026",
                "N° TVA\u00a0: FR40303265045", "Relevé de consommation", "Page 1 sur ");
    }

    @Test
    void testCreditNoteTitle_InEachLanguage() throws IOException {
        for (String[] language : new String[][] {{"en", "CREDIT NOTE"}, {"de", "RECHNUNGSKORREKTUR"}, {"fr", "AVOIR"}}) {
            Customer customer = PageFixtures.customer(language[0], "DE", EUR, "DE123456789");
            InvoiceView invoice = view(PageFixtures.invoice(EUR, "VAT", "0.19", "18.66", "116.85"), customer);
            InvoiceView creditNote = withTitle(invoice,
                    InvoiceViews.title(DocumentKind.CREDIT_NOTE, false, Labels.of(language[0])));

            assertThat(render(creditNote, "credit-note-" + language[0]).get(0)).contains(language[1]);
        }
    }

    /** A credit note's total is what it credits: "Amount due" on a negative amount would read as a bill. */
    @Test
    void testCreditNoteTotal_IsTheAmountCredited_InEachLanguage() throws IOException {
        for (String[] language : new String[][] {{"en", "AMOUNT CREDITED (EUR)", "Amount credited (EUR)", "Amount due"},
                {"de", "GUTSCHRIFTSBETRAG (EUR)", "Gutschriftsbetrag (EUR)", "Zahlbetrag"},
                {"fr", "MONTANT CRÉDITÉ (EUR)", "Montant crédité (EUR)", "Montant dû"}}) {
            Customer customer = PageFixtures.customer(language[0], "DE", EUR, "DE123456789");
            InvoiceView invoice = view(PageFixtures.invoice(EUR, "VAT", "0.19", "18.66", "116.85"), customer);
            Labels labels = Labels.of(language[0]);
            InvoiceView creditNote = invoice.asDocument(true, InvoiceViews.title(DocumentKind.CREDIT_NOTE, false, labels),
                    labels.get("payment.creditNote"), "");

            String page = render(creditNote, "credit-note-total-" + language[0]).get(0);
            assertThat(page).as(language[0]).contains(language[1], language[2]).doesNotContain(language[3]);
        }
    }

    /**
     * The dark total box's label stays on one line in every language, on invoices and credit notes ("Gutschriftsbetrag
     * (EUR)", the longest, wrapped to two in a label 125 points wide). Read line by line, not joined as render() does.
     */
    @Test
    void testTotalBoxLabel_IsOneLine_InEachLanguageAndDocumentKind() throws IOException {
        for (String[] language : new String[][] {{"en", "Amount due (EUR)", "Amount credited (EUR)"},
                {"de", "Zahlbetrag (EUR)", "Gutschriftsbetrag (EUR)"}, {"fr", "Montant dû (EUR)", "Montant crédité (EUR)"}}) {
            Customer customer = PageFixtures.customer(language[0], "DE", EUR, "DE123456789");
            InvoiceView invoice = view(PageFixtures.invoice(EUR, "VAT", "0.19", "18.66", "116.85"), customer);
            Labels labels = Labels.of(language[0]);
            InvoiceView creditNote = invoice.asDocument(true, InvoiceViews.title(DocumentKind.CREDIT_NOTE, false, labels),
                    labels.get("payment.creditNote"), "");

            assertThat(lines(renderer.renderBytes(invoice))).as(language[0]).anyMatch(l -> l.contains(language[1]));
            assertThat(lines(renderer.renderBytes(creditNote))).as(language[0]).anyMatch(l -> l.contains(language[2]));
        }
        // and an amount of ten digits still shows whole beside it, currency sign included (the amount's field was
        // narrowed to 100 points; its font shrinks to fit)
        Customer customer = PageFixtures.customer("de", "DE", EUR, "DE123456789");
        InvoiceView large = view(PageFixtures.invoice(EUR, "VAT", "0.19", "197117.89", "12345678.90"), customer);
        render(large, "invoice-large-amount"); // kept with -Dinvoice.samples=DIR, to look at
        // (a no-break space before the sign)
        assertThat(lines(renderer.renderBytes(large)))
                .anyMatch(l -> l.contains("Zahlbetrag (EUR)") && l.contains("12.345.678,90\u00a0€"));
    }

    @Test
    void test200Lines_RepeatTheColumnHeadersOnEveryPageAndEndWithTheTotals() throws IOException {
        Customer customer = PageFixtures.customer("en", "US", USD, null);
        // 200 lines of USD 2.50: subtotal and amount due USD 500.00
        InvoiceView view = InvoiceViews.of(PageFixtures.longInvoice(200), "TB-000200", customer, SELLER, PLAN_NAMES,
                OCTOBER, PageFixtures.daily());

        List<String> pages = render(view, "invoice-200-lines");

        assertThat(pages.size()).isGreaterThan(3);
        for (int i = 0; i < pages.size(); i++) {
            String page = pages.get(i);
            assertThat(page).contains("Page " + (i + 1) + " of " + pages.size());
            if (page.contains("2.50 / 1M")) { // a page with rows
                assertThat(page).as("page %d", i + 1).contains("Description Quantity Unit price Amount");
            } else {
                // a page of totals only has no column header over nothing
                assertThat(page).as("page %d", i + 1).doesNotContain("Description Quantity Unit price Amount");
            }
        }
        String last = pages.get(pages.size() - 1);
        assertThat(last).contains("Amount due (USD) USD 500.00", "REQUESTS PER DAY (UTC)");
        assertThat(String.join("", pages)).doesNotContain("[payg]");
        assertThat(count(String.join("\n", pages), "Pay as you go · ")).isEqualTo(20);
    }

    @Test
    void testTotalsStayOnThePageOfTheLastLines_WhenOnlyTheUsageStatementDoesNotFit() throws IOException {
        // page 1 has 544 pt for rows (842 - 36 - 30 margins - 206 title - 26 footer); 8 lines of one subscription
        // take 22 header + 26 heading + 8 x (17 model + 18 row) = 328, leaving 216: the 140 pt totals fit, the usage
        // statement and chart (146 + 7 more usage rows x 18 = 272 pt) do not
        Customer customer = PageFixtures.customer("en", "US", USD, null);
        InvoiceView view = InvoiceViews.of(PageFixtures.longInvoice(8), "TB-000008", customer, SELLER, PLAN_NAMES,
                OCTOBER, PageFixtures.daily());

        List<String> pages = render(view, "invoice-8-lines");

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).contains("Subtotal USD 20.00", "Amount due (USD) USD 20.00");
        assertThat(pages.get(1)).contains("Usage statement", "REQUESTS PER DAY (UTC)", "2026-10-01", "2026-10-31")
                .doesNotContain("Description Quantity Unit price Amount");
    }

    @Test
    void testChartTitleAndBars_AreNeverOnDifferentPages() throws IOException {
        Customer customer = PageFixtures.customer("en", "US", USD, null);
        for (int lines = 1; lines <= 40; lines++) {
            InvoiceView view = InvoiceViews.of(PageFixtures.longInvoice(lines), "TB-1", customer, SELLER, PLAN_NAMES,
                    OCTOBER, PageFixtures.daily());
            List<String> pages = text(renderer.renderBytes(view));
            int chartPages = 0;
            for (String page : pages) {
                if (page.contains("REQUESTS PER DAY")) {
                    chartPages++;
                    // the day labels print under the bars: on the title's page, the bars are too
                    assertThat(page).as("%d lines", lines).contains("Busiest day", "2026-10-01", "2026-10-31",
                            "Usage statement");
                }
            }
            assertThat(chartPages).as("%d lines", lines).isEqualTo(1);
        }
    }

    static InvoiceView view(Invoice invoice, Customer customer) {
        return InvoiceViews.of(invoice, "TB-000042", customer, SELLER, PLAN_NAMES, OCTOBER, PageFixtures.daily());
    }

    private static InvoiceView withTitle(InvoiceView v, String title) {
        return new InvoiceView(v.language(), title, v.number(), v.draft(), v.issueDate(), v.payment(), v.period(),
                v.currency(), v.sellerName(), v.sellerAddress(), v.sellerTaxId(), v.sellerEmail(), v.customerId(),
                v.customerName(), v.customerAddress(), v.customerCountry(), v.customerEmail(), v.customerTaxId(),
                v.lines(), v.subtotal(), v.adjustments(), v.taxes(), v.total(), v.credits(), v.amountDue(),
                v.notices(), v.bank(), v.usage(), v.daily());
    }

    /** The text of each page, lines joined by single spaces (a wrapped label reads as one line). */
    private static List<String> render(InvoiceView view, String name) throws IOException {
        byte[] pdf = renderer.renderBytes(view);
        String samples = System.getProperty("invoice.samples");
        if (samples != null) {
            Files.createDirectories(Path.of(samples));
            Files.write(Path.of(samples, name + ".pdf"), pdf);
        }
        return text(pdf);
    }

    private static List<String> text(byte[] pdf) throws IOException {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document).replaceAll("\\s*\\R\\s*", " ").replaceAll(" {2,}", " "));
            }
        }
        return pages;
    }

    /** Every line of text of the document, as the PDF lays it out. */
    private static List<String> lines(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).lines().map(String::strip).toList();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
