package dev.tokenbill.rating;

import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.customer;
import static dev.tokenbill.rating.RatingFixtures.graduated;
import static dev.tokenbill.rating.RatingFixtures.period;
import static dev.tokenbill.rating.RatingFixtures.subscription;
import static dev.tokenbill.rating.RatingFixtures.tier;
import static dev.tokenbill.rating.RatingFixtures.usage;
import static dev.tokenbill.rating.RatingFixtures.volume;
import static dev.tokenbill.rating.RatingFixtures.withIncluded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.ChargeMinimums;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.usage.UsageTotal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code flat_fee_at_zero_usage}: whether the first tier's flat fee is due when no unit is billed. Default false
 * (zero usage costs nothing). Tiers: up to 1,000 units at 0 with a flat fee of 500.00, then 0.20 per unit.
 */
class RatingEngineFlatFeeAtZeroTest {

    private static final String METER = "requests";

    private final RatingEngine engine = new RatingEngine();

    @Test
    void testDefault_NoUsage_NoLine() {
        // given the default (false) and no usage: no line, subtotal 0.00
        Invoice invoice = rate(graduatedCharge(false));

        assertThat(usageLines(invoice)).isEmpty();
        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("0.00");
    }

    @Test
    void testFlatFeeAtZeroUsage_NoUsage_TheFirstTiersFeeIsBilled() {
        // given true and no usage: one line, tier 1 with 0 units, 0 x 0 + 500.00 = 500.00
        Invoice invoice = rate(graduatedCharge(true));

        assertThat(usageLines(invoice)).containsExactly("All models, requests, graduated tiers (flat fee at zero usage) 500.00");
        InvoiceLine line = invoice.lines().get(0);
        assertThat(line.usage()).isEqualByComparingTo("0");
        assertThat(line.tiers()).extracting(TierLine::tier, t -> t.units().toPlainString(), t -> t.amount().amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "0", "500.00"));
    }

    @Test
    void testFlatFeeAtZeroUsage_UsageWithinTheIncludedQuota_TheFeeIsBilledOnItsLine() {
        // given 80 requests, 100 included: billed 0; true: the line shows 80 used, 80 included, 500.00
        Invoice invoice = rate(withFlatFeeAtZero(withIncluded(graduatedCharge(true), "100"), true), usage(METER, "80"));

        assertThat(usageLines(invoice)).containsExactly("All models, requests, graduated tiers (flat fee at zero usage) 500.00");
        assertThat(invoice.lines().get(0).included()).isEqualByComparingTo("80");
    }

    @Test
    void testDefault_UsageWithinTheIncludedQuota_ALineOfZero() {
        // given 80 requests, 100 included, default: the line shows the usage, 0.00 (usage, unlike no usage, has a line)
        Invoice invoice = rate(withIncluded(graduatedCharge(false), "100"), usage(METER, "80"));

        assertThat(usageLines(invoice)).containsExactly("All models, requests, graduated tiers 0.00");
    }

    @Test
    void testFlatFeeAtZeroUsage_WithUsage_TheFeeIsNotChargedTwice() {
        // given 1,500 requests: tier 1 1,000 x 0 + 500.00 = 500.00; tier 2 500 x 0.20 = 100.00 -> 600.00, either setting
        assertThat(usageLines(rate(graduatedCharge(true), usage(METER, "1500"))))
                .containsExactly("All models, requests, graduated tiers 600.00");
        assertThat(usageLines(rate(graduatedCharge(false), usage(METER, "1500"))))
                .containsExactly("All models, requests, graduated tiers 600.00");
    }

    @Test
    void testFlatFeeAtZeroUsage_Volume_NoUsage() {
        // given volume tiers, true, no usage: the first tier's 500.00
        Charge charge = withFlatFeeAtZero(volume(METER, tier("1000", "0", "500.00"), tier(null, "0.20")), true);

        assertThat(usageLines(rate(charge))).containsExactly("All models, requests, volume tiers (flat fee at zero usage) 500.00");
    }

    @Test
    void testFlatFeeAtZeroUsage_OnlyConditionUnits_TheStandardTiersStillOweTheFee() {
        // given only off-peak units (priced per unit at 0.01 each: 10 x 0.01 = 0.10) and no standard unit:
        // the tiers bill nothing, so with true their first flat fee is due on a line of its own: 500.10 in all
        Charge charge = RatingFixtures.withConditionPrices(graduatedCharge(false), null, "0.01");
        Invoice invoice = rate(withFlatFeeAtZero(charge, true), usage(METER, PriceCondition.OFF_PEAK, "10"));

        assertThat(invoice.subtotal().amount()).isEqualByComparingTo("500.10");
    }

    // helpers

    private static Charge graduatedCharge(boolean flatFeeAtZero) {
        return withFlatFeeAtZero(graduated(METER, tier("1000", "0", "500.00"), tier(null, "0.20")), flatFeeAtZero);
    }

    private static Charge withFlatFeeAtZero(Charge c, boolean flatFeeAtZero) {
        return new Charge(c.meter(), c.model(), c.pricing(), c.unitPrice(), c.packageSize(), c.packagePrice(), c.tiers(),
                c.included(), c.longContextUnitPrice(), c.offPeakUnitPrice(), new ChargeMinimums(null, flatFeeAtZero));
    }

    private Invoice rate(Charge charge, UsageTotal... usage) {
        return engine.rate(customer(USD, false), period("2026-10"), List.of(new SubscriptionUsage(
                subscription("2026-01-01", null), RatingFixtures.plan("plan-1", USD, BillingInterval.MONTHLY, null, null,
                        charge), List.of(usage))), Optional.empty());
    }

    private static List<String> usageLines(Invoice invoice) {
        return invoice.lines().stream().filter(l -> l.kind() == LineKind.USAGE)
                .map(l -> l.description() + " " + l.amount().amount().toPlainString()).toList();
    }

}
