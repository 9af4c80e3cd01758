package dev.tokenbill.report;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One row of the margin report, the numbers behind both margin.csv and the margin page of summary.pdf.
 * Revenue is subtotal - discounts (before tax); cost is the customer's allocated share of costs.csv (zero when
 * there is none). Cost and revenue in different currencies are never converted: such a row keeps the cost in its
 * own currency and has no margin ({@code margin} and {@code marginPct} null). {@code marginPct} is
 * margin / revenue x 100, HALF_UP to 2 decimals, null when revenue is zero.
 *
 * @param customerId the customer, or {@code TOTAL} for a currency's total row
 */
public record MarginRow(String customerId, Currency currency, Money revenue, Money cost, Money margin,
        BigDecimal marginPct, boolean total) {

    public static final String TOTAL = "TOTAL";

    /** Whether cost and revenue share a currency, so that the margin is computed. */
    public boolean comparable() {
        return margin != null;
    }

    /** The row of one invoice; {@code allocation} is the customer's allocated cost, {@code null} when none. */
    public static MarginRow of(Invoice i, Allocation allocation) {
        Money revenue = i.subtotal().minus(i.discounts());
        Money cost = allocation == null ? Money.zero(i.currency()) : allocation.amount();
        if (cost.currency().equals(revenue.currency())) {
            return compared(i.customerId(), revenue, cost, false);
        }
        return new MarginRow(i.customerId(), i.currency(), revenue, cost, null, null, false);
    }

    /**
     * The {@code TOTAL} rows, one per revenue currency in currency code order, of the invoices added so far: revenue
     * added up, and cost only where it shares that currency (no margin when no cost does).
     */
    public static final class Totals {

        private final Map<String, Money[]> totals = new TreeMap<>();
        private final Set<String> costed = new HashSet<>();

        /** Adds the row of an invoice; {@code allocation} as for {@link MarginRow#of(Invoice, Allocation)}. */
        public void add(Invoice i, Allocation allocation) {
            MarginRow row = of(i, allocation);
            Money[] t = totals.computeIfAbsent(i.currency().getCurrencyCode(),
                    c -> new Money[] {Money.zero(i.currency()), Money.zero(i.currency())});
            t[0] = t[0].plus(row.revenue());
            if (row.comparable()) {
                if (allocation != null) {
                    costed.add(i.currency().getCurrencyCode());
                }
                t[1] = t[1].plus(row.cost());
            }
        }

        public List<MarginRow> rows() {
            List<MarginRow> rows = new ArrayList<>();
            // a currency with no cost of its own gets no margin, rather than a fake 100 %
            totals.forEach((code, t) -> rows.add(costed.contains(code) ? compared(TOTAL, t[0], t[1], true)
                    : new MarginRow(TOTAL, t[0].currency(), t[0], t[1], null, null, true)));
            return rows;
        }
    }

    private static MarginRow compared(String customerId, Money revenue, Money cost, boolean total) {
        Money margin = revenue.minus(cost);
        BigDecimal pct = revenue.isZero() ? null
                : margin.amount().multiply(BigDecimal.valueOf(100)).divide(revenue.amount(), 2, RoundingMode.HALF_UP);
        return new MarginRow(customerId, revenue.currency(), revenue, cost, margin, pct, total);
    }
}
