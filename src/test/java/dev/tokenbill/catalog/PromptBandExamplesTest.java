package dev.tokenbill.catalog;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.rating.SubscriptionUsage;
import dev.tokenbill.usage.UsageTotal;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Published prompt-size price tables (src/test/resources/catalog/prompt-band-examples.yaml, which
 * cites them), reproduced through the real {@link CatalogLoader}, the per-request band of
 * {@link ModelConditions#classify} and the {@link RatingEngine}. The sources publish prices only;
 * the requests and their sizes are ours. Each request is rated alone; each line is rounded once, HALF_UP.
 */
class PromptBandExamplesTest {

    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    private static final String SUB = "sub-1";

    private static Catalog catalog;

    @BeforeAll
    static void loadCatalog() throws IOException {
        try (InputStream in = PromptBandExamplesTest.class.getResourceAsStream("/catalog/prompt-band-examples.yaml");
                Reader reader = new InputStreamReader(Objects.requireNonNull(in, "test catalog"), UTF_8)) {
            catalog = CatalogLoader.load("prompt-band-examples.yaml", reader);
        }
    }

    /**
     * Alibaba Cloud Model Studio, qwen-plus, three bands by prompt size (0k-128k, 128k-256k, 256k-1m;
     * we read 128k as 128,000 tokens and count cached input toward the prompt, our default).
     * Exactly 128,000 input + 10,000 output is the first band: 128,000 x 0.0000008 = 0.1024 -> 0.10,
     * 10,000 x 0.000002 = 0.02; 0.12 CNY. One token more is the second band: 128,001 x 0.0000024 =
     * 0.3072024 -> 0.31, 10,000 x 0.00002 = 0.20; 0.51 CNY.
     */
    @Test
    void testAlibabaQwenPlus_FirstBandEdge() {
        Invoice atEdge = rate("alibaba-qwen-plus", request("alibaba-qwen-plus", "qwen-plus",
                "input_tokens", "128000", "output_tokens", "10000"));
        Invoice above = rate("alibaba-qwen-plus", request("alibaba-qwen-plus", "qwen-plus",
                "input_tokens", "128001", "output_tokens", "10000"));

        assertThat(line(atEdge, "input_tokens").amount()).isEqualTo(cny("0.10"));
        assertThat(atEdge.subtotal()).isEqualTo(cny("0.12"));
        assertThat(line(above, "input_tokens").condition()).isEqualTo(PriceCondition.LONG_CONTEXT);
        assertThat(line(above, "input_tokens").amount()).isEqualTo(cny("0.31"));
        assertThat(line(above, "output_tokens").amount()).isEqualTo(cny("0.20"));
        assertThat(above.subtotal()).isEqualTo(cny("0.51"));
        assertThat(line(above, "input_tokens").description()).isEqualTo("qwen-plus, input tokens (long context, prompt 128k-256k)");
    }

    /**
     * Second band edge: 256,000 input is still 128k-256k: 256,000 x 0.0000024 = 0.6144 -> 0.61.
     * 256,001 is 256k-1m: 256,001 x 0.0000048 = 1.2288048 -> 1.23.
     */
    @Test
    void testAlibabaQwenPlus_SecondBandEdge() {
        Invoice atEdge = rate("alibaba-qwen-plus", request("alibaba-qwen-plus", "qwen-plus", "input_tokens", "256000"));
        Invoice above = rate("alibaba-qwen-plus", request("alibaba-qwen-plus", "qwen-plus", "input_tokens", "256001"));

        assertThat(atEdge.subtotal()).isEqualTo(cny("0.61"));
        assertThat(above.subtotal()).isEqualTo(cny("1.23"));
        assertThat(line(above, "input_tokens").description()).isEqualTo("qwen-plus, input tokens (long context, prompt over 256k)");
    }

    /**
     * Cache hits at the band's cache price: 200,000 input + 60,000 cached = 260,000 -> 256k-1m:
     * 200,000 x 0.0000048 = 0.96; 60,000 x 0.000001 = 0.06; 5,000 output x 0.000048 = 0.24; 1.26 CNY.
     */
    @Test
    void testAlibabaQwenPlus_CacheHitsInTheThirdBand() {
        Invoice invoice = rate("alibaba-qwen-plus", request("alibaba-qwen-plus", "qwen-plus",
                "input_tokens", "200000", "cached_input_tokens", "60000", "output_tokens", "5000"));

        assertThat(line(invoice, "input_tokens").amount()).isEqualTo(cny("0.96"));
        assertThat(line(invoice, "cached_input_tokens").amount()).isEqualTo(cny("0.06"));
        assertThat(line(invoice, "output_tokens").amount()).isEqualTo(cny("0.24"));
        assertThat(invoice.subtotal()).isEqualTo(cny("1.26"));
    }

    /**
     * Gemini 2.5 Pro, "above 200k tokens" (strictly more): 200,000 input + 10,000 output is the base
     * rate: 200,000 x 0.00000125 = 0.25, 10,000 x 0.00001 = 0.10; 0.35 USD. 200,001 input:
     * 200,001 x 0.0000025 = 0.5000025 -> 0.50, 10,000 x 0.000015 = 0.15; 0.65 USD.
     */
    @Test
    void testGemini25Pro_PlanLevelBands_ChargesWithoutModel() {
        Invoice base = rate("google-gemini-2-5-pro", request("google-gemini-2-5-pro", "gemini-2.5-pro",
                "input_tokens", "200000", "output_tokens", "10000"));
        Invoice above = rate("google-gemini-2-5-pro", request("google-gemini-2-5-pro", "gemini-2.5-pro",
                "input_tokens", "200001", "output_tokens", "10000"));

        assertThat(base.subtotal()).isEqualTo(usd("0.35"));
        assertThat(line(above, "input_tokens").amount()).isEqualTo(usd("0.50"));
        assertThat(line(above, "output_tokens").amount()).isEqualTo(usd("0.15"));
        assertThat(above.subtotal()).isEqualTo(usd("0.65"));
        assertThat(line(above, "output_tokens").description())
                .isEqualTo("All models, output tokens (long context, prompt over 200k)");
    }

    // helpers

    private static Invoice rate(String planId, List<UsageTotal> usage) {
        Plan plan = catalog.plan(planId).orElseThrow();
        Customer customer = new Customer("cust-1", "Example Customer", "ap@example.com", "1 Example Street", "US",
                plan.currency(), false);
        Subscription subscription = new Subscription(SUB, customer.id(), planId, OCTOBER.start(), null, 1, null);
        return new RatingEngine().rate(customer, OCTOBER, List.of(new SubscriptionUsage(subscription, plan, usage)),
                Optional.empty());
    }

    /** One request's meters (name, quantity pairs) at 10:00 UTC, classified by the plan's conditions as the usage step does. */
    private static List<UsageTotal> request(String planId, String model, String... meterQuantities) {
        Map<String, BigDecimal> meters = new LinkedHashMap<>();
        for (int i = 0; i < meterQuantities.length; i += 2) {
            meters.put(meterQuantities[i], new BigDecimal(meterQuantities[i + 1]));
        }
        PriceCondition condition = catalog.plan(planId).orElseThrow().conditionsOf(model)
                .classify(Instant.parse("2026-10-05T10:00:00Z"), meters);
        List<UsageTotal> totals = new ArrayList<>();
        meters.forEach((meter, quantity) -> totals.add(new UsageTotal(SUB, model, meter, condition, quantity)));
        return totals;
    }

    private static InvoiceLine line(Invoice invoice, String meter) {
        return invoice.lines().stream().filter(l -> meter.equals(l.meter())).reduce((a, b) -> {
            throw new AssertionError("two " + meter + " lines");
        }).orElseThrow(() -> new AssertionError("no " + meter + " line in " + invoice.lines()));
    }

    private static Money cny(String amount) {
        return Money.of(amount, java.util.Currency.getInstance("CNY"));
    }

    private static Money usd(String amount) {
        return Money.of(amount, java.util.Currency.getInstance("USD"));
    }
}
