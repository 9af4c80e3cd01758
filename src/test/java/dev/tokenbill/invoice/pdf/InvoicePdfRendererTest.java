package dev.tokenbill.invoice.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

import com.lowagie.text.pdf.BaseFont;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tokenbill.invoice.pdf.InvoiceView.LineView;
import dev.tokenbill.invoice.pdf.InvoiceView.Row;
import dev.tokenbill.invoice.pdf.InvoiceView.TotalView;
import dev.tokenbill.invoice.pdf.InvoiceView.DailyView;
import dev.tokenbill.invoice.pdf.InvoiceView.UsageView;

class InvoicePdfRendererTest {

    private static InvoicePdfRenderer renderer;

    @TempDir
    Path dir;

    @BeforeAll
    static void compileTemplate() {
        renderer = new InvoicePdfRenderer(Path.of("templates/invoice.jrxml"));
    }

    @Test
    void rendersCustomerNumberAmountsAndTotals() throws IOException {
        InvoiceView view = sample("INV-2025-000042", false, "Acme Robotics GmbH", "Hauptstraße 5\n10115 Berlin",
                sampleLines());
        Path pdf = dir.resolve("INV-2025-000042.pdf");

        renderer.render(view, pdf);

        assertTrue(Files.size(pdf) > 1000);
        assertFalse(Files.exists(dir.resolve("INV-2025-000042.pdf.tmp")), "temp file left behind");
        String text = text(pdf);
        assertContains(text, "Acme Robotics GmbH");
        assertContains(text, "INV-2025-000042");
        assertContains(text, "INVOICE");
        for (LineView line : view.lines()) {
            assertContains(text, line.amount());
        }
        assertContains(text, "$1,043.00");   // subtotal
        assertContains(text, "Coupon WELCOME"); // the discount names its coupon
        assertContains(text, "−$20.00");     // discounts
        assertContains(text, "VAT 19% on $1,023.00");
        assertContains(text, "VAT no.: DE123456789"); // the customer's VAT number in its address block
        assertContains(text, "Net 30 – due 2025-03-03");
        assertContains(text, "IBAN: IE29 AIBK 9311 5212 3456 78");
        assertContains(text, "$194.37");     // tax
        assertContains(text, "$1,217.37");   // total
        assertContains(text, "−$100.00");    // credits
        assertContains(text, "$1,117.37");   // amount due
        assertContains(text, "Amount due");
        assertContains(text, "All amounts in USD");
        assertContains(text, "Usage statement");
        assertContains(text, "gpt-large");
        assertContains(text, "output_tokens");
        assertContains(text, "Page 1 of 1");
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertEquals("Invoice INV-2025-000042", document.getDocumentInformation().getTitle());
        }
    }

    @Test
    void dailyChartPrintsWithItsCaptionOnlyWhenTheViewHasOne() throws IOException {
        InvoiceView plain = sample("INV-1", false, "Acme Robotics GmbH", "Berlin", sampleLines());
        InvoiceView charted = charted(plain);
        Path withChart = dir.resolve("chart.pdf");
        Path without = dir.resolve("no-chart.pdf");

        renderer.render(charted, withChart);
        renderer.render(plain, without);

        String text = text(withChart);
        assertContains(text, "REQUESTS PER DAY (UTC)");
        assertContains(text, "Busiest day: 9 on 2025-01-02");
        assertContains(text, "2025-01-01");
        assertContains(text, "2025-01-03");
        assertFalse(text(without).contains("REQUESTS PER DAY"), "a view without a chart prints none");
    }

    @Test
    void draftInvoiceIsMarkedDraft() throws IOException {
        InvoiceView view = sample("DRAFT", true, "Acme Robotics GmbH", "Hauptstraße 5\n10115 Berlin", sampleLines());
        Path pdf = dir.resolve("draft.pdf");

        renderer.render(view, pdf);

        String text = text(pdf);
        assertContains(text, "DRAFT INVOICE");
        assertContains(text, "DRAFT");
    }

    @Test
    void controlCharactersAndBidiMarksAreRemoved() throws IOException {
        String name = "\u202EEvil\u0000 Corp\u200F\u0007 Ltd\u2066\u2069";
        String address = "Line\u00011\r\nLine\u200E 2\u001B\rLine 3";
        InvoiceView view = sample("INV-2025-000043", false, name, address, sampleLines());
        Path pdf = dir.resolve("control.pdf");

        renderer.render(view, pdf);

        String text = text(pdf);
        assertContains(text, "Evil Corp Ltd");
        assertContains(text, "Line1");
        assertContains(text, "Line 2");
        assertContains(text, "Line 3");
        assertEquals("Evil Corp Ltd", PdfText.clean(name));
        assertEquals("Line1\nLine 2\nLine 3", PdfText.clean(address));
        assertEquals("a\tb\nc", PdfText.clean("a\tb\nc"));
        assertEquals("", PdfText.clean(null));
    }

    @Test
    void dailyChart_RendersWithoutDecodingAnImage() throws IOException {
        // JasperReports' own exporter decodes a PNG pixel through ImageIO for every image element; with ImageIO's PNG
        // readers gone that render fails ("Cannot render invoice"), the in-memory pixel does not need them
        InvoiceView charted = charted(sample("INV-2025-000047", false, "Acme Robotics GmbH", "Hauptstraße 5",
                sampleLines()));
        IIORegistry registry = IIORegistry.getDefaultInstance();
        List<ImageReaderSpi> png = new ArrayList<>();
        registry.getServiceProviders(ImageReaderSpi.class, true).forEachRemaining(spi -> {
            if (List.of(spi.getFormatNames()).contains("png")) {
                png.add(spi);
            }
        });
        assertFalse(png.isEmpty(), "the JDK has a PNG reader to take away");
        png.forEach(spi -> registry.deregisterServiceProvider(spi, ImageReaderSpi.class));
        try {
            assertContains(text(renderer.renderBytes(charted)), "Busiest day: 9 on 2025-01-02");
        } finally {
            png.forEach(spi -> registry.registerServiceProvider(spi, ImageReaderSpi.class));
        }
    }

    @Test
    void longInvoiceFlowsOntoMorePages() throws IOException {
        List<LineView> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add(LineView.charge("Usage charge " + i + ": model-" + i + " input tokens, a description long enough"
                    + " to wrap onto a second line in the description column of the invoice", "1,000,000", "$0.50",
                    "$" + i + ".00"));
        }
        InvoiceView view = sample("INV-2025-000044", false, "Acme Robotics GmbH", "Hauptstraße 5", lines);

        byte[] bytes = renderer.renderBytes(view);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertTrue(document.getNumberOfPages() > 1, "pages: " + document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            assertContains(text, "$60.00");
            assertContains(text, "Amount due");
            assertContains(text, "Page 1 of " + document.getNumberOfPages());
        }
    }

    @Test
    void backgroundCompile_RendersTheSameTextAsACompileInTheConstructor() throws IOException {
        InvoiceView view = sample("INV-2025-000045", false, "Acme Robotics GmbH", "Hauptstraße 5", sampleLines());
        InvoicePdfRenderer background = InvoicePdfRenderer.compileInBackground(Path.of("templates/invoice.jrxml"));

        byte[] bytes = background.renderBytes(view);

        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertEquals(text(renderer.renderBytes(view)), new PDFTextStripper().getText(document));
        }
    }

    @Test
    void backgroundCompileOfAMissingTemplate_FailsEveryRender() {
        InvoicePdfRenderer broken = InvoicePdfRenderer.compileInBackground(dir.resolve("missing.jrxml"));
        InvoiceView view = sample("INV-2025-000046", false, "Acme Robotics GmbH", "Hauptstraße 5", sampleLines());

        for (int i = 0; i < 2; i++) {
            InvoiceRenderingException e = assertThrows(InvoiceRenderingException.class,
                    () -> broken.render(view, dir.resolve("never.pdf")));
            assertContains(e.getMessage(), "Cannot compile the invoice template");
        }
        assertFalse(Files.exists(dir.resolve("never.pdf")));
    }

    @Test
    void templateFonts_AreEmbeddedAtTheFastestCompressionLevel() throws Exception {
        // the renderer compiled in @BeforeAll has set the level on OpenPDF's cached DejaVu Sans faces
        for (String face : List.of("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique")) {
            BaseFont font = BaseFont.createFont("net/sf/jasperreports/fonts/dejavu/" + face + ".ttf", "Identity-H", true,
                    true, null, null);
            assertEquals(Deflater.BEST_SPEED, font.getCompressionLevel(), face);
        }
    }

    static List<LineView> sampleLines() {
        return List.of(
                LineView.heading(Row.SUBSCRIPTION, "Pro  ·  2025-01-01 – 2025-01-31"),
                LineView.charge("Subscription fee (2025-01)", "1", "499.00", "499.00"),
                LineView.heading(Row.MODEL, "gpt-large"),
                LineView.charge("Input tokens", "12,500,000", "20.00 / 1M", "250.00"),
                LineView.charge("Output tokens", "3,000,000", "60.00 / 1M", "180.00"),
                LineView.heading(Row.MODEL, "embed-small"),
                LineView.charge("Tokens", "25,000,000", "", "114.00"),
                new LineView(Row.TIER, "first 10,000,000 tokens at $6.00 per 1M", "", "", "60.00"),
                new LineView(Row.TIER, "next 15,000,000 tokens at $3.60 per 1M", "", "", "54.00"));
    }

    /** {@code plain} with a three-day chart: 3, 9 and 1 requests from 2025-01-01. */
    static InvoiceView charted(InvoiceView plain) {
        return new InvoiceView(plain.language(), plain.title(), plain.number(), plain.draft(), plain.issueDate(),
                plain.payment(), plain.period(), plain.currency(), plain.sellerName(), plain.sellerAddress(),
                plain.sellerTaxId(), plain.sellerEmail(), plain.customerId(), plain.customerName(),
                plain.customerAddress(), plain.customerCountry(), plain.customerEmail(), plain.customerTaxId(),
                plain.lines(), plain.subtotal(), plain.adjustments(), plain.taxes(), plain.total(), plain.credits(),
                plain.amountDue(), plain.notices(), plain.bank(), plain.usage(),
                new DailyView(new long[] {3, 9, 1}, "2025-01-01", "2025-01-03", "9 on 2025-01-02"));
    }

    static InvoiceView sample(String number, boolean draft, String customerName, String customerAddress,
            List<LineView> lines) {
        return new InvoiceView("en", draft ? "DRAFT INVOICE" : "INVOICE", number, draft, "2025-02-01",
                "Net 30 – due 2025-03-03", "2025-01-01 – 2025-01-31", "USD",
                "Tokenbill Inc.", "100 Market Street, Suite 300\nSan Francisco, CA 94105\nUnited States",
                "US 12-3456789", "billing@tokenbill.dev",
                "CUST-0007", customerName, customerAddress, "Germany", "accounts@acme-robotics.example", "DE123456789",
                lines,
                "$1,043.00", List.of(new TotalView("Coupon WELCOME: 20 off", "−$20.00")),
                List.of(new TotalView("VAT 19% on $1,023.00", "$194.37")), "$1,217.37", "−$100.00", "$1,117.37",
                "Reverse charge: VAT to be accounted for by the recipient where applicable.",
                "Bank: Harbour Bank\nIBAN: IE29 AIBK 9311 5212 3456 78",
                List.of(new UsageView("gpt-large", "input_tokens", "12,500,000"),
                        new UsageView("gpt-large", "output_tokens", "3,000,000"),
                        new UsageView("embed-small", "tokens", "25,000,000")),
                DailyView.NONE);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "expected \"" + expected + "\" in:\n" + text);
    }
}
