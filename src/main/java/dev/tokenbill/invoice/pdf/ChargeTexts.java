package dev.tokenbill.invoice.pdf;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.invoice.pdf.InvoiceView.LineView;
import dev.tokenbill.invoice.pdf.InvoiceView.Row;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and numbers of each charge row, in the page's language, composed from the line's structured fields
 * (kind, meter, model, condition, usage, included, tiers) rather than from the English description the engine wrote.
 * Token meters (a meter named {@code *tokens}) show their price per million tokens; the exact per-token price stays in
 * charges.csv. A fee's covered period and a package's blocks exist only in the engine's description today, so those
 * two are read from it (the English text is printed as it is when it does not match).
 */
final class ChargeTexts {

    /** "Pro recurring fee (2026-11, 12/30 days, in advance)": the label, the days, the in-advance note. */
    private static final Pattern FEE = Pattern.compile("\\((\\S+?)(?:, (\\d+)/(\\d+) days)?(, in advance)?\\)$");
    /** "Pro recurring fee, unused days credited (2026-11-16 to 2026-11-30, 15/30 days, billed in advance on TB-1)". */
    private static final Pattern UNUSED = Pattern.compile("unused days credited \\((\\d{4}-\\d{2}-\\d{2}) to "
            + "(\\d{4}-\\d{2}-\\d{2}), (\\d+)/(\\d+) days, billed in advance on (\\S+)\\)$");
    /** "Pro recurring fee, 2026-11-16 to 2026-11-30 billed again: credited as unused on TB-2 against ...". */
    private static final Pattern BILLED_AGAIN = Pattern.compile("recurring fee, (\\d{4}-\\d{2}-\\d{2}) to "
            + "(\\d{4}-\\d{2}-\\d{2}) billed again: credited as unused on (\\S+) against");
    private static final Pattern BLOCKS = Pattern.compile("(\\d+) started blocks of (\\S+)$");

    private final Labels labels;
    private final PageFormat format;
    private final Currency currency;

    ChargeTexts(Labels labels, PageFormat format, Currency currency) {
        this.labels = labels;
        this.format = format;
        this.currency = currency;
    }

    String subscriptionHeading(String planName, String servicePeriod) {
        return labels.get("row.subscription", planName, servicePeriod);
    }

    String allModels() {
        return labels.get("row.allModels");
    }

    String otherCharges() {
        return labels.get("row.otherCharges");
    }

    String noCharges() {
        return labels.get("row.noCharges");
    }

    LineView recurring(InvoiceLine line) {
        Matcher m = FEE.matcher(line.description());
        Matcher unused = UNUSED.matcher(line.description());
        Matcher again = BILLED_AGAIN.matcher(line.description());
        String text;
        if (unused.find()) {
            text = labels.get("fee.unused", date(unused.group(1)), date(unused.group(2)), unused.group(3),
                    unused.group(4), unused.group(5));
        } else if (again.find()) {
            text = labels.get("fee.billedAgain", date(again.group(1)), date(again.group(2)), again.group(3));
        } else if (!m.find()) {
            text = line.description();
        } else {
            String span = m.group(2) == null ? m.group(1) : labels.get("fee.days", m.group(1), m.group(2), m.group(3));
            text = labels.get(m.group(4) == null ? "fee" : "fee.inAdvance", span);
        }
        return LineView.charge(text, quantity(line.quantity()), price(line.unitPrice()), amount(line.amount()));
    }

    /**
     * A usage line: one row (and its tier sentences); usage the included quota covers in full reads "included" in the
     * amount column instead of a price and 0.00.
     */
    List<LineView> usage(InvoiceLine line) {
        List<LineView> rows = new ArrayList<>();
        String meter = meter(line);
        boolean someIncluded = line.included() != null && line.included().signum() > 0;
        if (someIncluded && line.quantity() != null && line.quantity().signum() == 0) {
            rows.add(LineView.charge(meter, format.quantity(line.usage()), "", labels.get("usage.included")));
            return rows;
        }
        String text = someIncluded ? labels.get("usage.partlyIncluded", meter, format.quantity(line.included())) : meter;
        Matcher blocks = BLOCKS.matcher(line.description());
        if (line.unitPrice() == null && line.tiers().isEmpty() && blocks.find()) {
            text = text + ", " + labels.get("usage.blocks", blocks.group(1), blocks.group(2));
        }
        rows.add(LineView.charge(text, quantity(line.quantity()), usagePrice(line), amount(line.amount())));
        for (TierLine tier : line.tiers()) {
            rows.add(new LineView(Row.TIER, tierSentence(line, tier), "", "", amount(tier.amount())));
        }
        return rows;
    }

