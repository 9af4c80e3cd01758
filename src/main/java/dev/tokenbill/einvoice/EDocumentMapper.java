package dev.tokenbill.einvoice;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.TaxCategory;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An issued invoice or credit note as an {@link EDocument}, in the ledger's figures. A credit note is stored with its
 * amounts negated; its e-invoice states them positive under the credit-note type code. Charge lines become items;
 * discount lines and negative charges (credit for unused days) document-level allowances; applied prepaid credit the
 * prepaid amount.
 */
public final class EDocumentMapper {

    private static final Pattern POSTCODE_FIRST = Pattern.compile("^(\\d{4,5})\\s+(.+)$");
    /** "Austin, TX 78702", "Dublin D02 XY45", "London E2 7HX": the city, then the postal code. */
    private static final Pattern POSTCODE_LAST = Pattern.compile(
            "^(.+?),?\\s+(\\d{5}(?:-\\d{4})?|[A-Z]\\d{2}\\s?[A-Z0-9]{4}|[A-Z]{1,2}\\d[A-Z\\d]?\\s*\\d[A-Z]{2})$");

    private EDocumentMapper() {
    }

    /**
     * @param issueDate the document's issue date; {@code paymentTermsDays} the customer's own terms (null: the seller's)
     * @param corrects the invoice a credit note credits, or the one a replacing invoice corrects (null: none)
     */
    public static EDocument of(Invoice stored, DocumentKind kind, String number, LocalDate issueDate,
            Integer paymentTermsDays, Customer customer, Seller seller, BillingPeriod period, String corrects,
            LocalDate correctsIssueDate) {
        boolean creditNote = kind == DocumentKind.CREDIT_NOTE;
        List<EDocument.Line> lines = new ArrayList<>();
        List<EDocument.Line> allowances = new ArrayList<>();
        BigDecimal prepaid = BigDecimal.ZERO;
        for (InvoiceLine line : stored.lines()) {
            BigDecimal amount = signed(line.amount().amount(), creditNote);
            if (line.kind().isCharge()) {
                if (amount.signum() >= 0) {
                    lines.add(new EDocument.Line(line.description(), detail(line), amount));
                } else {
                    allowances.add(new EDocument.Line(line.description(), "", amount.negate()));
                }
            } else if (line.kind() == LineKind.DISCOUNT) {
                allowances.add(new EDocument.Line(line.description(), "", amount.negate()));
            } else if (line.kind() == LineKind.CREDIT) {
                prepaid = prepaid.add(amount.negate());
            }
        }
        BigDecimal due = signed(stored.amountDue().amount(), creditNote);
        int terms = paymentTermsDays != null ? paymentTermsDays : seller.paymentTermsDays();
        String paymentTerms = creditNote ? "Credited: set off against the next invoice or refunded on request"
                : due.signum() > 0 ? "Net " + terms : "Nothing to pay";
        TaxCategory category = stored.taxation().category();
        return new EDocument(kind, number, issueDate, !creditNote && due.signum() > 0 ? issueDate.plusDays(terms) : null,
                paymentTerms, period.start(), period.end().minusDays(1), stored.currency(),
                party(seller.name(), seller.address(), seller.country(), blankToNull(seller.taxId()), seller.email(),
                        seller.phone()),
                party(customer.name(), customer.address(), customer.country(), customer.taxId(), customer.email(),
                        customer.id()),
                seller.bank(), lines, allowances, category, percent(stored.taxRate()),
                category == TaxCategory.STANDARD ? null : exemptionReason(stored),
                signed(stored.subtotal().minus(stored.discounts()).amount(), creditNote),
                signed(stored.tax().amount(), creditNote), signed(stored.total().amount(), creditNote), prepaid, due,
                corrects, correctsIssueDate);
    }

    private static String exemptionReason(Invoice stored) {
        String notice = stored.taxation().notice();
        if (notice != null && !notice.isBlank()) {
            return notice;
        }
        return switch (stored.taxation().category()) {
            case REVERSE_CHARGE -> "Reverse charge";
            case EXEMPT -> "Exempt from VAT";
            default -> "Not subject to VAT";
        };
    }

    /** The line's quantity and unit price in words, for the item description (BT-154). */
    private static String detail(InvoiceLine line) {
        if (line.quantity() == null || line.unitPrice() == null) {
            return "";
        }
        return line.quantity().stripTrailingZeros().toPlainString() + " x " + line.unitPrice().stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A party from free-text address lines: the first is the street, the last (after dropping a last line that
     * names the country) the postcode and city, the ones between the additional address line.
     */
    static EDocument.Party party(String name, String address, String country, String vatId, String email,
            String reference) {
        List<String> lines = new ArrayList<>(Arrays.stream((address == null ? "" : address).split("\\R"))
                .map(String::strip).filter(l -> !l.isEmpty()).toList());
        if (!lines.isEmpty() && lines.get(0).equals(name)) {
            lines.remove(0);
        }
        if (!lines.isEmpty() && country != null
                && lines.get(lines.size() - 1).equalsIgnoreCase(new Locale("", country).getDisplayCountry(Locale.ENGLISH))) {
            lines.remove(lines.size() - 1);
        }
        String street = lines.isEmpty() ? "" : lines.remove(0);
        String city = "";
        String postcode = "";
        if (!lines.isEmpty()) {
            String last = lines.remove(lines.size() - 1);
            Matcher first = POSTCODE_FIRST.matcher(last);
            Matcher trailing = POSTCODE_LAST.matcher(last);
            if (first.matches()) {
                postcode = first.group(1);
                city = first.group(2);
            } else if (trailing.matches()) {
                city = trailing.group(1);
                postcode = trailing.group(2);
            } else {
                city = last;
            }
        }
        return new EDocument.Party(name, street, String.join(", ", lines), postcode, city, country, vatId,
                email == null ? "" : email, reference == null ? "" : reference);
    }

    private static BigDecimal signed(BigDecimal amount, boolean negate) {
        return negate ? amount.negate() : amount;
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
