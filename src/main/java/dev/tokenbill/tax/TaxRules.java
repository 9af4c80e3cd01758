package dev.tokenbill.tax;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.invoice.TaxCategory;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who pays which tax on electronically supplied services (Council Directive 2006/112/EC), for a seller established in
 * an EU member state. Stateless; the table in the README lists the same rules.
 */
public final class TaxRules {

    /** The notice exempt customers have always had. */
    public static final String EXEMPT_NOTICE =
            "Tax exempt: no tax is charged on this invoice; the customer is registered as tax-exempt.";

    private TaxRules() {
    }

    /**
     * The tax of {@code customer}'s invoice from {@code seller} with the catalog's {@code rates} by country. A seller
     * without a country (catalogs older than issue 17) or outside the EU keeps the earlier rule: the customer
     * country's rate for everyone, no notice.
     */
    public static TaxDecision decide(Seller seller, Map<String, TaxRate> rates, Customer customer) {
        String country = customer.country();
        Optional<TaxRate> own = Optional.ofNullable(rates.get(country));
        if (customer.taxExempt()) {
            return new TaxDecision(TaxCategory.EXEMPT, country, BigDecimal.ZERO, name(own), EXEMPT_NOTICE);
        }
        if (!EuMemberStates.contains(seller.country())) {
            return countryRate(customer, own);
        }
        if (country.equals(seller.country())) {
            // a domestic supply: the seller's own rate for businesses (Art. 44) and consumers (Art. 58) alike
            return taxed(country, own);
        }
        if (EuMemberStates.contains(country)) {
            if (customer.isBusiness()) {
                // B2B: supplied where the customer is established (Art. 44), the customer owes the VAT (Art. 196)
                return new TaxDecision(TaxCategory.REVERSE_CHARGE, country, BigDecimal.ZERO, name(own),
                        "Reverse charge: VAT to be accounted for by the recipient (Article 196 of Council Directive"
                                + " 2006/112/EC; place of supply Article 44)");
            }
            // B2C electronically supplied services: taxed where the consumer lives (Art. 58), declared via OSS
            return taxed(country, own);
        }
        if (customer.isBusiness()) {
            // outside the EU, B2B: supplied where the customer is (Art. 44), which accounts for its local tax
            // (e.g. the UK reverse charge, VAT Act 1994 s. 8); no EU VAT and no foreign tax from the seller
            return new TaxDecision(TaxCategory.OUTSIDE_SCOPE, country, BigDecimal.ZERO, name(own),
                    "Not subject to VAT in " + countryName(seller.country()) + ": place of supply outside the EU"
                            + " (Article 44 of Council Directive 2006/112/EC); the customer accounts for any tax due");
        }
        if (own.isPresent() && own.get().rate().signum() > 0) {
            // a consumer outside the EU: the seller charges that country's tax where the catalog has a rate (e.g.
            // UK VAT on digital services to UK consumers, for which the seller is registered there)
            return taxed(country, own);
        }
        return new TaxDecision(TaxCategory.OUTSIDE_SCOPE, country, BigDecimal.ZERO, name(own),
                "Not subject to VAT in " + countryName(seller.country()) + ": place of supply outside the EU"
                        + " (Article 58 of Council Directive 2006/112/EC)");
    }

    /**
     * The rule before issue 17, kept for catalogs without a seller country: the customer country's rate, none when the
     * catalog has no rate for it, no notice; an exempt customer pays none and gets {@link #EXEMPT_NOTICE}.
     */
    public static TaxDecision countryRate(Customer customer, Optional<TaxRate> tax) {
        if (customer.taxExempt()) {
            return new TaxDecision(TaxCategory.EXEMPT, customer.country(), BigDecimal.ZERO, name(tax), EXEMPT_NOTICE);
        }
        BigDecimal rate = tax.map(TaxRate::rate).orElse(BigDecimal.ZERO);
        return new TaxDecision(rate.signum() > 0 ? TaxCategory.STANDARD : TaxCategory.OUTSIDE_SCOPE, customer.country(),
                rate, name(tax), null);
    }

    private static TaxDecision taxed(String country, Optional<TaxRate> rate) {
        BigDecimal value = rate.map(TaxRate::rate).orElse(BigDecimal.ZERO);
        return new TaxDecision(value.signum() > 0 ? TaxCategory.STANDARD : TaxCategory.OUTSIDE_SCOPE, country, value,
                name(rate), null);
    }

    private static String name(Optional<TaxRate> rate) {
        return rate.map(TaxRate::name).orElse("Tax");
    }

    private static String countryName(String country) {
        return new Locale("", country).getDisplayCountry(Locale.ENGLISH);
    }
}
