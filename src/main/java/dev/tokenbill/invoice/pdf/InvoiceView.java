package dev.tokenbill.invoice.pdf;

import java.util.List;

/**
 * Everything the invoice template prints, already formatted for the invoice's currency (the
 * template holds no logic). {@code number} is "DRAFT" for draft invoices. Optional texts are ""
 * rather than null.
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
        List<UsageView> usage) {

    /** One printed row: a charge, or (with {@code tier} true) one tier of the charge above it. */
    public record LineView(String description, String quantity, String unitPrice, String amount, boolean tier) {
    }

    /** One row of the usage statement: accepted usage by model and meter. */
    public record UsageView(String model, String meter, String quantity) {
    }
}
