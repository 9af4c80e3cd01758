package dev.tokenbill.invoice;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * A rated invoice of one customer and period, before numbering. {@code lines} holds the charges
 * (their sum is the subtotal); discounts, tax and credits are the totals below it.
 * total = subtotal - discounts + tax; amountDue = total - credits. {@code taxation} says how it is taxed (category,
 * country, notice); {@code taxName}, {@code taxRate} and {@code taxExempt} are the same facts as printed so far.
 */
public record Invoice(
        String customerId,
        Currency currency,
        List<InvoiceLine> lines,
        Money subtotal,
        Money discounts,
        String taxName,
        BigDecimal taxRate,
        Money tax,
        boolean taxExempt,
        Money total,
        Money credits,
        Money amountDue,
        InvoiceTax taxation) {

    public Invoice {
        lines = List.copyOf(lines);
    }

    /** An invoice whose taxation is inferred from its rate and exempt flag ({@link InvoiceTax#of}). */
    public Invoice(String customerId, Currency currency, List<InvoiceLine> lines, Money subtotal, Money discounts,
            String taxName, BigDecimal taxRate, Money tax, boolean taxExempt, Money total, Money credits,
            Money amountDue) {
        this(customerId, currency, lines, subtotal, discounts, taxName, taxRate, tax, taxExempt, total, credits,
                amountDue, InvoiceTax.of(taxExempt, taxRate));
    }

    /** This invoice with other lines (the same charges, say with their service periods filled in); every total kept. */
    public Invoice withLines(List<InvoiceLine> newLines) {
        return new Invoice(customerId, currency, newLines, subtotal, discounts, taxName, taxRate, tax, taxExempt, total,
                credits, amountDue, taxation);
    }

    /**
     * The tax per category, country and rate: one row, as one invoice has one tax decision (the taxable amount is
     * subtotal - discounts, its tax the invoice's tax, rounded once HALF_UP when rated).
     */
    public List<TaxBreakdown> taxes() {
        return List.of(new TaxBreakdown(taxation.category(), taxation.country(), taxRate, subtotal.minus(discounts), tax));
    }
}
