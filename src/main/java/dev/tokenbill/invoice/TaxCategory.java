package dev.tokenbill.invoice;

/**
 * How VAT applies to an invoice's charges; the code is the EN 16931 VAT category code (UNCL 5305) the e-invoice uses.
 */
public enum TaxCategory {
    /** Taxed at the rate of the country of taxation. */
    STANDARD("S"),
    /** A business customer in another EU country accounts for the VAT (Directive 2006/112/EC, Art. 196). */
    REVERSE_CHARGE("AE"),
    /** The customer is exempt (customers.csv tax_exempt). */
    EXEMPT("E"),
    /** Outside the scope of the seller's VAT (no tax rate applies to the customer's country). */
    OUTSIDE_SCOPE("O");

    private final String code;

    TaxCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