    private String date(String iso) {
        return format.date(java.time.LocalDate.parse(iso));
    }

    LineView trueUp(InvoiceLine line) {
        return other(line, "row.trueUp");
    }

    LineView costPlus(InvoiceLine line) {
        return other(line, "row.costPlus");
    }

    /** English keeps the engine's description, which carries its figures; other languages name the kind. */
    private LineView other(InvoiceLine line, String key) {
        String text = format.language().equals("en") ? line.description() : labels.get(key);
        return LineView.charge(text, quantity(line.quantity()), price(line.unitPrice()), amount(line.amount()));
    }

    /** "next 1,000,000 tokens at USD 2.30 per 1M, plus USD 25.00 flat"; a volume tier prices all units ("all"). */
    String tierSentence(InvoiceLine line, TierLine tier) {
        boolean volume = line.tiers().size() == 1 && tier.from().signum() > 0;
        String which = volume ? "tier.all" : tier.from().signum() == 0 ? "tier.first" : "tier.next";
        String price = tokens(line)
                ? labels.get("price.perMillion", format.money(tier.unitPrice().movePointRight(6), currency))
                : labels.get("price.each", format.money(tier.unitPrice(), currency));
        String text = labels.get(which, format.quantity(tier.units()), unit(line), price);
        if (tier.flatFee() != null && tier.flatFee().signum() != 0) {
            text = text + labels.get("tier.flat", format.money(tier.flatFee(), currency));
        }
        return text;
    }

    private String usagePrice(InvoiceLine line) {
        if (line.unitPrice() == null) {
            return "";
        }
        return tokens(line) ? labels.get("price.perMillionShort", format.perMillion(line.unitPrice(), currency))
                : price(line.unitPrice());
    }

    /** "Input tokens", "Output tokens (off-peak)": the meter in the page's language, with its price condition. */
    private String meter(InvoiceLine line) {
        String name = meterName(line.meter());
        if (line.condition() == null) {
            return name;
        }
        PriceCondition condition = line.condition();
        String text = condition.offPeak() ? labels.get("condition.offPeak", name)
                : condition.band() > 1 ? labels.get("condition.longContext", name) : name;
        // the prompt band and the price version as the engine named them ("prompt 32k-128k", "from 2026-10-15")
        List<String> notes = new ArrayList<>();
        Matcher last = LAST_NOTES.matcher(line.description() == null ? "" : line.description());
        if (last.find()) {
            for (String note : last.group(1).split(", ")) {
                if (note.startsWith("prompt ") || note.startsWith("from ") || note.startsWith("before ")) {
                    notes.add(note);
                }
            }
        }
        if (notes.isEmpty()) {
            return text;
        }
        // one parenthesis: "Input tokens (long context, prompt over 200k)"
        return text.endsWith(")") ? text.substring(0, text.length() - 1) + ", " + String.join(", ", notes) + ")"
                : text + " (" + String.join(", ", notes) + ")";
    }

    private static final Pattern LAST_NOTES = Pattern.compile("\\(([^()]*)\\)\\s*$");

    String meterName(String meter) {
        if (meter == null) {
            return "";
        }
        String known = labels.find("meter." + meter);
        if (known != null) {
            return known;
        }
        String plain = meter.replace('_', ' ');
        return Character.toUpperCase(plain.charAt(0)) + plain.substring(1);
    }

    /** What the meter counts, for sentences: "tokens", else the meter's own name. */
    private String unit(InvoiceLine line) {
        return tokens(line) ? labels.get("unit.tokens") : meterName(line.meter());
    }

    static boolean tokens(InvoiceLine line) {
        return line.meter() != null && line.meter().endsWith("tokens");
    }

    private String quantity(BigDecimal value) {
        return value == null ? "" : format.quantity(value);
    }

    /** Unit prices in the table print without the currency (the table's header names it), every decimal kept. */
    private String price(BigDecimal value) {
        return value == null ? "" : format.number(value, Money.minorUnits(currency));
    }

    private String amount(Money money) {
        return format.number(money.amount(), Money.minorUnits(money.currency()));
    }
}
