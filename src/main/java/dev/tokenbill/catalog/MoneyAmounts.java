package dev.tokenbill.catalog;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * The rule for an amount of money written in an input (a fixed coupon, a commitment, a credit
 * grant, a cost pool): it must be payable in its currency, so it has at most the currency's
 * decimals (JPY 0, USD 2, KWD 3), and it must fit a stored amount. Unit prices are not amounts:
 * they keep their full precision and are rounded once on the invoice line.
 */
public final class MoneyAmounts {

    private MoneyAmounts() {
    }

    /**
     * "coupon LAUNCH100 amount 100.5 has more decimals than JPY allows (0)" when {@code amount}
     * does not fit; empty when it does. Trailing zeros do not count (100.00 JPY is 100).
     */
    public static Optional<String> problem(String what, BigDecimal amount, Currency currency) {
        // decided on precision and scale alone: 1e99999999 or 1e-99999999 would take minutes to rescale
        BigDecimal exact = amount.stripTrailingZeros();
        if ((long) exact.precision() - exact.scale() > StoredLength.AMOUNT_INTEGER_DIGITS) {
            return Optional.of(what + " is too large: at most " + StoredLength.AMOUNT_INTEGER_DIGITS
                    + " digits before the decimal point are stored");
        }
        int allowed = Money.minorUnits(currency);
        if (exact.scale() > allowed) {
            // toString, not toPlainString: 1E-99999999 stays short
            return Optional.of(what + " " + amount + " has more decimals than " + currency.getCurrencyCode()
                    + " allows (" + allowed + ")");
        }
        return Optional.empty();
    }
}
