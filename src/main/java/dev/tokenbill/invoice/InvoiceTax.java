package dev.tokenbill.invoice;

/**
 * How an invoice is taxed, beside its amounts: the category, the country whose tax applies (null on invoices rated
 * before issue 17), the notice the invoice must print with its legal reference (null: none) and the customer's VAT
 * number as it was when rated (null: a consumer). The seller's VAT number is the catalog's.
 */
public record InvoiceTax(TaxCategory category, String country, String notice, String customerTaxId) {

    /** What an invoice rated with only a rate and an exempt flag says: EXEMPT, STANDARD or (rate 0) OUTSIDE_SCOPE. */
    public static InvoiceTax of(boolean taxExempt, java.math.BigDecimal taxRate) {
        TaxCategory category = taxExempt ? TaxCategory.EXEMPT
                : taxRate.signum() > 0 ? TaxCategory.STANDARD : TaxCategory.OUTSIDE_SCOPE;
        return new InvoiceTax(category, null, null, null);
    }
}
