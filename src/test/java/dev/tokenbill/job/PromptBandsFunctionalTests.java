package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prompt bands and a price change through a whole billing run on PostgreSQL: the conditions with a
 * band and a price date are stored in usage_total (price_condition, widened by V10_1), read back by
 * rating, and land on the invoice lines and in charges.csv.
 */
@BillingJobTest
class PromptBandsFunctionalTests {

    private static final String CATALOG = """
            seller: {name: Tokenbill Test Seller Ltd.}
            taxes:
              - {country: US, rate: "0", name: Sales tax}
            plans:
              - id: bands-usd
                currency: USD
                interval: monthly
                models:
                  m: {prompt_bands: [32000, 128000, 256000]}
                charges:
                  - meter: input_tokens
                    model: m
                    pricing: per_unit
                    unit_price: "0.0001"
                    band_unit_prices: ["0.0002", "0.0004", "0.0008"]
                    price_changes:
                      - {from: 2026-10-15, unit_price: "0.00005", band_unit_prices: ["0.0001", "0.0002", "0.0004"]}
                  - {meter: output_tokens, model: m, pricing: per_unit, unit_price: "0.001"}
            """;

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
    void bandsAndPriceChange_OneLinePerBandAndPrice_StoredAndExported() throws Exception {
        // given
        Path input = work.resolve("input");
        Files.createDirectories(input.resolve("usage"));
        Files.writeString(input.resolve("catalog.yaml"), CATALOG, StandardCharsets.UTF_8);
        Files.writeString(input.resolve("customers.csv"), "customer_id,name,billing_email,address,country,currency,tax_exempt\n"
                + "acme,Acme Inc,ap@acme.example,1 Main Street,US,USD,false\n", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("subscriptions.csv"),
                "subscription_id,customer_id,plan_id,start_date,end_date,quantity,coupon_code\n"
                        + "sub-acme,acme,bands-usd,2026-01-01,,1,\n", StandardCharsets.UTF_8);
        Files.writeString(input.resolve("usage").resolve("u.csv"), "event_id,timestamp,customer_id,model,input_tokens,output_tokens\n"
                + "e-1,2026-10-05T10:00:00Z,acme,m,32000,10\n"     // band 1, old prices
                + "e-2,2026-10-06T10:00:00Z,acme,m,32001,\n"       // band 2, old prices
                + "e-3,2026-10-20T10:00:00Z,acme,m,300000,\n"      // band 4, new prices
                + "e-4,2026-10-21T10:00:00Z,acme,m,20000,10\n",    // band 1, new prices
                StandardCharsets.UTF_8);
        Path output = work.resolve("output");

        // when
        JobExecution run = runs.start("2026-10", true, input, output);

        // then
        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("select meter || ' ' || price_condition || ' ' || cast(quantity as bigint) from usage_total"
                + " where run_id = ? order by meter, price_condition", String.class, run.getJobInstanceId()))
                .containsExactly(
                        "input_tokens LONG_CONTEXT 32001",
                        "input_tokens LONG_CONTEXT_4@2026-10-15 300000",
                        "input_tokens STANDARD 32000",
                        "input_tokens STANDARD@2026-10-15 20000",
                        "output_tokens STANDARD 10",
                        "output_tokens STANDARD@2026-10-15 10");
        // 32,000 x 0.0001 = 3.20; 32,001 x 0.0002 = 6.4002 -> 6.40; 20,000 x 0.00005 = 1.00;
        // 300,000 x 0.0004 = 120.00; output has no price change: one line, 20 x 0.001 = 0.02
        assertThat(jdbc.queryForList("select description || ' | ' || price_condition || ' | ' || amount from invoice_line"
                + " where run_id = ? and kind = 'USAGE' order by position", String.class, run.getJobInstanceId()))
                .containsExactly(
                        "m, input tokens (prompt up to 32k, before 2026-10-15) | STANDARD | 3.2000",
                        "m, input tokens (long context, prompt 32k-128k, before 2026-10-15) | LONG_CONTEXT | 6.4000",
                        "m, input tokens (prompt up to 32k, from 2026-10-15) | STANDARD@2026-10-15 | 1.0000",
                        "m, input tokens (long context, prompt over 256k, from 2026-10-15) | LONG_CONTEXT_4@2026-10-15 | 120.0000",
                        "m, output tokens | STANDARD | 0.0200");
        assertThat(jdbc.queryForObject("select subtotal from invoice where run_id = ?", java.math.BigDecimal.class,
                run.getJobInstanceId())).isEqualByComparingTo("130.62");
        assertThat(csv(output.resolve("2026-10").resolve("charges.csv")))
                .filteredOn(r -> r.get("kind").equals("USAGE"))
                .extracting(r -> r.get("price_condition"))
                .containsExactly("STANDARD", "LONG_CONTEXT", "STANDARD@2026-10-15", "LONG_CONTEXT_4@2026-10-15", "STANDARD");
    }
}
