package dev.tokenbill.invoice.pdf;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.catalog.Seller;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.DiscountLine;
import dev.tokenbill.invoice.FeeLine;
import dev.tokenbill.invoice.UsageLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Invoices of October 2026 built by hand, with their amounts worked out here, for the page tests and the sample PNGs.
 *
 * <p>The charges of {@link #invoice}: Pro fee 1 x 49.00 = 49.00; gpt-4o input 12,000,000 tokens all inside the
 * included quota = 0.00; gpt-4o output 3,000,000 x 0.00001 = 30.00; gpt-4o-mini cached input 4,000,000 x 0.000000075 =
 * 0.30; embed output, graduated: first 1,000,000 x 0.0000025 = 2.50, next 1,000,000 x 0.0000023 + 25 flat = 27.30,
 * together 29.80. Subtotal 49.00 + 30.00 + 0.30 + 29.80 = 109.10; coupon WELCOME10 10 % = 10.91; taxable 98.19.
 */
final class PageFixtures {

    static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final Seller SELLER = new Seller("Tokenbill Demo AI Ltd.", "1 Harbour Square\nDublin D02 XY12\nIreland",
            "IE1234567T", "billing@tokenbill.example", "IE",
            new Seller.BankAccount("Harbour Bank plc", "IE29AIBK93115212345678", "AIBKIE2D", null), 30);
    static final Function<String, String> PLAN_NAMES = Map.of("pro-usd", "Pro (USD)", "payg", "Pay as you go")::get;

    private PageFixtures() {
    }

    static Customer customer(String language, String country, Currency currency, String taxId) {
        return new Customer("grauwald-systems", "Grauwald Systems GmbH", "rechnung@grauwald.example",
                "Lindenallee 41\n50968 Köln", country, currency, false, taxId, language, null, null);
    }

    /** The invoice described above, at {@code rate} with {@code tax} worked out by the caller. */
    static Invoice invoice(Currency currency, String taxName, String rate, String tax, String total) {
        List<InvoiceLine> lines = new ArrayList<>(charges(currency));
        lines.add(new DiscountLine("Coupon WELCOME10: 10% off all charges (period 1)", "sub-1", BigDecimal.ONE,
                money("-10.91", currency)));
        return new Invoice("grauwald-systems", currency, lines, money("109.10", currency), money("10.91", currency),
                taxName, new BigDecimal(rate), money(tax, currency), false, money(total, currency),
                Money.zero(currency), money(total, currency));
    }

    static List<InvoiceLine> charges(Currency currency) {
        return List.of(
                new FeeLine("Pro (USD) recurring fee (2026-10)", "sub-1", "pro-usd", BigDecimal.ONE,
                        new BigDecimal("49.00"), money("49.00", currency), null),
                usage("gpt-4o", "input_tokens", "12000000", "12000000", "0", "0.0000025", "0.00", currency),
                usage("gpt-4o", "output_tokens", "3000000", "0", "3000000", "0.00001", "30.00", currency),
                usage("gpt-4o-mini", "cached_input_tokens", "4000000", "0", "4000000", "0.000000075", "0.30", currency),
                new UsageLine("embed, output tokens, graduated tiers", "sub-1", "pro-usd",
                        "output_tokens", "embed", PriceCondition.STANDARD, new BigDecimal("2000000"), BigDecimal.ZERO,
                        new BigDecimal("2000000"), null, money("29.80", currency), List.of(
                                new TierLine(1, BigDecimal.ZERO, new BigDecimal("1000000"), new BigDecimal("1000000"),
                                        new BigDecimal("0.0000025"), BigDecimal.ZERO, money("2.50", currency)),
                                new TierLine(2, new BigDecimal("1000000"), null, new BigDecimal("1000000"),
                                        new BigDecimal("0.0000023"), new BigDecimal("25"), money("27.30", currency)))));
    }

    static InvoiceLine usage(String model, String meter, String used, String included, String billed, String price,
            String amount, Currency currency) {
        return new UsageLine(model + ", " + meter.replace('_', ' '), "sub-1", "pro-usd", meter, model,
                PriceCondition.STANDARD, new BigDecimal(used), new BigDecimal(included), new BigDecimal(billed),
                new BigDecimal(price), money(amount, currency), List.of());
    }

    /** {@code count} usage lines of 1,000,000 tokens at 2.50 per 1M (2.50 each), ten models a subscription. */
    static Invoice longInvoice(int count) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            InvoiceLine line = usage("model-" + ((i - 1) % 10 + 1), i % 2 == 0 ? "output_tokens" : "input_tokens",
                    "1000000", "0", "1000000", "0.0000025", "2.50", USD);
            lines.add(new UsageLine(line.description(), "sub-" + ((i - 1) / 10 + 1), "payg",
                    line.meter(), line.model(), line.condition(), line.usage(), line.included(), line.quantity(),
                    line.unitPrice(), line.amount(), line.tiers()));
        }
        Money subtotal = Money.of(new BigDecimal("2.50").multiply(BigDecimal.valueOf(count)), USD);
        return new Invoice("grauwald-systems", USD, lines, subtotal, Money.zero(USD), "Sales tax", BigDecimal.ZERO,
                Money.zero(USD), false, subtotal, Money.zero(USD), subtotal);
    }

    static long[] daily() {
        long[] requests = new long[31];
        for (int day = 0; day < requests.length; day++) {
            requests[day] = 400 + (day * 37) % 300 + (day % 7 < 5 ? 250 : 0);
        }
        return requests;
    }

    static Money money(String amount, Currency currency) {
        return Money.of(amount, currency);
    }
}
