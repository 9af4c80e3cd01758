package dev.tokenbill.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.invoice.pdf.InvoiceViews;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.rating.SubscriptionUsage;
import dev.tokenbill.report.pdf.SummaryPdfRenderer;
import dev.tokenbill.testsupport.RunOutput;
import dev.tokenbill.usage.UsageTotal;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one zero-usage rule (docs/catalog.md, "Zero usage"): a priced meter with no usage in the period has no line,
 * unless its charge bills something at zero usage (a tier's flat fee with {@code flat_fee_at_zero_usage: true}, a
 * charge minimum's TRUE_UP line). The PDF and charges.csv are both made from the invoice's lines, one for one;
 * this test renders both for one invoice and checks that they list the same charges.
 */
class ZeroUsageLinesTest {

    private static final String CATALOG = """
            seller: {name: Seller}
            plans:
              - id: mixed
                currency: USD
                interval: monthly
                charges:
                  - {meter: input_tokens, pricing: per_unit, unit_price: "0.000002"}
                  - {meter: output_tokens, pricing: per_unit, unit_price: "0.00001"}
                  - meter: gpu_seconds
                    pricing: graduated
                    flat_fee_at_zero_usage: true
                    tiers:
                      - {up_to: 1000, unit_price: "0", flat_fee: "5.00"}
                      - {up_to: null, unit_price: "0.01"}
                  - meter: requests
                    pricing: volume
                    tiers:
                      - {up_to: 100, unit_price: "0", flat_fee: "2.00"}
                      - {up_to: null, unit_price: "0.01"}
            """;

    @TempDir
    Path dir;

    @Test
    void testUnusedMeters_HaveNoLine_OnThePdfAndInChargesCsvAlike() throws Exception {
        // given usage of input tokens only: 1,000,000 x 0.000002 = 2.00; output tokens and requests unused: no
        // line; gpu seconds unused but its first tier's 5.00 flat fee is due at zero usage. Subtotal 7.00
        Catalog catalog = CatalogLoader.load("catalog.yaml", new StringReader(CATALOG));
        Plan plan = catalog.plan("mixed").orElseThrow();
        BillingPeriod october = BillingPeriod.parse("2026-10");
        Customer customer = new Customer("acme", "Acme", "a@acme.test", "1 Main St", "US", plan.currency(), true);
        Subscription subscription = new Subscription("sub-1", "acme", "mixed", LocalDate.parse("2026-01-01"), null, 1, null);
        UsageTotal input = new UsageTotal("sub-1", "m", "input_tokens", PriceCondition.STANDARD, new BigDecimal("1000000"));
        Invoice invoice = new RatingEngine().rate(customer, october, List.of(new SubscriptionUsage(subscription, plan,
                List.of(input))), Optional.empty());

        // when
        Path pdf = dir.resolve("DRAFT-acme.pdf");
        new InvoicePdfRenderer(Path.of("templates/invoice.jrxml"))
                .render(InvoiceViews.of(invoice, null, customer, catalog.seller(), id -> null, october, null), pdf);
        StoredInvoice stored = new StoredInvoice(1, "2026-10", "DRAFT", null, "DRAFT-acme.pdf", invoice);
        RunReports.writeAll(dir, new RunReports.RunFacts(1, "2026-10", "DRAFT", "COMPLETED", List.of(), List.of(stored),
                List.of(), List.of(), Map.of(), Map.of(), List.of()), SummaryPdfRenderer.compile(Path.of("templates/summary.jrxml")));

        // then the invoice, charges.csv and the PDF have the same two charge lines
        List<String> charges = invoice.lines().stream().filter(l -> l.kind().isCharge()).map(InvoiceLine::description).toList();
        assertThat(charges).containsExactly("All models, input tokens",
                "All models, gpu seconds, graduated tiers (flat fee at zero usage)");
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("7.00");
        List<Map<String, String>> rows = RunOutput.csv(dir.resolve("charges.csv"));
        assertThat(rows).filteredOn(r -> r.get("kind").equals("USAGE")).extracting(r -> r.get("description") + " "
                + r.get("amount")).containsExactly("All models, input tokens 2.00",
                        "All models, gpu seconds, graduated tiers (flat fee at zero usage) 5.00");
        String text = RunOutput.pdfText(pdf).replaceAll("\\s+", " ");
        // the page names meters in words and tiers as sentences: 1,000,000 input tokens at 2.00 per 1M = 2.00; the
        // GPU seconds' first tier holds 0 units and its 5.00 flat fee
        assertThat(text).contains("Input tokens 1,000,000 2.00 / 1M 2.00",
                "GPU seconds 0 5.00 first 0 GPU seconds at USD 0.00 each, plus USD 5.00 flat 5.00", "Subtotal USD 7.00");
        assertThat(text).doesNotContain("Output tokens", "output_tokens", "Requests");
    }
}
