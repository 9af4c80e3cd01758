package dev.tokenbill.invoice.pdf;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.money.MoneyFormat;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the printed view of an invoice: every amount formatted for its currency here, so the
 * template only places text. The issue date is the first day after the period (never the clock);
 * payment is due 30 days later.
 */
public final class InvoiceViews {

    public static final int PAYMENT_DAYS = 30;

    private InvoiceViews() {
    }

    /** {@code dailyRequests}: the customer's requests per day of the period (null or empty when none). */
    public static InvoiceView of(Invoice invoice, String number, Customer customer, Seller seller, BillingPeriod period,
            long[] dailyRequests) {
        String currency = invoice.currency().getCurrencyCode();
        List<InvoiceView.LineView> lines = new ArrayList<>();
        Map<String, BigDecimal> usage = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        // after a plan change the charges of both plans are on one invoice: say which plan each is on
        boolean severalPlans = invoice.lines().stream().filter(l -> l.kind().isCharge()).map(InvoiceLine::planId)
                .distinct().count() > 1;
        for (InvoiceLine line : invoice.lines()) {
            if (!line.kind().isCharge()) {
                // discounts and credits are itemised under the totals, not in the charges table
                notes.add(line.description() + ": " + MoneyFormat.amount(line.amount()));
                continue;
            }
            String text = severalPlans && line.kind() != LineKind.RECURRING && line.planId() != null
                    ? description(line) + " [" + line.planId() + "]" : description(line);
            lines.add(new InvoiceView.LineView(text, quantity(line),
                    line.unitPrice() == null ? "" : unitPrice(line.unitPrice(), invoice),
                    MoneyFormat.amount(line.amount()), false));
            for (TierLine tier : line.tiers()) {
                lines.add(new InvoiceView.LineView(tierText(tier), MoneyFormat.quantity(tier.units()),
                        unitPrice(tier.unitPrice(), invoice), MoneyFormat.amount(tier.amount()), true));
            }
            if (line.kind() == LineKind.USAGE && line.usage() != null) {
                String key = (line.model() == null ? "all models" : line.model()) + "\u0000" + line.meter();
                usage.merge(key, line.usage(), BigDecimal::add);
            }
        }
        List<InvoiceView.UsageView> statement = new ArrayList<>();
        usage.forEach((key, quantity) -> {
            String[] parts = key.split("\u0000");
            statement.add(new InvoiceView.UsageView(parts[0], parts[1].replace('_', ' '), MoneyFormat.quantity(quantity)));
        });
        String taxLabel = invoice.taxExempt() ? "Tax (exempt)"
                : invoice.taxName() + " " + invoice.taxRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        if (invoice.taxExempt()) {
            notes.add("Tax exempt: no tax is charged on this invoice; the customer is registered as tax-exempt.");
        }
        String note = String.join("\n", notes);
        boolean draft = number == null;
        return new InvoiceView(draft ? "DRAFT" : number, draft, period.end().toString(),
                period.end().plusDays(PAYMENT_DAYS).toString(), period.start() + " to " + period.end().minusDays(1),
                currency, seller.name(), seller.address(), seller.taxId(), seller.email(), customer.id(), customer.name(),
                customer.address(), customer.country(), customer.email(), lines, MoneyFormat.amount(invoice.subtotal()),
                MoneyFormat.amount(invoice.discounts().negate()), taxLabel, MoneyFormat.amount(invoice.tax()),
                MoneyFormat.amount(invoice.total()), MoneyFormat.amount(invoice.credits().negate()),
                MoneyFormat.amount(invoice.amountDue()), note, statement, daily(dailyRequests, period));
    }

    /**
     * A credit note's view (issue 17): its lines and totals as stored (the credited invoice's, negated), titled
     * CREDIT NOTE, with no due date and the line "Credits invoice TB-000001 of 2026-11-01".
     */
    public static InvoiceView creditNote(Invoice creditNote, String number, String creditedInvoice,
            java.time.LocalDate invoiceIssueDate, Customer customer, Seller seller, BillingPeriod period) {
        return of(creditNote, number, customer, seller, period, null).withDocument("CREDIT NOTE", "",
                "Credits invoice " + creditedInvoice + " of " + invoiceIssueDate);
    }

    /** The view of an invoice that replaces {@code corrects} (a correction run's), or the view as it is when null. */
    public static InvoiceView correcting(InvoiceView view, String corrects) {
        return corrects == null ? view : view.withDocument(view.documentTitle(), view.dueDate(),
                "Corrects invoice " + corrects);
    }

    /** The chart of a period of more than one day with some requests; otherwise none. */
    static InvoiceView.DailyView daily(long[] requests, BillingPeriod period) {
        if (requests == null || requests.length < 2 || Arrays.stream(requests).allMatch(r -> r == 0)) {
            return InvoiceView.DailyView.NONE;
        }
        int peak = 0;
        for (int day = 1; day < requests.length; day++) {
            if (requests[day] > requests[peak]) {
                peak = day;
            }
        }
        return new InvoiceView.DailyView(requests.clone(), period.start().toString(),
                period.start().plusDays(requests.length - 1).toString(),
                MoneyFormat.quantity(BigDecimal.valueOf(requests[peak])) + " on " + period.start().plusDays(peak));
    }

    /** Unit prices print without the currency code (the invoice says "All amounts in ..."), every decimal kept. */
    private static String unitPrice(BigDecimal price, Invoice invoice) {
        return MoneyFormat.number(price, dev.tokenbill.money.Money.minorUnits(invoice.currency()));
    }

    private static String description(InvoiceLine line) {
        if (line.kind() != LineKind.USAGE || line.included() == null || line.included().signum() == 0) {
            return line.description();
        }
        return line.description() + " (" + MoneyFormat.quantity(line.usage()) + " used, "
                + MoneyFormat.quantity(line.included()) + " included)";
    }

    private static String quantity(InvoiceLine line) {
        return line.quantity() == null ? "" : MoneyFormat.quantity(line.quantity());
    }

    private static String tierText(TierLine tier) {
        String range = tier.upTo() == null ? "over " + MoneyFormat.quantity(tier.from())
                : MoneyFormat.quantity(tier.from()) + " - " + MoneyFormat.quantity(tier.upTo());
        String flat = tier.flatFee().signum() == 0 ? "" : ", flat fee " + tier.flatFee().stripTrailingZeros().toPlainString();
        return "Tier " + tier.tier() + ": " + range + flat;
    }

    /** The PDF file name of an invoice: its number, or DRAFT- and the (validated) customer id. */
    public static String fileName(String number, String customerId) {
        String base = number != null ? number : "DRAFT-" + customerId;
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }

}
