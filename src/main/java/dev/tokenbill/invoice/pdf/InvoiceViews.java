package dev.tokenbill.invoice.pdf;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.TaxBreakdown;
import dev.tokenbill.invoice.pdf.InvoiceView.TotalView;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the printed view of an invoice in the customer's language: every amount, number and date formatted here
 * ({@link PageFormat}), every word from the page's {@link Labels}, so the template only places text. The issue date
 * is the first day after the period (never the clock); payment is due the customer's payment terms later, else the
 * seller's.
 */
public final class InvoiceViews {

    private InvoiceViews() {
    }

    /**
     * {@code planNames}: a plan id to the plan's name (null when unknown); {@code dailyRequests}: the customer's
     * requests per day of the period (null or empty when none).
     */
    public static InvoiceView of(Invoice invoice, String number, Customer customer, Seller seller,
            Function<String, String> planNames, BillingPeriod period, long[] dailyRequests) {
        Labels labels = Labels.of(customer.language());
        PageFormat format = PageFormat.of(customer.language());
        ChargeTexts charges = new ChargeTexts(labels, format, invoice.currency());
        DiscountTexts discounts = new DiscountTexts(labels, format, charges);
        String servicePeriod = range(period, format);
        List<TotalView> adjustments = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            if (line.kind() == LineKind.DISCOUNT) {
                adjustments.add(new TotalView(discounts.label(line.description()), format.amount(line.amount())));
            } else if (line.kind() == LineKind.CREDIT) {
                notices.add(labels.get("credit.applied", line.reference() == null ? "" : line.reference(),
                        format.amount(line.amount())));
            }
        }
        TaxTexts tax = new TaxTexts(labels, format);
        // the tax decision the rating step stored: reverse charge, exempt, outside scope or a rate
        List<TaxBreakdown> breakdown = invoice.taxes();
        notices.addAll(tax.notices(breakdown));
        PaymentTexts payment = new PaymentTexts(labels, format);
        LocalDate issued = period.end();
        int termsDays = customer.paymentTermsDays() != null ? customer.paymentTermsDays() : seller.paymentTermsDays();
        boolean draft = number == null;
        return new InvoiceView(format.language(), title(DocumentKind.INVOICE, draft, labels), draft ? "DRAFT" : number,
                draft, format.date(issued), payment.terms(invoice, issued, termsDays), servicePeriod,
                invoice.currency().getCurrencyCode(), seller.name(), seller.address(), seller.taxId(), seller.email(),
                customer.id(), customer.name(), customer.address(), customer.country(), customer.email(),
                customer.taxId(), LineRows.of(invoice.lines(), planNames, servicePeriod, charges),
                format.amount(invoice.subtotal()), adjustments, tax.rows(breakdown, invoice.taxName()),
                format.amount(invoice.total()),
                invoice.credits().signum() == 0 ? "" : format.amount(invoice.credits().negate()),
                format.amount(invoice.amountDue()), String.join("\n", notices), payment.bank(seller.bank()),
                usage(invoice, charges, format, labels), daily(dailyRequests, period, format, labels), false, "");
    }

    /** The document's title: "INVOICE", "DRAFT INVOICE", "CREDIT NOTE" in the page's language. */
    static String title(DocumentKind kind, boolean draft, Labels labels) {
        return switch (kind) {
            case INVOICE -> labels.get(draft ? "title.draftInvoice" : "title.invoice");
            case CREDIT_NOTE -> labels.get(draft ? "title.draftCreditNote" : "title.creditNote");
        };
    }

    /** "2026-10-01 - 2026-10-31" (the end day inclusive), in the page's date format. */
    static String range(BillingPeriod period, PageFormat format) {
        return format.date(period.start()) + " \u2013 " + format.date(period.end().minusDays(1));
    }

    private static List<InvoiceView.UsageView> usage(Invoice invoice, ChargeTexts charges, PageFormat format,
            Labels labels) {
        Map<List<String>, BigDecimal> usage = new LinkedHashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            if (line.kind() == LineKind.USAGE && line.usage() != null) {
                usage.merge(List.of(line.model() == null ? labels.get("row.allModels") : line.model(),
                        charges.meterName(line.meter())), line.usage(), BigDecimal::add);
            }
        }
        List<InvoiceView.UsageView> statement = new ArrayList<>();
        usage.forEach((key, quantity) -> statement.add(
                new InvoiceView.UsageView(key.get(0), key.get(1), format.quantity(quantity))));
        return statement;
    }

    /**
     * A credit note's view: its lines and totals as stored (the credited invoice's, negated), titled "Credit note" in
     * the customer's language, with no due date and the line "Credits invoice TB-000001 of 2026-11-01".
     */
    public static InvoiceView creditNote(Invoice creditNote, String number, String creditedInvoice,
            LocalDate invoiceIssueDate, Customer customer, Seller seller, Function<String, String> planNames,
            BillingPeriod period) {
        Labels labels = Labels.of(customer.language());
        PageFormat format = PageFormat.of(customer.language());
        InvoiceView view = of(creditNote, number, customer, seller, planNames, period, null);
        return view.asDocument(true, title(DocumentKind.CREDIT_NOTE, number == null, labels),
                labels.get("payment.creditNote"),
                labels.get("reference.credits", creditedInvoice, format.date(invoiceIssueDate)));
    }

    /** The view of an invoice that replaces {@code corrects} (a correction run's), or the view as it is when null. */
    public static InvoiceView correcting(InvoiceView view, String corrects) {
        return corrects == null ? view : view.asDocument(false, view.title(), view.payment(),
                Labels.of(view.language()).get("reference.corrects", corrects));
    }

    /** The chart of a period of more than one day with some requests; otherwise none. */
    static InvoiceView.DailyView daily(long[] requests, BillingPeriod period, PageFormat format, Labels labels) {
        if (requests == null || requests.length < 2 || Arrays.stream(requests).allMatch(r -> r == 0)) {
            return InvoiceView.DailyView.NONE;
        }
        int peak = 0;
        for (int day = 1; day < requests.length; day++) {
            if (requests[day] > requests[peak]) {
                peak = day;
            }
        }
        return new InvoiceView.DailyView(requests.clone(), format.date(period.start()),
                format.date(period.start().plusDays(requests.length - 1)),
                labels.get("chart.peakDay", format.quantity(BigDecimal.valueOf(requests[peak])),
                        format.date(period.start().plusDays(peak))));
    }

    /** The chart in English (kept for callers without a language). */
    static InvoiceView.DailyView daily(long[] requests, BillingPeriod period) {
        return daily(requests, period, PageFormat.of("en"), Labels.of("en"));
    }

    /** The PDF file name of an invoice: its number, or DRAFT- and the (validated) customer id. */
    public static String fileName(String number, String customerId) {
        String base = number != null ? number : "DRAFT-" + customerId;
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf";
    }
}
