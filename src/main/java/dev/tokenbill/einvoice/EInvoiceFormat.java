package dev.tokenbill.einvoice;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.tax.EuMemberStates;

/**
 * Which structured e-invoice a customer receives with its final invoices and credit notes: customers.csv's
 * {@code einvoice} column when set, else Factur-X for a business customer (a VAT number) in the EU when the seller is
 * in the EU too and the currency has cents, and none for everyone else (a consumer, or a customer outside the EU, gets the PDF alone).
 */
public enum EInvoiceFormat {
    /** The invoice PDF as PDF/A-3 with the EN 16931 CII XML embedded as factur-x.xml. */
    FACTUR_X,
    /** The PDF as always, and an XRechnung (CII) XML file in {@code <period>/einvoices/}. */
    XRECHNUNG,
    NONE;

    public static EInvoiceFormat of(Customer customer, Seller seller) {
        if (customer.einvoice() != null) {
            return switch (customer.einvoice()) {
                case "facturx" -> FACTUR_X;
                case "xrechnung" -> XRECHNUNG;
                default -> NONE;
            };
        }
        boolean euBusiness = customer.isBusiness() && EuMemberStates.contains(customer.country());
        // the library writes amounts with 2 decimals: a currency without them gets no e-invoice by default
        return euBusiness && seller.country() != null && EuMemberStates.contains(seller.country())
                && customer.currency().getDefaultFractionDigits() == 2 ? FACTUR_X : NONE;
    }
}
