package dev.tokenbill.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    // rounding: HALF_UP at the minor unit

    @Test
    void rounded_exactlyHalfACent_roundsUp() {
        // given
        BigDecimal exact = new BigDecimal("1.005");

        // when
        Money money = Money.rounded(exact, USD);

        // then
        // 1.005 -> HALF_UP 1.01
        assertThat(money.amount()).isEqualByComparingTo("1.01");
        assertThat(money.amount().scale()).isEqualTo(2);
    }

    @Test
    void rounded_justBelowHalfACent_roundsDown() {
        // given
        BigDecimal exact = new BigDecimal("1.0049999999");

        // when
        Money money = Money.rounded(exact, USD);

        // then
        // 1.0049999999 -> HALF_UP 1.00
        assertThat(money.amount()).isEqualByComparingTo("1.00");
    }

    @Test
    void rounded_decimalThatBinaryFloatingPointGetsWrong_roundsUp() {
        // given: as a double 2.675 is 2.67499999..., as a decimal it is exact
        BigDecimal exact = new BigDecimal("2.675");

        // when
        Money money = Money.rounded(exact, USD);

        // then
        // 2.675 -> HALF_UP 2.68
        assertThat(money.amount()).isEqualByComparingTo("2.68");
    }

    @Test
    void rounded_negativeHalfACent_roundsAwayFromZero() {
        // given
        BigDecimal exact = new BigDecimal("-1.005");

        // when
        Money money = Money.rounded(exact, USD);

        // then
        // -1.005 -> HALF_UP (away from zero) -1.01
        assertThat(money.amount()).isEqualByComparingTo("-1.01");
    }

    @Test
    void rounded_yen_hasNoDecimals() {
        // given
        BigDecimal half = new BigDecimal("1234.5");
        BigDecimal belowHalf = new BigDecimal("1234.49");

        // when
        Money up = Money.rounded(half, JPY);
        Money down = Money.rounded(belowHalf, JPY);

        // then
        // 1234.5 -> HALF_UP 1235 ; 1234.49 -> 1234
        assertThat(up.amount()).isEqualByComparingTo("1235");
        assertThat(down.amount()).isEqualByComparingTo("1234");
        assertThat(up.amount().scale()).isZero();
    }

    @Test
    void rounded_kuwaitiDinar_hasThreeDecimals() {
        // given
        BigDecimal half = new BigDecimal("1.2345");
        BigDecimal belowHalf = new BigDecimal("1.23449");

        // when
        Money up = Money.rounded(half, KWD);
        Money down = Money.rounded(belowHalf, KWD);

        // then
        // 1.2345 -> HALF_UP 1.235 ; 1.23449 -> 1.234
        assertThat(up.amount()).isEqualByComparingTo("1.235");
        assertThat(down.amount()).isEqualByComparingTo("1.234");
        assertThat(up.amount().scale()).isEqualTo(3);
    }

    // of: exact amounts only

    @Test
    void of_fewerDecimalsThanTheCurrency_isPaddedToTheMinorUnit() {
        // when
        Money money = Money.of("12.5", USD);

        // then
        assertThat(money.amount()).isEqualByComparingTo("12.50");
        assertThat(money.amount().scale()).isEqualTo(2);
    }

    @Test
    void of_moreDecimalsThanTheCurrency_isRefused() {
        assertThatThrownBy(() -> Money.of("1.234", USD)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("100.5", JPY)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of("1.2345", KWD)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void of_trailingZerosBeyondTheMinorUnit_areNotRounding() {
        // when: 1.230 is exactly 1.23, nothing is lost
        Money money = Money.of("1.230", USD);

        // then
        assertThat(money.amount()).isEqualByComparingTo("1.23");
    }

    @Test
    void of_kuwaitiDinarWithThreeDecimals_isAccepted() {
        // when
        Money money = Money.of("1.234", KWD);

        // then
        assertThat(money.amount()).isEqualByComparingTo("1.234");
        assertThat(money.amount().scale()).isEqualTo(3);
    }

    @Test
    void constructor_amountNotAtTheMinorUnitScale_isRefused() {
        assertThatThrownBy(() -> new Money(new BigDecimal("1.5"), USD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(new BigDecimal("1.00"), JPY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_nulls_areRefused() {
        assertThatThrownBy(() -> new Money(null, USD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void zero_isAtTheMinorUnitScaleOfEachCurrency() {
        assertThat(Money.zero(USD).amount().scale()).isEqualTo(2);
        assertThat(Money.zero(JPY).amount().scale()).isZero();
        assertThat(Money.zero(KWD).amount().scale()).isEqualTo(3);
        assertThat(Money.zero(USD).isZero()).isTrue();
    }

    // arithmetic and currencies

    @Test
    void plusAndMinus_sameCurrency_areExact() {
        // given
        Money a = Money.of("10.25", USD);
        Money b = Money.of("0.75", USD);

        // when
        Money sum = a.plus(b);
        Money difference = a.minus(b);

        // then
        // 10.25 + 0.75 = 11.00 ; 10.25 - 0.75 = 9.50
        assertThat(sum.amount()).isEqualByComparingTo("11.00");
        assertThat(difference.amount()).isEqualByComparingTo("9.50");
        assertThat(a.negate().amount()).isEqualByComparingTo("-10.25");
        assertThat(a.negate().isNegative()).isTrue();
    }

    @Test
    void plus_differentCurrencies_throwsCurrencyMismatch() {
        // given
        Money dollars = Money.of("1.00", USD);
        Money euros = Money.of("1.00", EUR);

        // when / then
        assertThatThrownBy(() -> dollars.plus(euros)).isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD").hasMessageContaining("EUR");
        assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> dollars.compareTo(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> dollars.min(euros)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void minAndMax_pickByAmount() {
        // given
        Money small = Money.of("1.00", USD);
        Money large = Money.of("2.00", USD);

        // then
        assertThat(small.min(large)).isSameAs(small);
        assertThat(small.max(large)).isSameAs(large);
    }

    // roundedRatio: proration

    @Test
    void roundedRatio_nonTerminatingRatio_roundsOnceHalfUp() {
        // given: a fee of 100.00 for 20 of 31 days
        BigDecimal numerator = new BigDecimal("100.00").multiply(BigDecimal.valueOf(20));

        // when
        Money money = Money.roundedRatio(numerator, BigDecimal.valueOf(31), USD);

        // then
        // 100.00 x 20 / 31 = 64.5161290... -> HALF_UP 64.52
        assertThat(money.amount()).isEqualByComparingTo("64.52");
    }

    @Test
    void roundedRatio_exactHalfOfTheMinorUnit_roundsUp() {
        // when
        Money dollars = Money.roundedRatio(BigDecimal.ONE, BigDecimal.valueOf(8), USD);
        Money yen = Money.roundedRatio(BigDecimal.valueOf(5), BigDecimal.valueOf(2), JPY);

        // then
        // 1 / 8 = 0.125 -> HALF_UP 0.13 ; 5 / 2 = 2.5 -> HALF_UP 3
        assertThat(dollars.amount()).isEqualByComparingTo("0.13");
        assertThat(yen.amount()).isEqualByComparingTo("3");
    }

    @Test
    void roundedRatio_roundsAtTheScaleOfTheCurrency() {
        // when
        Money yen = Money.roundedRatio(new BigDecimal("1000").multiply(BigDecimal.valueOf(20)), BigDecimal.valueOf(31), JPY);
        Money dinar = Money.roundedRatio(new BigDecimal("10.000").multiply(BigDecimal.valueOf(20)), BigDecimal.valueOf(31), KWD);
        Money third = Money.roundedRatio(new BigDecimal("2"), BigDecimal.valueOf(3), USD);

        // then
        // 1000 x 20 / 31 = 645.16... -> 645 ; 10.000 x 20 / 31 = 6.45161... -> 6.452 ; 2 / 3 = 0.666... -> 0.67
        assertThat(yen.amount()).isEqualByComparingTo("645");
        assertThat(yen.amount().scale()).isZero();
        assertThat(dinar.amount()).isEqualByComparingTo("6.452");
        assertThat(dinar.amount().scale()).isEqualTo(3);
        assertThat(third.amount()).isEqualByComparingTo("0.67");
    }
}
