package dev.tokenbill.invoice.pdf;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label of a discount row in the page's language, with the terms the engine's English description carries (the
 * coupon's percent or amount, what it reduces, the period it counts, whether the period was billed in advance; the
 * volume discount's percent, spend and threshold). English keeps the engine's description; another language composes
 * the same facts from its labels. As with fee periods ({@link ChargeTexts}), the terms exist only in that description
 * today, so they are read from it; a description of another form gets the coupon's code or "volume discount" alone.
 */
final class DiscountTexts {

    /** "Coupon WELCOME10: 10% off all charges (period 1)", "Coupon X: USD 5.00 off usage, input tokens (period 2, billed in advance)". */
    private static final Pattern COUPON = Pattern.compile(
            "^Coupon (\\S+): (?:(\\d+(?:\\.\\d+)?)%|([A-Z]{3}) ([\\d,]+(?:\\.\\d+)?)) off (.+) \\(period (\\d+)(, billed in advance)?\\)$");
    /** Any coupon line: its code. */
    private static final Pattern COUPON_CODE = Pattern.compile("^Coupon (\\S+):");
    /** "Volume discount: 5% on spend of USD 12,345.67 (from 10,000.00)". */
    private static final Pattern VOLUME = Pattern.compile(
            "^Volume discount: (\\d+(?:\\.\\d+)?)% on spend of ([A-Z]{3}) ([\\d,]+(?:\\.\\d+)?) \\(from ([\\d,]+(?:\\.\\d+)?)\\)$");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Labels labels;
    private final PageFormat format;
    private final ChargeTexts charges;

    DiscountTexts(Labels labels, PageFormat format, ChargeTexts charges) {
        this.labels = labels;
        this.format = format;
        this.charges = charges;
    }

    String label(String description) {
        if (format.language().equals("en")) {
            return description;
        }
        Matcher coupon = COUPON.matcher(description);
        if (coupon.find()) {
            String off = coupon.group(2) != null ? percent(coupon.group(2))
                    : format.money(number(coupon.group(4)), Currency.getInstance(coupon.group(3)));
            String period = labels.get(coupon.group(7) == null ? "discount.period" : "discount.periodInAdvance",
                    coupon.group(6));
            return labels.get("discount.couponTerms", coupon.group(1), off, targets(coupon.group(5)), period);
        }
        Matcher volume = VOLUME.matcher(description);
        if (volume.find()) {
            Currency currency = Currency.getInstance(volume.group(2));
            return labels.get("discount.volumeTerms", percent(volume.group(1)),
                    format.money(number(volume.group(3)), currency), format.money(number(volume.group(4)), currency));
        }
        Matcher code = COUPON_CODE.matcher(description);
        return code.find() ? labels.get("discount.coupon", code.group(1)) : labels.get("discount.volume");
    }

    /** "recurring fees, input tokens": each part as the page names it (a meter by its meter name). */
    private String targets(String english) {
        List<String> parts = new ArrayList<>();
        for (String part : english.split(", ")) {
            parts.add(switch (part) {
                case "all charges" -> labels.get("discount.target.all");
                case "recurring fees" -> labels.get("discount.target.recurring");
                case "usage" -> labels.get("discount.target.usage");
                default -> charges.meterName(part.replace(' ', '_'));
            });
        }
        return String.join(", ", parts);
    }

    private String percent(String percent) {
        return format.percent(new BigDecimal(percent).divide(HUNDRED));
    }

    /** An English-formatted number ("12,345.67") as a value. */
    private static BigDecimal number(String english) {
        return new BigDecimal(english.replace(",", ""));
    }
}
