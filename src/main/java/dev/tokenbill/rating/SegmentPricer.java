package dev.tokenbill.rating;

import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.Tier;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Prices one price version's share of a charge whose period usage spans price changes: the billed
 * units (offset, offset + quantity] of a period whose billed units total {@code periodTotal}, at
 * that version's prices. Tiers and blocks count the whole period: graduated units continue in the
 * tier where the earlier prices left off (a tier's flat fee is due from the version that enters
 * it), a volume tier is the one the period total reaches (its flat fee due once, from the first
 * version with billed units), and blocks started under earlier prices are not started again.
 * Each amount is rounded once, HALF_UP, as in {@link UsagePricer}.
 */
final class SegmentPricer {

    private SegmentPricer() {
    }

    static PricedQuantity price(Charge prices, BigDecimal quantity, BigDecimal offset, BigDecimal periodTotal,
            Currency currency) {
        if (offset.signum() == 0 && periodTotal.compareTo(quantity) == 0) {
            return UsagePricer.price(prices, quantity, currency); // the whole period at one price: the usual rule
        }
        return switch (prices.pricing()) {
            case PER_UNIT -> UsagePricer.perUnit(prices.unitPrice(), quantity, currency);
            case PACKAGE -> packaged(prices, quantity, offset, currency);
            case GRADUATED -> graduated(prices.tiers(), quantity, offset, currency);
            case VOLUME -> volume(prices.tiers(), quantity, offset, periodTotal, currency);
        };
    }

    /** ceil((offset + quantity) / size) - ceil(offset / size) blocks: the blocks this version starts. */
    private static PricedQuantity packaged(Charge prices, BigDecimal quantity, BigDecimal offset, Currency currency) {
        BigDecimal size = prices.packageSize();
        BigDecimal blocks = offset.add(quantity).divide(size, 0, RoundingMode.CEILING)
                .subtract(offset.divide(size, 0, RoundingMode.CEILING));
        Money amount = Money.rounded(blocks.multiply(prices.packagePrice()), currency);
        String detail = blocks.toPlainString() + " started blocks of " + size.stripTrailingZeros().toPlainString()
                + " at " + prices.packagePrice().stripTrailingZeros().toPlainString() + " per block";
        return new PricedQuantity(amount, null, List.of(), detail);
    }

    private static PricedQuantity graduated(List<Tier> tiers, BigDecimal quantity, BigDecimal offset, Currency currency) {
        BigDecimal end = offset.add(quantity);
        List<TierLine> lines = new ArrayList<>();
        Money total = Money.zero(currency);
        BigDecimal from = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size() && end.compareTo(from) > 0; i++) {
            Tier tier = tiers.get(i);
            BigDecimal low = from.max(offset);
            BigDecimal high = tier.unbounded() ? end : tier.upTo().min(end);
            BigDecimal units = high.subtract(low);
            if (units.signum() > 0) {
                // entered by this version only if the earlier units stopped at or below its lower bound
                BigDecimal flatFee = offset.compareTo(from) <= 0 ? tier.flatFee() : BigDecimal.ZERO;
                Money amount = Money.rounded(units.multiply(tier.unitPrice()).add(flatFee), currency);
                lines.add(new TierLine(i + 1, low, tier.upTo(), units, tier.unitPrice(), flatFee, amount));
                total = total.plus(amount);
            }
            if (tier.unbounded()) {
                break;
            }
            from = tier.upTo();
        }
        return new PricedQuantity(total, null, lines, "graduated");
    }

    private static PricedQuantity volume(List<Tier> tiers, BigDecimal quantity, BigDecimal offset, BigDecimal periodTotal,
            Currency currency) {
        if (quantity.signum() == 0) {
            return new PricedQuantity(Money.zero(currency), null, List.of(), "volume");
        }
        BigDecimal from = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (tier.unbounded() || periodTotal.compareTo(tier.upTo()) <= 0) {
                BigDecimal flatFee = offset.signum() == 0 ? tier.flatFee() : BigDecimal.ZERO;
                Money amount = Money.rounded(quantity.multiply(tier.unitPrice()).add(flatFee), currency);
                TierLine line = new TierLine(i + 1, from, tier.upTo(), quantity, tier.unitPrice(), flatFee, amount);
                return new PricedQuantity(amount, null, List.of(line), "volume");
            }
            from = tier.upTo();
        }
        throw new IllegalStateException("the catalog loader guarantees an unbounded last tier");
    }
}
