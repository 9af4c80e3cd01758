package dev.tokenbill.catalog;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a charge's {@code price_changes}: each is a date and the charge's prices from that date on,
 * restated in full (the same keys as the charge, so no price is inherited by accident). Dates are
 * strictly increasing; a tiered charge keeps its tier bounds and a package charge its package size,
 * since tiers and blocks count the whole period's usage across prices. Part of {@link CatalogLoader}.
 */
final class PriceChangesReader {

    static final String KEY = "price_changes";
    private static final Set<String> CHANGE = Set.of("from", "unit_price", "package_price", "tiers",
            PromptBandsReader.PRICES, PromptBandsReader.LONG_CONTEXT_PRICE, "off_peak_unit_price");

    private PriceChangesReader() {
    }

    static List<Charge.PriceChange> read(YamlNode list, Charge base, Map<String, YamlNode> baseKeys,
            Map<String, ModelConditions> models, Currency currency) {
        Set<String> prices = priceKeys(base.pricing(), baseKeys);
        List<Charge.PriceChange> changes = new ArrayList<>();
        LocalDate previous = null;
        for (YamlNode node : list.sequence(KEY)) {
            Map<String, YamlNode> m = node.mapping("a price change", CHANGE);
            YamlNode fromNode = m.get("from");
            if (fromNode == null) {
                throw node.error("missing key 'from' (the first day of the new prices, in the billing time zone)");
            }
            LocalDate from = date(fromNode);
            if (previous != null && !from.isAfter(previous)) {
                throw fromNode.error(from.equals(previous) ? "two price changes from " + from
                        : "price changes must be in increasing order of 'from': " + from + " is not after " + previous);
            }
            for (String key : prices) {
                if (!m.containsKey(key)) {
                    throw node.error("the price change from " + from + " must restate '" + key
                            + "' (a change lists every price of the charge)");
                }
            }
            for (String key : m.keySet()) {
                if (!key.equals("from") && !prices.contains(key)) {
                    throw m.get(key).error("'" + key + "' is not a price of this charge, so a price change cannot set it");
                }
            }
            changes.add(new Charge.PriceChange(from, prices(base, m, from, models, currency)));
            previous = from;
        }
        if (changes.isEmpty()) {
            throw list.error(KEY + " must not be empty");
        }
        return changes;
    }

    private static Charge prices(Charge base, Map<String, YamlNode> m, LocalDate from,
            Map<String, ModelConditions> models, Currency currency) {
        BigDecimal unitPrice = m.containsKey("unit_price") ? m.get("unit_price").decimal("unit_price") : null;
        BigDecimal packagePrice = m.containsKey("package_price") ? m.get("package_price").decimal("package_price") : null;
        List<Tier> tiers = List.of();
        if (m.containsKey("tiers")) {
            tiers = CatalogLoader.tiers(m.get("tiers"), currency);
            if (!bounds(tiers).equals(bounds(base.tiers()))) {
                throw m.get("tiers").error("the price change from " + from + " changes the tier bounds (up_to); "
                        + "a change may change tier prices and flat fees only");
            }
        }
        List<BigDecimal> bands = PromptBandsReader.chargePrices(m, base.model(), models);
        BigDecimal offPeak = m.containsKey("off_peak_unit_price") ? m.get("off_peak_unit_price").decimal("off_peak_unit_price") : null;
        return new Charge(base.meter(), base.model(), base.pricing(), unitPrice, base.packageSize(), packagePrice, tiers,
                base.included(), bands, offPeak, List.of());
    }

    /** The keys a change must restate: the pricing model's prices and the condition prices the charge has. */
    private static Set<String> priceKeys(PricingModel pricing, Map<String, YamlNode> baseKeys) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(switch (pricing) {
            case PER_UNIT -> "unit_price";
            case PACKAGE -> "package_price";
            case GRADUATED, VOLUME -> "tiers";
        });
        for (String key : List.of(PromptBandsReader.PRICES, PromptBandsReader.LONG_CONTEXT_PRICE, "off_peak_unit_price")) {
            if (baseKeys.containsKey(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    private static List<BigDecimal> bounds(List<Tier> tiers) {
        List<BigDecimal> bounds = new ArrayList<>();
        for (Tier tier : tiers) {
            bounds.add(tier.upTo() == null ? null : tier.upTo().stripTrailingZeros());
        }
        return bounds;
    }

    private static LocalDate date(YamlNode node) {
        String text = node.scalar("from");
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw node.error("'from' must be a date YYYY-MM-DD, got '" + text + "'");
        }
    }
}
