package dev.tokenbill.tax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.invoice.TaxCategory;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One test per rule of the README's tax table, for an Irish seller. */
class TaxRulesTest {

    private static final Seller IRISH = new Seller("Seller Ltd", "Dublin", "IE1234567T", "s@example.com", "IE", null, 30);
    private static final Seller NO_COUNTRY = new Seller("Seller Ltd", "Dublin", "IE1234567T", "s@example.com");
    private static final Map<String, TaxRate> RATES = Map.of(
            "IE", rate("IE", "0.23"), "DE", rate("DE", "0.19"), "NL", rate("NL", "0.21"), "GB", rate("GB", "0.20"),
            "US", new TaxRate("US", BigDecimal.ZERO, "Sales tax"), "JP", new TaxRate("JP", new BigDecimal("0.10"),
                    "Consumption tax"));

    private static TaxRate rate(String country, String rate) {
        return new TaxRate(country, new BigDecimal(rate), "VAT");
    }

    private static Customer customer(String country, String taxId) {
        return new Customer("c", "C", "c@example.com", "somewhere", country, Currency.getInstance("EUR"), false, taxId,
                "en", null, null);
    }

    private static void assertDecision(TaxDecision decision, TaxCategory category, String country, String rate) {
        assertThat(decision.category()).isEqualTo(category);
        assertThat(decision.country()).isEqualTo(country);
        assertThat(decision.rate()).isEqualByComparingTo(rate);
    }

    @Test
    void businessInAnotherMemberState_isReverseCharged() {
        TaxDecision decision = TaxRules.decide(IRISH, RATES, customer("DE", "DE136695976"));

        assertDecision(decision, TaxCategory.REVERSE_CHARGE, "DE", "0");
        assertThat(decision.notice()).startsWith("Reverse charge").contains("Article 196 of Council Directive 2006/112/EC")
                .contains("Article 44");
    }

    @Test
    void businessInTheSellersCountry_paysTheSellersRate() {
        TaxDecision decision = TaxRules.decide(IRISH, RATES, customer("IE", "IE6433435F"));

        assertDecision(decision, TaxCategory.STANDARD, "IE", "0.23");
        assertThat(decision.notice()).isNull();
    }

    @Test
    void consumerInTheSellersCountry_paysTheSellersRate() {
        assertDecision(TaxRules.decide(IRISH, RATES, customer("IE", null)), TaxCategory.STANDARD, "IE", "0.23");
    }

    @Test
    void consumerInAnotherMemberState_paysItsCountrysRate_oss() {
        TaxDecision decision = TaxRules.decide(IRISH, RATES, customer("NL", null));

        assertDecision(decision, TaxCategory.STANDARD, "NL", "0.21");
        assertThat(decision.name()).isEqualTo("VAT");
    }

    @Test
    void businessOutsideTheEu_isOutsideTheScope_ukReverseCharge() {
        TaxDecision decision = TaxRules.decide(IRISH, RATES, customer("GB", "GB980780684"));

        assertDecision(decision, TaxCategory.OUTSIDE_SCOPE, "GB", "0");
        assertThat(decision.notice()).isEqualTo("Not subject to VAT in Ireland: place of supply outside the EU (Article"
                + " 44 of Council Directive 2006/112/EC); the customer accounts for any tax due");
    }

    @Test
    void consumerOutsideTheEu_paysTheCatalogsRateOfItsCountry() {
        assertDecision(TaxRules.decide(IRISH, RATES, customer("GB", null)), TaxCategory.STANDARD, "GB", "0.20");
        assertDecision(TaxRules.decide(IRISH, RATES, customer("JP", null)), TaxCategory.STANDARD, "JP", "0.10");
    }

    @Test
    void consumerOutsideTheEu_withRateZero_isOutsideTheScopeWithANotice() {
        TaxDecision decision = TaxRules.decide(IRISH, RATES, customer("US", null));

        assertDecision(decision, TaxCategory.OUTSIDE_SCOPE, "US", "0");
        assertThat(decision.name()).isEqualTo("Sales tax");
        assertThat(decision.notice()).isEqualTo("Not subject to VAT in Ireland: place of supply outside the EU (Article"
                + " 58 of Council Directive 2006/112/EC)");
    }

    @Test
    void consumerOutsideTheEu_withoutRate_isOutsideTheScope() {
        assertDecision(TaxRules.decide(IRISH, RATES, customer("CA", null)), TaxCategory.OUTSIDE_SCOPE, "CA", "0");
    }

    @Test
    void exemptCustomer_isExemptWithTheNoticeItHadBefore() {
        Customer university = new Customer("u", "U", "u@example.com", "Mannheim", "DE", Currency.getInstance("EUR"),
                true);

        TaxDecision decision = TaxRules.decide(IRISH, RATES, university);

        assertDecision(decision, TaxCategory.EXEMPT, "DE", "0");
        assertThat(decision.notice()).isEqualTo(TaxRules.EXEMPT_NOTICE);
    }

    @Test
    void sellerWithoutCountry_keepsTheCustomerCountrysRateForEveryone() {
        // an old catalog: a German business pays German VAT, as before issue 17, and no notice is added
        TaxDecision decision = TaxRules.decide(NO_COUNTRY, RATES, customer("DE", "DE136695976"));

        assertDecision(decision, TaxCategory.STANDARD, "DE", "0.19");
        assertThat(decision.notice()).isNull();
        assertDecision(TaxRules.decide(NO_COUNTRY, RATES, customer("US", null)), TaxCategory.OUTSIDE_SCOPE, "US", "0");
        assertThat(TaxRules.decide(NO_COUNTRY, RATES, customer("US", null)).notice()).isNull();
    }

    @Test
    void countryRate_withoutRate_isZero() {
        TaxDecision decision = TaxRules.countryRate(customer("XX", null), Optional.empty());

        assertDecision(decision, TaxCategory.OUTSIDE_SCOPE, "XX", "0");
        assertThat(decision.name()).isEqualTo("Tax");
    }
}
