package dev.tokenbill.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import org.junit.jupiter.api.Test;

/**
 * Discount rows in the page's language, with the terms the engine's English description carries. The expected texts
 * are the labels of invoice_de/fr.properties filled by hand: numbers as the language writes them (de 1.234,56, fr
 * 1 234,56 with a narrow no-break space), a no-break space before % (and before the French colon).
 */
class DiscountTextsTest {

    private static final Currency USD = Currency.getInstance("USD");

    private static String label(String language, String description) {
        Labels labels = Labels.of(language);
        PageFormat format = PageFormat.of(language);
        return new DiscountTexts(labels, format, new ChargeTexts(labels, format, USD)).label(description);
    }

    @Test
    void testPercentCoupon_OnAFeeBilledInAdvance() {
        String english = "Coupon LOYAL10: 10% off recurring fees (period 9, billed in advance)";
        assertThat(label("en", english)).isEqualTo(english);
        assertThat(label("de", english))
                .isEqualTo("Gutschein LOYAL10: 10\u00a0% Rabatt auf Grundgebühren (Abrechnungszeitraum 9, im Voraus berechnet)");
        assertThat(label("fr", english))
                .isEqualTo("Code promo LOYAL10\u00a0: remise de 10\u00a0% sur abonnements (période 9, facturée d'avance)");
    }

    @Test
    void testFixedCoupon_OnMetersAndUsage_AmountInTheCouponsCurrency() {
        String english = "Coupon GPU50: USD 1,250.00 off gpu seconds, usage (period 2)";
        assertThat(label("de", english))
                .isEqualTo("Gutschein GPU50: 1.250,00\u00a0USD Rabatt auf GPU-Sekunden, Nutzung (Abrechnungszeitraum 2)");
        assertThat(label("fr", english))
                .isEqualTo("Code promo GPU50\u00a0: remise de 1\u202f250,00\u00a0USD sur Secondes GPU, consommation (période 2)");
    }

    @Test
    void testPercentWithDecimals_AndAllCharges() {
        assertThat(label("de", "Coupon HALF: 12.5% off all charges (period 1)"))
                .isEqualTo("Gutschein HALF: 12,5\u00a0% Rabatt auf alle Leistungen (Abrechnungszeitraum 1)");
    }

    @Test
    void testVolumeDiscount_PercentSpendAndThreshold() {
        String english = "Volume discount: 5% on spend of EUR 12,345.67 (from 10,000.00)";
        assertThat(label("en", english)).isEqualTo(english);
        assertThat(label("de", english))
                .isEqualTo("Mengenrabatt: 5\u00a0% auf einen Umsatz von 12.345,67\u00a0€ (ab 10.000,00\u00a0€)");
        assertThat(label("fr", english)).isEqualTo(
                "Remise sur volume\u00a0: 5\u00a0% sur un montant de 12\u202f345,67\u00a0€ (à partir de 10\u202f000,00\u00a0€)");
    }

    @Test
    void testADescriptionOfAnotherForm_KeepsTheCouponsCodeOrTheWordsVolumeDiscount() {
        assertThat(label("de", "Coupon ODD: a deal")).isEqualTo("Gutschein ODD");
        assertThat(label("fr", "something else")).isEqualTo("Remise sur volume");
    }
}
