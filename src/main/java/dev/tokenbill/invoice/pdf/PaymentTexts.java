package dev.tokenbill.invoice.pdf;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.invoice.Invoice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The payment terms line and the seller's bank lines, in the page's language. */
final class PaymentTexts {

    private final Labels labels;
    private final PageFormat format;

    PaymentTexts(Labels labels, PageFormat format) {
        this.labels = labels;
        this.format = format;
    }

    /**
     * "Net 30 - due 2026-12-01" when something is to be paid; otherwise why nothing is ("paid by prepaid credit"),
     * never a due date. {@code termsDays}: the customer's own terms, else the seller's.
     */
    String terms(Invoice invoice, LocalDate issued, int termsDays) {
        if (invoice.amountDue().signum() > 0) {
            return labels.get("payment.terms", termsDays, format.date(issued.plusDays(termsDays)));
        }
        return labels.get(invoice.credits().signum() > 0 ? "payment.paidByCredit" : "payment.nothing");
    }

    /** "Bank: ...", "IBAN: IE29 AIBK ...", "BIC: ...", or the account line; "" when the catalog names no account. */
    String bank(Seller.BankAccount bank) {
        if (bank == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        if (present(bank.bankName())) {
            lines.add(labels.get("bank.name", bank.bankName()));
        }
        if (present(bank.iban())) {
            lines.add(labels.get("bank.iban", iban(bank.iban())));
        }
        if (present(bank.bic())) {
            lines.add(labels.get("bank.bic", bank.bic()));
        }
        if (present(bank.account())) {
            lines.add(labels.get("bank.account", bank.account()));
        }
        return String.join("\n", lines);
    }

    /** The IBAN in groups of four, as printed on paper (ISO 13616): "IE29 AIBK 9311 5212 3456 78". */
    static String iban(String iban) {
        String compact = iban.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(compact, i, Math.min(i + 4, compact.length()));
        }
        return out.toString();
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
