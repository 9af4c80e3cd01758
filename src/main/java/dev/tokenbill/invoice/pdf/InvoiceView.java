package dev.tokenbill.invoice.pdf;

import java.util.List;

/**
 * Everything the invoice template prints, already formatted for the invoice's currency and language (the template
 * holds no logic). {@code language} ({@code en}, {@code de}, {@code fr}) picks the template's own labels; {@code title}
 * is the document's title in that language ("INVOICE", "RECHNUNG", "FACTURE", a draft or credit-note title);
 * {@code number} is "DRAFT" for draft invoices. {@code payment} is the terms line ("Net 30 - due 2026-12-01", or
 * why there is nothing to pay), {@code bank} the seller's account lines. Optional texts are "" rather than null;
 * {@code daily} is {@link DailyView#NONE} rather than null. {@code creditNote} marks a credit note; {@code reference}
 * says what the document credits or corrects ("Credits invoice TB-000001 of 2026-11-01"), "" for nothing.
 */
public record InvoiceView(
        String language,
        String title,
        String number,
        boolean draft,
        String issueDate,
        String payment,
        String period,
        String currency,
        String sellerName,
        String sellerAddress,
        String sellerTaxId,
        String sellerEmail,
        String customerId,
        String customerName,
        String customerAddress,
        String customerCountry,
        String customerEmail,
        String customerTaxId,
        List<LineView> lines,
        String subtotal,
        List<TotalView> adjustments,
        List<TotalView> taxes,
        String total,
        String credits,
        String amountDue,
        String notices,
        String bank,
        List<UsageView> usage,
        DailyView daily,
        boolean creditNote,
        String reference) {

    /** An invoice's view (not a credit note, no reference line). */
    public InvoiceView(String language, String title, String number, boolean draft, String issueDate, String payment,
            String period, String currency, String sellerName, String sellerAddress, String sellerTaxId,
            String sellerEmail, String customerId, String customerName, String customerAddress, String customerCountry,
            String customerEmail, String customerTaxId, List<LineView> lines, String subtotal,
            List<TotalView> adjustments, List<TotalView> taxes, String total, String credits, String amountDue,
            String notices, String bank, List<UsageView> usage, DailyView daily) {
        this(language, title, number, draft, issueDate, payment, period, currency, sellerName, sellerAddress,
                sellerTaxId, sellerEmail, customerId, customerName, customerAddress, customerCountry, customerEmail,
                customerTaxId, lines, subtotal, adjustments, taxes, total, credits, amountDue, notices, bank, usage, daily,
                false, "");
    }

    /** This view as another kind of document: its title, payment line and reference line. */
    public InvoiceView asDocument(boolean isCreditNote, String documentTitle, String paymentLine, String referenceLine) {
        return new InvoiceView(language, documentTitle, number, draft, issueDate, paymentLine, period, currency,
                sellerName, sellerAddress, sellerTaxId, sellerEmail, customerId, customerName, customerAddress,
                customerCountry, customerEmail, customerTaxId, lines, subtotal, adjustments, taxes, total, credits,
                amountDue, notices, bank, usage, daily, isCreditNote, referenceLine);
    }

    /** What a printed row of the lines table is; the template styles each differently. */
    public enum Row {
        /** A subscription's heading: plan name and service period. */
        SUBSCRIPTION,
        /** A model's heading inside a subscription. */
        MODEL,
        /** A charge (or usage inside the included quota). */
        CHARGE,
        /** One tier of the charge above it, as a sentence. */
        TIER
    }

    /** One printed row of the lines table; headings leave the number columns "". */
    public record LineView(Row row, String description, String quantity, String unitPrice, String amount) {

        public static LineView charge(String description, String quantity, String unitPrice, String amount) {
            return new LineView(Row.CHARGE, description, quantity, unitPrice, amount);
        }

        public static LineView heading(Row row, String text) {
            return new LineView(row, text, "", "", "");
        }
    }

    /** One labelled row of the totals: a discount (naming its coupon) or the tax of one rate. */
    public record TotalView(String label, String amount) {
    }

    /**
     * The usage chart: accepted usage rows (requests) per day from {@code firstDay} to {@code lastDay}, and the
     * busiest day ("1,234 on 2026-10-14"). {@link #NONE} (no requests, or a one-day period) prints no chart.
     */
    public record DailyView(long[] requests, String firstDay, String lastDay, String peak) {

        public static final DailyView NONE = new DailyView(new long[0], "", "", "");

        public boolean printed() {
            return requests.length > 1;
        }
    }

    /** One row of the usage statement: accepted usage by model and meter. */
    public record UsageView(String model, String meter, String quantity) {
    }
}
