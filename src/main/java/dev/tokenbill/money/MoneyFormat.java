package dev.tokenbill.money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/**
 * Formats amounts and prices for people: the ISO code, grouping and the currency's minor-unit
 * decimals ({@code USD 1,234.50}, {@code JPY 12,000}). Unit prices keep every significant decimal
 * ({@code USD 0.0000025}). Formatting never rounds an amount: amounts are already at scale.
 */
public final class MoneyFormat {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);

    private MoneyFormat() {
    }

    public static String amount(Money money) {
        return money.currency().getCurrencyCode() + " " + number(money.amount(), Money.minorUnits(money.currency()));
    }

    /** An amount without the currency code, at its own scale, with grouping: {@code 1,234.50}. */
    public static String number(BigDecimal value, int minDecimals) {
        int decimals = Math.max(minDecimals, Math.max(0, value.stripTrailingZeros().scale()));
        StringBuilder pattern = new StringBuilder("#,##0");
        if (decimals > 0) {
            pattern.append('.').append("0".repeat(decimals));
        }
        DecimalFormat format = new DecimalFormat(pattern.toString(), SYMBOLS);
        format.setParseBigDecimal(true);
        return format.format(value);
    }

    /** A unit price with all its significant decimals and at least the currency's minor unit. */
    public static String unitPrice(BigDecimal price, Currency currency) {
        return currency.getCurrencyCode() + " " + number(price, Money.minorUnits(currency));
    }

    /** A quantity: grouping, no trailing zeros ({@code 1,250,000}, {@code 12.5}). */
    public static String quantity(BigDecimal quantity) {
        return number(quantity, 0);
    }
}
