package dev.tokenbill.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored row comes back as the record of its kind, with that kind's fields and nothing else. */
class InvoiceLineTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final ServicePeriod OCTOBER = new ServicePeriod(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
    private static final TierLine TIER = new TierLine(1, BigDecimal.ZERO, null, new BigDecimal("3"),
            new BigDecimal("0.5"), BigDecimal.ZERO, Money.of("1.50", USD));

    @Test
    void testOf_RecurringRowIsAFeeLine() {
        InvoiceLine line = row(LineKind.RECURRING, "sub-1", "pro", null, null, null);
        assertThat(line).isEqualTo(new FeeLine("d", "sub-1", "pro", new BigDecimal("2"), new BigDecimal("0.5"),
                Money.of("1.00", USD), OCTOBER));
        assertThat(line.kind()).isEqualTo(LineKind.RECURRING);
        assertThat(line.meter()).isNull();
        assertThat(line.tiers()).isEmpty();
    }

    @Test
    void testOf_UsageRowKeepsMeterConditionAndTiers() {
        InvoiceLine line = InvoiceLine.of(LineKind.USAGE, "d", "sub-1", "pro", "input_tokens", "gpt-4o",
                PriceCondition.OFF_PEAK, new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("3"), null,
                Money.of("1.50", USD), List.of(TIER), null, OCTOBER);
        assertThat(line).isEqualTo(new UsageLine("d", "sub-1", "pro", "input_tokens", "gpt-4o", PriceCondition.OFF_PEAK,
                new BigDecimal("5"), new BigDecimal("2"), new BigDecimal("3"), null, Money.of("1.50", USD),
                List.of(TIER), OCTOBER));
        assertThat(line.withServicePeriod(null).servicePeriod()).isNull();
    }

    @Test
    void testOf_TrueUpAndCostPlusRowsAreAdjustments() {
        assertThat(row(LineKind.TRUE_UP, "sub-1", "pro", null, null, null)).isEqualTo(new AdjustmentLine(
                LineKind.TRUE_UP, "d", "sub-1", "pro", new BigDecimal("2"), new BigDecimal("0.5"), Money.of("1.00", USD),
                OCTOBER));
        assertThat(row(LineKind.COST_PLUS, "sub-1", "pro", null, null, null).kind()).isEqualTo(LineKind.COST_PLUS);
    }

    @Test
    void testOf_DiscountAndCreditRowsHaveNoPlanPriceOrPeriod() {
        InvoiceLine discount = row(LineKind.DISCOUNT, "sub-1", null, null, null, null);
        assertThat(discount).isEqualTo(new DiscountLine("d", "sub-1", new BigDecimal("2"), Money.of("1.00", USD)));
        assertThat(discount.unitPrice()).isNull();
        assertThat(discount.servicePeriod()).isNull();
        InvoiceLine credit = row(LineKind.CREDIT, null, null, null, null, "grant-7");
        assertThat(credit).isEqualTo(new CreditLine("d", new BigDecimal("2"), Money.of("1.00", USD), "grant-7"));
        assertThat(credit.reference()).isEqualTo("grant-7");
        assertThatThrownBy(() -> credit.withServicePeriod(OCTOBER)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void testOf_NoLineIsOfKindTax() {
        assertThatThrownBy(() -> row(LineKind.TAX, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testAdjustment_OnlyTrueUpOrCostPlus() {
        assertThatThrownBy(() -> new AdjustmentLine(LineKind.USAGE, "d", null, null, null, null, Money.of("1", USD)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InvoiceLine row(LineKind kind, String subscription, String plan, String meter, String model,
            String reference) {
        return InvoiceLine.of(kind, "d", subscription, plan, meter, model, null, null, null, new BigDecimal("2"),
                kind == LineKind.DISCOUNT || kind == LineKind.CREDIT ? null : new BigDecimal("0.5"),
                Money.of("1.00", USD), List.of(), reference,
                kind == LineKind.DISCOUNT || kind == LineKind.CREDIT ? null : OCTOBER);
    }
}
