package dev.tokenbill.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expected strings written by hand: \u00a0 is the no-break space, \u202f the narrow one French groups digits with. */
class PageFormatTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency JPY = Currency.getInstance("JPY");

    private final PageFormat en = PageFormat.of("en");
    private final PageFormat de = PageFormat.of("de");
    private final PageFormat fr = PageFormat.of("fr");

    @Test
    void testAmount_GermanGroupsWithDotsAndPutsTheEuroAfter() {
        assertThat(de.amount(Money.of("1234.56", EUR))).isEqualTo("1.234,56\u00a0€");
        assertThat(de.amount(Money.of("-12.00", EUR))).isEqualTo("-12,00\u00a0€");
        assertThat(de.amount(Money.of("1234567.80", USD))).isEqualTo("1.234.567,80\u00a0USD");
    }

    @Test
    void testAmount_FrenchGroupsWithTheNarrowNoBreakSpace() {
        assertThat(fr.amount(Money.of("1234.56", EUR))).isEqualTo("1\u202f234,56\u00a0€");
        assertThat(fr.amount(Money.of("0.30", GBP))).isEqualTo("0,30\u00a0£");
    }

    @Test
    void testAmount_EnglishPutsASymbolOrTheIsoCodeFirst() {
        assertThat(en.amount(Money.of("1234.56", USD))).isEqualTo("USD 1,234.56");
        assertThat(en.amount(Money.of("1234.56", EUR))).isEqualTo("€1,234.56");
        assertThat(en.amount(Money.of("-20.00", GBP))).isEqualTo("-£20.00");
        assertThat(en.amount(Money.of("12000", JPY))).isEqualTo("JPY 12,000");
    }

    @Test
    void testPerMillion_ShowsEverySignificantDigitAndAtLeastTheMinorUnit() {
        // 0.0000025 x 1,000,000 = 2.5 -> two decimals for USD
        assertThat(en.perMillion(new BigDecimal("0.0000025"), USD)).isEqualTo("2.50");
        // 0.000000075 x 1,000,000 = 0.075: the third decimal is kept, never rounded to 0.08
        assertThat(en.perMillion(new BigDecimal("0.000000075"), USD)).isEqualTo("0.075");
        assertThat(en.perMillion(new BigDecimal("0.00000000123"), USD)).isEqualTo("0.00123");
        assertThat(de.perMillion(new BigDecimal("0.000015"), EUR)).isEqualTo("15,00");
        assertThat(en.perMillion(new BigDecimal("0.0015"), JPY)).isEqualTo("1,500");
    }

    @Test
    void testDatesAndPercentages_InEachLanguage() {
        LocalDate due = LocalDate.of(2026, 12, 1);
        assertThat(en.date(due)).isEqualTo("2026-12-01");
        assertThat(de.date(due)).isEqualTo("01.12.2026");
        assertThat(fr.date(due)).isEqualTo("01/12/2026");
        assertThat(en.percent(new BigDecimal("0.19"))).isEqualTo("19%");
        assertThat(de.percent(new BigDecimal("0.19"))).isEqualTo("19\u00a0%");
        assertThat(fr.percent(new BigDecimal("0.055"))).isEqualTo("5,5\u00a0%");
    }

    @Test
    void testQuantity_GroupsWithoutTrailingZeros() {
        assertThat(en.quantity(new BigDecimal("20000000"))).isEqualTo("20,000,000");
        assertThat(de.quantity(new BigDecimal("1250000.50"))).isEqualTo("1.250.000,5");
        assertThat(fr.quantity(new BigDecimal("20000000"))).isEqualTo("20\u202f000\u202f000");
    }

    @Test
    void testLabels_EveryLanguageHasEveryKeyAndNoOther() {
        Set<String> english = new HashSet<>(Labels.of("en").bundle().keySet());
        assertThat(Labels.of("de").bundle().keySet()).containsExactlyInAnyOrderElementsOf(english);
        assertThat(Labels.of("fr").bundle().keySet()).containsExactlyInAnyOrderElementsOf(english);
        assertThat(Labels.of("xx").get("title.invoice")).isEqualTo("INVOICE");
    }

    @Test
    void testIban_PrintsInGroupsOfFour() {
        assertThat(PaymentTexts.iban("ie29aibk93115212345678")).isEqualTo("IE29 AIBK 9311 5212 3456 78");
        assertThat(PaymentTexts.iban("IE29 AIBK 9311 5212 3456 78")).isEqualTo("IE29 AIBK 9311 5212 3456 78");
    }
}
