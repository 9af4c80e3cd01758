package dev.tokenbill.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, always at the currency's minor-unit scale (JPY 0, USD 2,
 * KWD 3). Values are only created through {@link #of} (which refuses to round) or
 * {@link #rounded} (which rounds HALF_UP, the one rounding rule of invoice amounts). Adding
 * amounts in different currencies throws {@link CurrencyMismatchException}. Nulls are refused.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() != minorUnits(currency)) {
            throw new IllegalArgumentException("amount " + amount + " is not at the minor-unit scale of " + currency);
        }
    }

    /** An exact amount; throws {@link ArithmeticException} if it has more decimals than the currency allows. */
    public static Money of(String amount, Currency currency) {
        return of(new BigDecimal(amount), currency);
    }

    /** An exact amount; throws {@link ArithmeticException} if it has more decimals than the currency allows. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(minorUnits(currency), RoundingMode.UNNECESSARY), currency);
    }

    /** Rounds {@code exact} once, HALF_UP, to the currency's minor unit. */
    public static Money rounded(BigDecimal exact, Currency currency) {
        return new Money(exact.setScale(minorUnits(currency), RoundingMode.HALF_UP), currency);
    }

    /**
     * Rounds the exact ratio {@code numerator / denominator} once, HALF_UP, to the currency's minor
     * unit (used for proration, where the exact value may not terminate).
     */
    public static Money roundedRatio(BigDecimal numerator, BigDecimal denominator, Currency currency) {
        return new Money(numerator.divide(denominator, minorUnits(currency), RoundingMode.HALF_UP), currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(minorUnits(currency)), currency);
    }

    /** The number of decimals of the currency's minor unit (ISO 4217); currencies without one use 0. */
    public static int minorUnits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public int signum() {
        return amount.signum();
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** Plain text such as {@code USD 1234.50}; the invoice uses {@link MoneyFormat} for display. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
