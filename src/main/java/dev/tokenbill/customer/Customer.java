package dev.tokenbill.customer;

import java.util.Currency;
import java.util.Locale;

/**
 * A billed customer as read from customers.csv; {@code currency} is the invoice currency. The optional columns:
 * {@code taxId} the customer's VAT or tax number (null: none, a consumer), {@code language} the language of its
 * documents ({@code en}, {@code de} or {@code fr}), {@code paymentTermsDays} its own payment terms (null: the seller's
 * default) and {@code einvoice} the structured e-invoice it receives ({@code facturx}, {@code xrechnung}, {@code none};
 * null: the default for its kind of customer).
 */
public record Customer(String id, String name, String email, String address, String country, Currency currency,
        boolean taxExempt, String taxId, String language, Integer paymentTermsDays, String einvoice) {

    /** The languages documents are written in; the first is the default. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "de", "fr");
    /** The e-invoice formats a customer may ask for. */
    public static final java.util.List<String> EINVOICE_FORMATS = java.util.List.of("facturx", "xrechnung", "none");

    public Customer {
        language = language == null ? "en" : language;
    }

    /** A customer without the optional columns: no tax id, English documents, the default terms and e-invoice. */
    public Customer(String id, String name, String email, String address, String country, Currency currency,
            boolean taxExempt) {
        this(id, name, email, address, country, currency, taxExempt, null, "en", null, null);
    }

    /** The locale of its documents: the language with the customer's country (de-DE, fr-FR, en-IE...). */
    public Locale locale() {
        return new Locale(language, country);
    }

    /** A business customer has a VAT or tax number; a consumer has none. */
    public boolean isBusiness() {
        return taxId != null;
    }
}
