package dev.tokenbill.invoice.pdf;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/**
 * Formats the numbers, amounts and dates of one invoice page in its language: {@code 1,234.56} (en), {@code 1.234,56}
 * (de), {@code 1 234,56} (fr, with the narrow no-break space Java's French locale groups with). The grouping follows the
 * language, not the customer's country, so every page in one language reads the same.
 *
 * <p>Currency: EUR prints as {@code €} and GBP as {@code £}, every other currency as its ISO code, because {@code $}
 * alone does not say which dollar; English puts it before the number ({@code €1,234.56}, {@code USD 1,234.56}),
 * German and French after it with a no-break space ({@code 1.234,56 €}, {@code 1 234,56 USD}), as their CLDR patterns
 * do. Dates: ISO {@code 2026-12-01} in English (unambiguous across the English-speaking countries), {@code 01.12.2026}
 * in German, {@code 01/12/2026} in French. Nothing here rounds: amounts are already at scale and prices keep every
 * significant decimal.
 */
public final class PageFormat {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    private static final char NBSP = '\u00A0';

    private final String language;
    private final DecimalFormatSymbols symbols;
    private final DateTimeFormatter dates;

    private PageFormat(String language, Locale numbers, String datePattern) {
        this.language = language;
        this.symbols = DecimalFormatSymbols.getInstance(numbers);
        this.dates = DateTimeFormatter.ofPattern(datePattern, numbers);
    }

    /** The format of {@code language} ({@code en}, {@code de}, {@code fr}; anything else is English). */
    public static PageFormat of(String language) {
        return switch (language == null ? "en" : language) {
            case "de" -> new PageFormat("de", Locale.GERMANY, "dd.MM.yyyy");
            case "fr" -> new PageFormat("fr", Locale.FRANCE, "dd/MM/yyyy");
            default -> new PageFormat("en", Locale.ENGLISH, "yyyy-MM-dd");
        };
    }

    public String language() {
        return language;
    }

    /** An amount with its currency, at the amount's own scale (never rounded here). */
    public String amount(Money money) {
        return money(money.amount(), money.currency());
    }

    /** A value in {@code currency} with at least its minor-unit decimals and every significant one. */
    public String money(BigDecimal value, Currency currency) {
        String number = number(value.abs(), Money.minorUnits(currency));
        String sign = value.signum() < 0 ? "-" : "";
        String symbol = symbol(currency);
        if (language.equals("en")) {
            return sign + (symbol.length() == 1 ? symbol : symbol + " ") + number;
        }
        return sign + number + NBSP + symbol;
    }

    /** {@code €}, {@code £} or the ISO code. */
    static String symbol(Currency currency) {
        return switch (currency.getCurrencyCode()) {
            case "EUR" -> "€";
            case "GBP" -> "£";
            default -> currency.getCurrencyCode();
        };
    }

    /** A number with grouping, at least {@code minDecimals} decimals and every significant one. */
    public String number(BigDecimal value, int minDecimals) {
        int decimals = Math.max(minDecimals, Math.max(0, value.stripTrailingZeros().scale()));
        StringBuilder pattern = new StringBuilder("#,##0");
        if (decimals > 0) {
            pattern.append('.').append("0".repeat(decimals));
        }
        DecimalFormat format = new DecimalFormat(pattern.toString(), symbols);
        return format.format(value);
    }

    /** A quantity: grouping, no trailing zeros. */
    public String quantity(BigDecimal value) {
        return number(value, 0);
    }

    /**
     * A per-token price as the price of a million tokens, with at least the currency's minor-unit decimals and every
     * significant digit ({@code 0.0000025} -> {@code 2.50}, {@code 0.000000075} -> {@code 0.075}): exact, the shift
     * of the decimal point loses nothing.
     */
    public String perMillion(BigDecimal unitPrice, Currency currency) {
        return number(unitPrice.multiply(MILLION), Money.minorUnits(currency));
    }

    /** A rate such as 0.19 as {@code 19%} (en) or {@code 19 %} (de, fr: no-break space, as the languages write it). */
    public String percent(BigDecimal rate) {
        String number = number(rate.movePointRight(2), 0);
        return language.equals("en") ? number + "%" : number + NBSP + "%";
    }

    public String date(LocalDate date) {
        return dates.format(date);
    }
}
