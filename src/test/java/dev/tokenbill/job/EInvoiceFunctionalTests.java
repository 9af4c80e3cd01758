package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mustangproject.validator.ZUGFeRDValidator;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * E-invoices of the shipped sample (issue 18), checked with the Mustang validator (XML schema, EN 16931 and Factur-X /
 * XRechnung schematron, PDF/A-3). By default the EU business customers get Factur-X: grauwald-systems (DE, USD, reverse
 * charge), quillstack (DE, EUR, reverse charge), saffron-ai (FR, EUR, reverse charge), tidewater-analytics (IE, USD,
 * Irish VAT). The test asks for more through the {@code einvoice} column: the exempt university (facturx), the Dutch
 * consumer lotte-devries (facturx, NL VAT), cobalt-voice and parrot-labs (US and UK businesses, outside scope;
 * facturx) and quillstack (xrechnung), so every tax category and both currencies are covered; a correction run then
 * adds credit notes.
 */
@BillingJobTest
class EInvoiceFunctionalTests {

    private static final String OCTOBER = "2026-10";
    private static final Pattern GRAND_TOTAL = Pattern.compile("<ram:GrandTotalAmount>([-0-9.]+)</ram:GrandTotalAmount>");
    private static final Pattern DUE = Pattern.compile("<ram:DuePayableAmount>([-0-9.]+)</ram:DuePayableAmount>");
    private static final Pattern TYPE = Pattern.compile("<rsm:ExchangedDocument>.*?<ram:TypeCode>(\\d+)</ram:TypeCode>",
            Pattern.DOTALL);

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path work;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        BillingDatabase.reset(jdbc);
    }

    @Test
    void finalRunAndCorrection_everyEInvoiceIsValid_andStatesTheLedgersTotals() throws Exception {
        Path input = Fixtures.copyOfSample(work.resolve("input"));
        einvoice(input.resolve("customers.csv"), Map.of("th-rheinau-nlp", "facturx", "lotte-devries", "facturx",
                "cobalt-voice", "facturx", "parrot-labs", "facturx", "quillstack", "xrechnung"));
        Path output = work.resolve("output");

        assertThat(runs.start(OCTOBER, true, input, output).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(runs.start(OCTOBER, true, true, input, output).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path period = output.resolve(OCTOBER);
        Map<String, Map<String, String>> documents = new TreeMap<>();
        for (Map<String, String> row : csv(period.resolve("invoices.csv"))) {
            documents.put(row.get("number"), row);
        }
        List<String> facturX = new ArrayList<>();
        for (Path dir : List.of(period.resolve("invoices"), period.resolve("credit-notes"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path pdf : files.sorted().toList()) {
                    String xml = embeddedXml(pdf);
                    if (xml == null) {
                        continue;
                    }
                    String number = pdf.getFileName().toString().replace(".pdf", "");
                    facturX.add(number + " " + documents.get(number).get("customer_id"));
                    assertValid(pdf.toString(), null);
                    assertTotals(number, xml, documents.get(number));
                }
            }
        }
        // first run TB-000001..12 in customer-id order, correction CN-000001..12 and TB-000013..24 in the same order;
        // Factur-X for the seven customers below, on each of their three documents
        List<String> expected = new ArrayList<>();
        String[] customers = {"cobalt-voice", "grauwald-systems", "lotte-devries", "parrot-labs", "saffron-ai",
            "th-rheinau-nlp", "tidewater-analytics"};
        for (String customer : customers) {
            for (Map<String, String> row : documents.values()) {
                if (row.get("customer_id").equals(customer)) {
                    expected.add(row.get("number") + " " + customer);
                }
            }
        }
        assertThat(facturX).containsExactlyInAnyOrderElementsOf(expected).hasSize(21);
        assertThat(facturX).anyMatch(d -> d.startsWith("CN-"));
        // the PDF of a reverse-charged invoice says so, with both VAT numbers (catalog and customers.csv)
        String grauwald = documents.values().stream().filter(r -> r.get("customer_id").equals("grauwald-systems")
                        && r.get("document_type").equals("invoice"))
                .findFirst().orElseThrow().get("number");
        assertThat(dev.tokenbill.testsupport.RunOutput.pdfText(period.resolve("invoices").resolve(grauwald + ".pdf"))
                .replaceAll("\\s+", " ")).contains("Reverse charge", "Art. 196", "IE1234567T", "DE298144752");

        // quillstack's XRechnung: an XML file per document, none embedded in its PDFs
        try (Stream<Path> files = Files.list(period.resolve("einvoices"))) {
            List<Path> xrechnung = files.sorted().toList();
            assertThat(xrechnung).hasSize(3);
            for (Path file : xrechnung) {
                String number = file.getFileName().toString().replace(".xml", "");
                assertThat(documents.get(number).get("customer_id")).isEqualTo("quillstack");
                assertValid(file.toString(), null);
                assertTotals(number, Files.readString(file), documents.get(number));
            }
        }
    }

    @Test
    void draftRun_producesNoEInvoice() throws Exception {
        Path output = work.resolve("output");

        assertThat(runs.start(OCTOBER, false, Path.of("input"), output).getStatus()).isEqualTo(BatchStatus.COMPLETED);

        Path period = output.resolve(OCTOBER);
        assertThat(period.resolve("einvoices")).doesNotExist();
        try (Stream<Path> files = Files.list(period.resolve("invoices"))) {
            List<Path> pdfs = files.toList();
            assertThat(pdfs).hasSize(12);
            for (Path pdf : pdfs) {
                assertThat(embeddedXml(pdf)).as(pdf.toString()).isNull();
            }
        }
    }

    /** The XML's totals are invoices.csv's: a credit note's (type 381) the negated amounts of its row. */
    private static void assertTotals(String number, String xml, Map<String, String> row) {
        boolean creditNote = row.get("document_type").equals("credit_note");
        assertThat(single(TYPE, xml)).as(number).isEqualTo(creditNote ? "381" : "380");
        BigDecimal sign = creditNote ? BigDecimal.ONE.negate() : BigDecimal.ONE;
        assertThat(new BigDecimal(single(GRAND_TOTAL, xml)).multiply(sign)).as(number + " total")
                .isEqualByComparingTo(row.get("total"));
        assertThat(new BigDecimal(single(DUE, xml)).multiply(sign)).as(number + " amount due")
                .isEqualByComparingTo(row.get("amount_due"));
    }

    private static String single(Pattern pattern, String xml) {
        Matcher m = pattern.matcher(xml);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1);
    }

    private static void assertValid(String file, String unused) {
        ZUGFeRDValidator validator = new ZUGFeRDValidator();
        String report = validator.validate(file);
        assertThat(validator.wasCompletelyValid()).as(file + "\n" + report).isTrue();
    }

    /** The embedded factur-x.xml of a PDF, or null when it has none. */
    static String embeddedXml(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) {
                return null;
            }
            PDEmbeddedFilesNameTreeNode tree = names.getEmbeddedFiles();
            Map<String, PDComplexFileSpecification> files = tree.getNames();
            if (files == null || !files.containsKey("factur-x.xml")) {
                return null;
            }
            return new String(files.get("factur-x.xml").getEmbeddedFile().toByteArray(), StandardCharsets.UTF_8);
        }
    }

    /** Sets the einvoice column of customers.csv for these customers (adding the column). */
    private static void einvoice(Path customers, Map<String, String> formats) throws Exception {
        List<String[]> rows;
        try (Reader in = Files.newBufferedReader(customers); CSVReader reader = new CSVReader(in)) {
            rows = reader.readAll();
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String[] wider = java.util.Arrays.copyOf(row, row.length + 1);
            wider[row.length] = i == 0 ? "einvoice" : formats.getOrDefault(row[0], "");
            out.add(wider);
        }
        try (Writer w = Files.newBufferedWriter(customers); CSVWriter writer = new CSVWriter(w)) {
            writer.writeAll(out);
        }
    }
}
