package dev.tokenbill.invoice.pdf;

import java.util.List;

/**
 * Everything the invoice template prints, already formatted for the invoice's currency (the
 * template holds no logic). {@code number} is "DRAFT" for draft invoices. Optional texts are ""
 * rather than null; {@code daily} is {@link DailyView#NONE} rather than null. {@code documentTitle} overrides the
 * title ("CREDIT NOTE"; "" = "INVOICE" or "DRAFT INVOICE"); {@code reference} says what the document corrects or
 * credits ("" = nothing).
 */
public record InvoiceView(
        String number,
        boolean draft,
        String issueDate,
        String dueDate,
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
        List<LineView> lines,
        String subtotal,
        String discounts,
        String taxLabel,
        String tax,
        String total,
        String credits,
        String amountDue,
        String note,
        List<UsageView> usage,
        DailyView daily,
        String documentTitle,
        String reference) {

    /** An invoice view with the default title and no reference. */
    public InvoiceView(String number, boolean draft, String issueDate, String dueDate, String period, String currency,
            String sellerName, String sellerAddress, String sellerTaxId, String sellerEmail, String customerId,
            String customerName, String customerAddress, String customerCountry, String customerEmail,
            List<LineView> lines, String subtotal, String discounts, String taxLabel, String tax, String total,
            String credits, String amountDue, String note, List<UsageView> usage, DailyView daily) {
        this(number, draft, issueDate, dueDate, period, currency, sellerName, sellerAddress, sellerTaxId, sellerEmail,
                customerId, customerName, customerAddress, customerCountry, customerEmail, lines, subtotal, discounts,
                taxLabel, tax, total, credits, amountDue, note, usage, daily, "", "");
    }

    /** This view with another title ("" for the default), due date and reference line (issue 17: credit notes). */
    public InvoiceView withDocument(String title, String due, String referenceLine) {
        return new InvoiceView(number, draft, issueDate, due, period, currency, sellerName, sellerAddress, sellerTaxId,
                sellerEmail, customerId, customerName, customerAddress, customerCountry, customerEmail, lines, subtotal,
                discounts, taxLabel, tax, total, credits, amountDue, note, usage, daily, title, referenceLine);
    }

    /** One printed row: a charge, or (with {@code tier} true) one tier of the charge above it. */
    public record LineView(String description, String quantity, String unitPrice, String amount, boolean tier) {
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
