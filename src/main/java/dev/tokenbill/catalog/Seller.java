package dev.tokenbill.catalog;

/**
 * The issuer printed on every invoice: its country (ISO 3166-1 alpha-2; decides domestic vs cross-border VAT), its VAT
 * number, where to pay ({@code bank}, null if the catalog names no account) and its default payment terms in days.
 */
public record Seller(String name, String address, String taxId, String email, String country, BankAccount bank,
        int paymentTermsDays, String phone) {

    /** A seller without a telephone number ({@code phone} is "": XRechnung's seller contact needs one). */
    public Seller(String name, String address, String taxId, String email, String country, BankAccount bank,
            int paymentTermsDays) {
        this(name, address, taxId, email, country, bank, paymentTermsDays, "");
    }

    /** The payment terms when the catalog states none: 30 days, the common B2B default (EU Late Payment Directive). */
    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    /** A seller without country, bank account or own payment terms. */
    public Seller(String name, String address, String taxId, String email) {
        this(name, address, taxId, email, null, null, DEFAULT_PAYMENT_TERMS_DAYS);
    }

    /**
     * Where customers pay: an IBAN with its BIC, or (outside SEPA) a free-text account line such as
     * "Sort code 12-34-56, account 12345678"; {@code bankName} optional.
     */
    public record BankAccount(String bankName, String iban, String bic, String account) {
    }
}
