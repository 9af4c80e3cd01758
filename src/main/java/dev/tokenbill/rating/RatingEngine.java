package dev.tokenbill.rating;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.credit.AppliedCredit;
import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.credit.Credits;
import dev.tokenbill.discount.Discounts;
import dev.tokenbill.discount.ServiceCharge;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.CreditLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.InvoiceTax;
import dev.tokenbill.invoice.TaxCategory;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import dev.tokenbill.money.MoneyFormat;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.tax.TaxDecision;
import dev.tokenbill.tax.TaxRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rates one customer's period: for each subscription (by start date) its recurring fee, its usage
 * charges and its minimum true-ups ({@link Minimums}); then tax once on the invoice. Stateless and
 * thread-safe; the result depends only on its arguments (not on the order of the usage totals).
 */
public final class RatingEngine {

    /**
     * @param tax the tax of the customer's country; empty means no tax is due (a zero-rate line is shown)
     */
    public Invoice rate(Customer customer, BillingPeriod period, List<SubscriptionUsage> subscriptions,
            Optional<TaxRate> tax) {
        return rate(customer, period, subscriptions, tax, Adjustments.NONE);
    }

    /**
     * Rates the period: charges (recurring, usage, true-up, cost-plus), then discounts, then tax once
     * on subtotal - discounts (HALF_UP), then prepaid credits against the total. The invoice's lines
     * are the charges followed by the DISCOUNT and CREDIT lines (negative amounts).
     */
    public Invoice rate(Customer customer, BillingPeriod period, List<SubscriptionUsage> subscriptions,
            Optional<TaxRate> tax, Adjustments adjustments) {
        return rate(customer, period, subscriptions, TaxRules.countryRate(customer, tax), adjustments);
    }

    /**
     * As {@link #rate(Customer, BillingPeriod, List, Optional, Adjustments)}, taxed as {@code tax} decided (see
     * {@link TaxRules#decide}): its rate on subtotal - discounts, once, HALF_UP.
     */
    public Invoice rate(Customer customer, BillingPeriod period, List<SubscriptionUsage> subscriptions,
            TaxDecision tax, Adjustments adjustments) {
        List<SubscriptionUsage> ordered = new ArrayList<>(subscriptions);
        ordered.sort(Comparator.comparing((SubscriptionUsage s) -> s.subscription().start())
                .thenComparing(s -> s.subscription().id()));
        List<InvoiceLine> lines = new ArrayList<>();
        // what each charge's service period is, for coupons: the fee billed in advance belongs to the next one
        List<ServiceCharge> serviceCharges = new ArrayList<>();
        boolean costPlusBilled = false;
        for (SubscriptionUsage s : ordered) {
            requireCurrency(customer, s.plan());
            List<InvoiceLine> current = new ArrayList<>(RecurringFees.current(s.subscription(), s.plan(), period));
            current.addAll(UnusedDays.lines(s.subscription(), s.plan(), period, adjustments.prepaidFees()));
            List<InvoiceLine> advance = new ArrayList<>(RecurringFees.inAdvance(s.subscription(), s.plan(), period));
            advance.addAll(UnusedDays.billedAgain(s.subscription(), s.plan(), adjustments.creditedByNextPeriod()));
            List<InvoiceLine> usage = ZeroUsageFlatFees.apply(s.subscription(), s.plan(),
                    UsageCharges.lines(s.subscription(), s.plan(), sortedUsage(s)));
            List<InvoiceLine> trueUps = Minimums.trueUps(s.subscription(), s.plan(), period, usage,
                    RecurringFees.ofServicePeriod(s.subscription(), s.plan(), period));
            List<InvoiceLine> ofThisPeriod = new ArrayList<>(current);
            ofThisPeriod.addAll(usage);
            ofThisPeriod.addAll(trueUps);
            if (s.plan().isCostPlus() && !costPlusBilled && adjustments.allocatedCost() != null) {
                ofThisPeriod.add(CostPlus.line(s.subscription(), s.plan(), adjustments.allocatedCost()));
                costPlusBilled = true;
            }
            lines.addAll(current);
            lines.addAll(advance);
            lines.addAll(ofThisPeriod.subList(current.size(), ofThisPeriod.size()));
            ofThisPeriod.forEach(l -> serviceCharges.add(ServiceCharge.ofThisPeriod(l)));
            advance.forEach(l -> serviceCharges.add(new ServiceCharge(l, 1, true)));
            RecurringFees.billedEarlier(s.subscription(), s.plan(), period)
                    .ifPresent(l -> serviceCharges.add(new ServiceCharge(l, 0, false)));
        }
        Money subtotal = Money.zero(customer.currency());
        for (InvoiceLine line : lines) {
            subtotal = subtotal.plus(line.amount());
        }
        List<InvoiceLine> discountLines = lines.isEmpty() ? List.of()
                : Discounts.applyByServicePeriod(serviceCharges, adjustments.coupons(), adjustments.volumeDiscount(),
                        customer.currency());
        Money discounts = Money.zero(customer.currency());
        for (InvoiceLine line : discountLines) {
            discounts = discounts.minus(line.amount());
        }
        BigDecimal rate = tax.rate();
        // tax is computed once per invoice on the taxable amount, rounded HALF_UP
        Money taxAmount = Money.rounded(subtotal.minus(discounts).amount().multiply(rate), customer.currency());
        Money total = subtotal.minus(discounts).plus(taxAmount);
        lines.addAll(discountLines);
        InvoiceTax taxation = new InvoiceTax(tax.category(), tax.country(), tax.notice(), customer.taxId());
        Invoice beforeCredits = new Invoice(customer.id(), customer.currency(), lines, subtotal, discounts, tax.name(),
                rate, taxAmount, tax.category() == TaxCategory.EXEMPT, total, Money.zero(customer.currency()), total,
                taxation);
        return withCredits(beforeCredits, adjustments.credits(), period.end().minusDays(1));
    }

