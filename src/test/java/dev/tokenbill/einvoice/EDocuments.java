package dev.tokenbill.einvoice;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.TaxCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Hand-made e-invoice documents of an Irish seller, one per tax case, with the totals worked out by hand in the
 * comments (tax once on the taxable amount, HALF_UP to the cent).
 */
final class EDocuments {

    static final EDocument.Party SELLER = new EDocument.Party("Tokenbill Demo AI Ltd.", "12 Harbour Street", "",
            "D02 XY45", "Dublin", "IE", "IE1234567T", "billing@tokenbill.example", "+353 1 555 0100");
    static final Seller.BankAccount BANK = new Seller.BankAccount("Harbour Bank plc", "IE29AIBK93115212345678",
            "AIBKIE2D", "");
    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);

    private EDocuments() {
    }

    static EDocument.Line line(String name, String amount) {
        return new EDocument.Line(name, "", new BigDecimal(amount));
    }

    private static EDocument.Party buyer(String name, String country, String vatId) {
        return new EDocument.Party(name, "1 Main Street", "", "10115", "Berlin", country, vatId,
                "ap@" + name.toLowerCase().replace(' ', '-') + ".example", name.toLowerCase().replace(' ', '-'));
    }

    private static EDocument invoice(String number, String currency, EDocument.Party buyer, List<EDocument.Line> lines,
            List<EDocument.Line> allowances, TaxCategory category, String rate, String reason, String taxable, String tax,
            String total, String prepaid, String due) {
        return new EDocument(DocumentKind.INVOICE, number, ISSUED, ISSUED.plusDays(30), "Net 30",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31), Currency.getInstance(currency), SELLER, buyer, BANK,
                lines, allowances, category, new BigDecimal(rate), reason, new BigDecimal(taxable), new BigDecimal(tax),
                new BigDecimal(total), new BigDecimal(prepaid), new BigDecimal(due), null, null);
    }

    /** Irish business customer, 23 %: 200.00 + 37.50 - 23.75 = 213.75; tax 213.75 x 0.23 = 49.1625 -> 49.16; total 262.91; 50.00 prepaid, 212.91 due. */
    static EDocument domestic() {
        return invoice("INV-000001", "EUR", buyer("Tidewater Analytics", "IE", "IE6388047V"),
                List.of(line("Pro (EUR) recurring fee", "200.00"), line("gpt-4o output tokens", "37.50")),
                List.of(line("Coupon LOYAL10 (10 %)", "23.75")), TaxCategory.STANDARD, "23", null, "213.75", "49.16",
                "262.91", "50.00", "212.91");
    }

    /** German business customer, reverse charge: 100.00 + 25.37 = 125.37, no VAT. */
    static EDocument reverseCharge() {
        return invoice("INV-000002", "USD", buyer("Grauwald Systems", "DE", "DE136695976"),
                List.of(line("Pay as you go usage", "100.00"), line("claude-sonnet-4-5 input tokens", "25.37")), List.of(),
                TaxCategory.REVERSE_CHARGE, "0", "Reverse charge: Art. 196 Council Directive 2006/112/EC", "125.37", "0",
                "125.37", "0", "125.37");
    }

    /** Exempt German university: 80.00, no VAT. */
    static EDocument exempt() {
        return invoice("INV-000003", "EUR", buyer("TH Rheinau", "DE", null), List.of(line("Research plan", "80.00")),
                List.of(), TaxCategory.EXEMPT, "0", "Exempt from VAT", "80.00", "0", "80.00", "0", "80.00");
    }

    /** French consumer (OSS, the customer country's 20 %): 19.99 x 0.20 = 3.998 -> 4.00; total 23.99. */
    static EDocument consumer() {
        return invoice("INV-000004", "EUR", buyer("Camille Martin", "FR", null), List.of(line("Starter plan", "19.99")),
                List.of(), TaxCategory.STANDARD, "20", null, "19.99", "4.00", "23.99", "0", "23.99");
    }

    /** US business customer, outside the scope of EU VAT: 1,334.56 - 100.00 coupon = 1,234.56, no VAT. */
    static EDocument outsideScope() {
        return invoice("INV-000005", "USD", buyer("Cobalt Voice", "US", null), List.of(line("Usage", "1334.56")),
                List.of(line("Coupon LAUNCH100", "100.00")), TaxCategory.OUTSIDE_SCOPE, "0",
                "Not subject to Irish VAT: place of supply outside the EU (Art. 44 Directive 2006/112/EC)", "1234.56", "0",
                "1234.56", "0", "1234.56");
    }

    /** UK business customer at the catalog's GB rate, 20 %: 310.00 x 0.20 = 62.00; total 372.00, all prepaid. */
    static EDocument nonEuTaxed() {
        return invoice("INV-000006", "USD", buyer("Parrot Labs", "GB", "GB980780684"), List.of(line("Usage", "310.00")),
                List.of(), TaxCategory.STANDARD, "20", null, "310.00", "62.00", "372.00", "372.00", "0");
    }

    /** The credit note of {@link #domestic()}: the same lines, allowance and tax, as a credit (positive amounts). */
    static EDocument creditNote() {
        EDocument d = domestic();
        return new EDocument(DocumentKind.CREDIT_NOTE, "CN-000001", LocalDate.of(2026, 11, 20), null,
                "Credited: set off against the next invoice or refunded",
                d.firstDay(), d.lastDay(), d.currency(), d.seller(), d.buyer(), d.bank(), d.lines(), d.allowances(),
                d.category(), d.rate(), null, d.taxable(), d.tax(), d.total(), BigDecimal.ZERO, d.total(), "INV-000001",
                LocalDate.of(2026, 11, 1));
    }

    static List<EDocument> all() {
        return List.of(domestic(), reverseCharge(), exempt(), consumer(), outsideScope(), nonEuTaxed(), creditNote());
    }
}
