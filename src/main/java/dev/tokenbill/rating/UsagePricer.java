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
 * Prices a billable quantity (after the included quota) with a charge's pricing model. Amounts
 * are exact until {@link Money#rounded}; tiered charges round each tier once and add them up.
 * Tier bounds are inclusive: with {@code up_to: 100}, unit 100 is in the first tier and 100.5 in
 * the second. A tier's flat fee is charged only when at least a part of a unit falls in it, so zero
 * usage costs nothing.
 */
final class UsagePricer {

    private UsagePricer() {
    }

    static PricedQuantity price(Charge charge, BigDecimal quantity, Currency currency) {
        return switch (charge.pricing()) {
            case PER_UNIT -> perUnit(charge.unitPrice(), quantity, currency);
            case PACKAGE -> packaged(charge, quantity, currency);
            case GRADUATED -> graduated(charge.tiers(), quantity, currency);
            case VOLUME -> volume(charge.tiers(), quantity, currency);
        };
    }

    static PricedQuantity perUnit(BigDecimal unitPrice, BigDecimal quantity, Currency currency) {
        return new PricedQuantity(Money.rounded(quantity.multiply(unitPrice), currency), unitPrice, List.of(), "");
    }

    /** ceil(quantity / size) blocks at the package price; zero usage is zero blocks. */
    private static PricedQuantity packaged(Charge charge, BigDecimal quantity, Currency currency) {
        BigDecimal blocks = quantity.divide(charge.packageSize(), 0, RoundingMode.CEILING);
        Money amount = Money.rounded(blocks.multiply(charge.packagePrice()), currency);
        String detail = blocks.toPlainString() + " started blocks of " + charge.packageSize().stripTrailingZeros()
                .toPlainString() + " at " + charge.packagePrice().stripTrailingZeros().toPlainString() + " per block";
        return new PricedQuantity(amount, null, List.of(), detail);
    }

    private static PricedQuantity graduated(List<Tier> tiers, BigDecimal quantity, Currency currency) {
        List<TierLine> lines = new ArrayList<>();
        Money total = Money.zero(currency);
        BigDecimal from = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size() && quantity.compareTo(from) > 0; i++) {
            Tier tier = tiers.get(i);
            BigDecimal top = tier.unbounded() ? quantity : tier.upTo().min(quantity);
            BigDecimal units = top.subtract(from);
            Money amount = Money.rounded(units.multiply(tier.unitPrice()).add(tier.flatFee()), currency);
            lines.add(new TierLine(i + 1, from, tier.upTo(), units, tier.unitPrice(), tier.flatFee(), amount));
            total = total.plus(amount);
            if (tier.unbounded()) {
                break;
            }
            from = tier.upTo();
        }
        return new PricedQuantity(total, null, lines, "graduated");
    }

    private static PricedQuantity volume(List<Tier> tiers, BigDecimal quantity, Currency currency) {
        if (quantity.signum() == 0) {
            return new PricedQuantity(Money.zero(currency), null, List.of(), "volume");
        }
        BigDecimal from = BigDecimal.ZERO;
        for (int i = 0; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            if (tier.unbounded() || quantity.compareTo(tier.upTo()) <= 0) {
                Money amount = Money.rounded(quantity.multiply(tier.unitPrice()).add(tier.flatFee()), currency);
                TierLine line = new TierLine(i + 1, from, tier.upTo(), quantity, tier.unitPrice(), tier.flatFee(), amount);
                return new PricedQuantity(amount, null, List.of(line), "volume");
            }
            from = tier.upTo();
        }
        throw new IllegalStateException("the catalog loader guarantees an unbounded last tier");
    }
}
