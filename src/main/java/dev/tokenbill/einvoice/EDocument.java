package dev.tokenbill.einvoice;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.TaxCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * What an EN 16931 document says, in the figures of tokenbill's ledger. A credit note's amounts are positive (the
 * document type says it credits); {@code lines} are the charges (each at least zero: EN 16931 prices are never
 * negative) and {@code allowances} the document-level reductions (discounts, credit for unused days), positive.
 * The totals are those of the ledger; {@link CrossIndustryInvoice} refuses a document whose own arithmetic differs.
 *
 * @param dueDate null when nothing is due
 * @param exemptionReason the text a zero-rated category needs (reverse charge, exempt, outside scope), else null
 * @param correctsNumber for a credit note the invoice it credits; for a replacing invoice the invoice it corrects
 */
public record EDocument(
        DocumentKind kind,
        String number,
        LocalDate issueDate,
        LocalDate dueDate,
        String paymentTerms,
        LocalDate firstDay,
        LocalDate lastDay,
        Currency currency,
        Party seller,
        Party buyer,
        Seller.BankAccount bank,
        List<Line> lines,
        List<Line> allowances,
        TaxCategory category,
        BigDecimal rate,
        String exemptionReason,
        BigDecimal taxable,
        BigDecimal tax,
        BigDecimal total,
        BigDecimal prepaid,
        BigDecimal due,
        String correctsNumber,
        LocalDate correctsIssueDate) {

    public EDocument {
        lines = List.copyOf(lines);
        allowances = List.copyOf(allowances);
    }

    /**
     * A seller or buyer: its address split as EN 16931 wants it ({@code street}, {@code postcode}, {@code city};
     * the lines between in {@code additional}); {@code vatId} null for a consumer; {@code reference} the buyer's own
     * reference (BT-10, the customer id; XRechnung requires one) or the seller's telephone (XRechnung's seller
     * contact), "" if none.
     */
    public record Party(String name, String street, String additional, String postcode, String city, String country,
            String vatId, String email, String reference) {
    }

    /** A line: its name (BT-153), a longer description (BT-154, may be "") and its net amount. */
    public record Line(String name, String description, BigDecimal amount) {
    }
}