    /**
     * The invoice with prepaid credit applied afresh from {@code grants} (their balances as they stand now): its
     * CREDIT lines replaced, credits and amount due recomputed; charges, discounts, tax and total unchanged. Credits
     * are whole amounts of the currency already, so nothing is rounded here. A final run calls this again while it
     * holds the grants' locks, so the balance it applies is the one it takes.
     */
    public static Invoice withCredits(Invoice invoice, List<CreditGrant> grants, LocalDate lastDayOfPeriod) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            if (line.kind() != LineKind.CREDIT) {
                lines.add(line);
            }
        }
        Money credits = Money.zero(invoice.currency());
        for (AppliedCredit applied : Credits.apply(invoice.total(), grants, lastDayOfPeriod)) {
            credits = credits.plus(applied.amount());
            lines.add(new CreditLine("Prepaid credit " + applied.grantId() + " applied (balance left "
                    + MoneyFormat.amount(applied.balanceLeft()) + ")", BigDecimal.ONE, applied.amount().negate(),
                    applied.grantId()));
        }
        return new Invoice(invoice.customerId(), invoice.currency(), lines, invoice.subtotal(), invoice.discounts(),
                invoice.taxName(), invoice.taxRate(), invoice.tax(), invoice.taxExempt(), invoice.total(), credits,
                invoice.total().minus(credits), invoice.taxation());
    }

    private static List<dev.tokenbill.usage.UsageTotal> sortedUsage(SubscriptionUsage s) {
        List<dev.tokenbill.usage.UsageTotal> usage = new ArrayList<>(s.usage());
        usage.sort(Comparator.comparing(dev.tokenbill.usage.UsageTotal::meter)
                .thenComparing(dev.tokenbill.usage.UsageTotal::model)
                .thenComparing(dev.tokenbill.usage.UsageTotal::condition));
        return usage;
    }

    private static void requireCurrency(Customer customer, Plan plan) {
        if (!plan.currency().equals(customer.currency())) {
            throw new IllegalArgumentException("customer " + customer.id() + " is billed in "
                    + customer.currency().getCurrencyCode() + " but plan " + plan.id() + " is in "
                    + plan.currency().getCurrencyCode());
        }
    }
}
