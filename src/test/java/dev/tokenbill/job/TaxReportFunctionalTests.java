package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * tax-report.csv and the stored taxation of the small fixture (amounts worked out in BillingJobFunctionalTests):
 * acme DE USD subtotal 29.13, bluefin US USD 10.00, chateau FR EUR 107.92, delta DE EUR 27.15 (exempt), no discounts.
 * <pre>
 * As shipped (no seller country: the customer country's rate for everyone):
 *   acme 29.13 x 0.19 = 5.5347 -> 5.53; chateau 107.92 x 0.20 = 21.584 -> 21.58; bluefin US rate 0; delta exempt.
 * With seller country IE, acme holding VAT number DE136695976 and bluefin an EIN:
 *   acme: a business in another member state -> reverse charge, tax 0.00, total 29.13;
 *   chateau: no VAT number, a consumer in FR -> FR 20 % (OSS), 21.58 as before;
 *   bluefin: a business outside the EU -> outside the scope, 0.00; delta: exempt, 0.00.
 * </pre>
 */
@BillingJobTest
class TaxReportFunctionalTests {

    private static final String PERIOD = "2026-10";

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
    void draftOfAnOldCatalog_reportsTheCustomerCountrysRate_labelledDraft() throws Exception {
        // when
        var execution = runs.start(PERIOD, false, Fixtures.input("small"), work.resolve("out"));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(report()).containsExactly(
                "DRAFT DE STANDARD S 0.19 USD 29.13 5.53 1",
                "DRAFT DE EXEMPT E 0 EUR 27.15 0.00 1",
                "DRAFT FR STANDARD S 0.2 EUR 107.92 21.58 1",
                "DRAFT US OUTSIDE_SCOPE O 0 USD 10.00 0.00 1");
    }

    @Test
    void finalRunOfAnIrishSeller_reverseChargesTheGermanBusiness() throws Exception {
        // given
        Path input = irishSellerWithVatNumbers();

        // when
        var execution = runs.start(PERIOD, true, input, work.resolve("out"));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(report()).containsExactly(
                "FINAL DE REVERSE_CHARGE AE 0 USD 29.13 0.00 1",
                "FINAL DE EXEMPT E 0 EUR 27.15 0.00 1",
                "FINAL FR STANDARD S 0.2 EUR 107.92 21.58 1",
                "FINAL US OUTSIDE_SCOPE O 0 USD 10.00 0.00 1");
        Map<String, Object> acme = jdbc.queryForMap("select tax, total, tax_category, tax_country, tax_notice,"
                + " customer_tax_id from invoice where customer_id = 'acme'");
        assertThat(acme.get("tax_category")).isEqualTo("REVERSE_CHARGE");
        assertThat(acme.get("tax_country")).isEqualTo("DE");
        assertThat(acme.get("customer_tax_id")).isEqualTo("DE136695976");
        assertThat((String) acme.get("tax_notice")).startsWith("Reverse charge").contains("Article 196");
        assertThat(new java.math.BigDecimal(acme.get("total").toString())).isEqualByComparingTo("29.13");
        assertThat((String) jdbc.queryForObject("select tax_notice from invoice where customer_id = 'bluefin'",
                String.class)).startsWith("Not subject to VAT in Ireland");
    }

    private List<String> report() throws IOException {
        return csv(work.resolve("out").resolve(PERIOD).resolve("tax-report.csv")).stream()
                .peek(r -> assertThat(r.get("period")).isEqualTo(PERIOD))
                .map(r -> String.join(" ", r.get("status"), r.get("country"), r.get("category"), r.get("category_code"),
                        r.get("rate"), r.get("currency"), r.get("taxable_amount"), r.get("tax"), r.get("documents")))
                .toList();
    }

    /** The small fixture with seller country IE and a tax_id column: acme DE136695976, bluefin an EIN. */
    private Path irishSellerWithVatNumbers() throws IOException {
        Path source = Fixtures.input("small");
        Path input = work.resolve("input");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path copy = input.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy);
                }
            }
        }
        Path catalog = input.resolve("catalog.yaml");
        Files.writeString(catalog, Files.readString(catalog).replace("  email: billing@seller.example\n",
                "  email: billing@seller.example\n  country: IE\n"));
        Path customers = input.resolve("customers.csv");
        String text = Files.readString(customers, StandardCharsets.UTF_8)
                .replaceFirst("tax_exempt\n", "tax_exempt,tax_id\n")
                .replaceAll("(?m),(true|false)$", ",$1,")
                .replace(",DE,USD,false,", ",DE,USD,false,DE136695976")
                .replace(",US,USD,false,", ",US,USD,false,94-1234567");
        Files.writeString(customers, text, StandardCharsets.UTF_8);
        return input;
    }
}
