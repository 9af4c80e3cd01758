package dev.tokenbill.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyFormatTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void groupsThousandsAndPadsToTheMinorUnit() {
        assertThat(MoneyFormat.amount(Money.of(new BigDecimal("1234.5"), USD))).isEqualTo("USD 1,234.50");
        assertThat(MoneyFormat.amount(Money.of(new BigDecimal("12000"), JPY))).isEqualTo("JPY 12,000");
        assertThat(MoneyFormat.amount(Money.of(new BigDecimal("-1234567.89"), USD))).isEqualTo("USD -1,234,567.89");
        assertThat(MoneyFormat.amount(Money.of(new BigDecimal("0"), USD))).isEqualTo("USD 0.00");
        assertThat(MoneyFormat.number(new BigDecimal("999"), 0)).isEqualTo("999");
        assertThat(MoneyFormat.number(new BigDecimal("-100000"), 0)).isEqualTo("-100,000");
    }

    @Test
    void keepsEverySignificantDecimalAndNeverRounds() {
        assertThat(MoneyFormat.unitPrice(new BigDecimal("0.0000025"), USD)).isEqualTo("USD 0.0000025");
        assertThat(MoneyFormat.unitPrice(new BigDecimal("2.500000"), USD)).isEqualTo("USD 2.50");
        assertThat(MoneyFormat.number(new BigDecimal("1234.567891234567"), 2)).isEqualTo("1,234.567891234567");
        assertThat(MoneyFormat.quantity(new BigDecimal("1250000.000"))).isEqualTo("1,250,000");
        assertThat(MoneyFormat.quantity(new BigDecimal("12.50"))).isEqualTo("12.5");
        // 1E+3: a negative scale, printed as the integer it is
        assertThat(MoneyFormat.quantity(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(MoneyFormat.number(new BigDecimal("-0.5"), 2)).isEqualTo("-0.50");
    }
}
