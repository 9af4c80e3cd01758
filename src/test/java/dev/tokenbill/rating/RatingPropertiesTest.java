package dev.tokenbill.rating;

import static dev.tokenbill.rating.RatingFixtures.JPY;
import static dev.tokenbill.rating.RatingFixtures.KWD;
import static dev.tokenbill.rating.RatingFixtures.USD;
import static dev.tokenbill.rating.RatingFixtures.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.BillingInterval;
import dev.tokenbill.catalog.Charge;
import dev.tokenbill.catalog.FeeTiming;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.catalog.PricingModel;
import dev.tokenbill.catalog.RecurringFee;
import dev.tokenbill.catalog.TaxRate;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of rating over many generated cases. Each case has its own seed, derived from a fixed
 * base seed, and prints it on failure: re-run one case with {@code new Random(seed)}.
 */
class RatingPropertiesTest {

    private static final long BASE_SEED = 20_261_012L;
    private static final int CASES = 500;
    private static final List<Currency> CURRENCIES = List.of(USD, JPY, KWD);
    /** The conditions the enum had before prompt bands and price dates. */
    private static final List<PriceCondition> PRICE_CONDITIONS = List.of(PriceCondition.STANDARD, PriceCondition.OFF_PEAK,
            PriceCondition.LONG_CONTEXT);
    private static final List<String> METERS = List.of("input_tokens", "output_tokens", "cached_input_tokens", "requests");
    private static final List<String> MODELS = List.of("model-a", "model-b", "model-c");

    static LongStream seeds() {
        Random base = new Random(BASE_SEED);
        return LongStream.generate(base::nextLong).limit(CASES);
    }

    // pricing models

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void graduated_totalNeverDecreasesAsUsageGrows(long seed) {
        // given
        Random random = new Random(seed);
        Currency currency = pick(random, CURRENCIES);
        Charge charge = tieredCharge(random, PricingModel.GRADUATED);
        List<BigDecimal> quantities = quantitiesAroundEdges(random, charge);

        // when / then
        Money previous = Money.zero(currency);
        BigDecimal previousQuantity = BigDecimal.ZERO;
        for (BigDecimal quantity : quantities) {
            PricedQuantity priced = UsagePricer.price(charge, quantity, currency);
            assertThat(priced.amount().compareTo(previous))
                    .as("seed=%d: %s at %s < %s at %s", seed, priced.amount(), quantity, previous, previousQuantity)
                    .isGreaterThanOrEqualTo(0);
            assertThat(priced.amount().amount())
                    .as("seed=%d: line = sum of rounded tiers at %s", seed, quantity)
                    .isEqualByComparingTo(priced.tiers().stream().map(t -> t.amount().amount())
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(priced.tiers().stream().map(TierLine::units).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as("seed=%d: tier units add up to %s", seed, quantity)
                    .isEqualByComparingTo(quantity);
            previous = priced.amount();
            previousQuantity = quantity;
        }
    }

    /**
     * Volume pricing is monotone only within a tier: all units move to the price of the tier reached,
     * so with a cheaper higher tier the total drops just past an edge (see UsagePricerTest).
     */
    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void volume_totalNeverDecreasesWithinATier(long seed) {
        // given
        Random random = new Random(seed);
        Currency currency = pick(random, CURRENCIES);
        Charge charge = tieredCharge(random, PricingModel.VOLUME);

        // when / then
        BigDecimal from = BigDecimal.ZERO;
        for (int i = 0; i < charge.tiers().size(); i++) {
            BigDecimal upTo = charge.tiers().get(i).upTo();
            BigDecimal top = upTo != null ? upTo : from.multiply(BigDecimal.valueOf(2)).add(BigDecimal.valueOf(1000));
            TreeSet<BigDecimal> inTier = new TreeSet<>();
            inTier.add(from.add(new BigDecimal("0.001")));
            inTier.add(top);
            for (int k = 0; k < 10; k++) {
                inTier.add(between(random, from, top));
            }
            Money previous = null;
            for (BigDecimal quantity : inTier) {
                PricedQuantity priced = UsagePricer.price(charge, quantity, currency);
                assertThat(priced.tiers()).as("seed=%d: %s falls in tier %d", seed, quantity, i + 1)
                        .singleElement().extracting(TierLine::tier).isEqualTo(i + 1);
                if (previous != null) {
                    assertThat(priced.amount().compareTo(previous))
                            .as("seed=%d: tier %d, %s at %s < %s", seed, i + 1, priced.amount(), quantity, previous)
                            .isGreaterThanOrEqualTo(0);
                }
                previous = priced.amount();
            }
            from = top;
        }
    }

    // included quota

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void quota_neverMakesAChargeNegative(long seed) {
        // given
        Random random = new Random(seed);
        Currency currency = pick(random, CURRENCIES);
        PricingModel model = pick(random, List.of(PricingModel.values()));
        BigDecimal quota = quantity(random);
        Charge charge = withQuota(randomCharge(random, "input_tokens", null, model), quota);
        Plan plan = plan(currency, null, List.of(charge));
        List<UsageTotal> usage = new ArrayList<>();
        for (PriceCondition condition : PRICE_CONDITIONS) {
            if (random.nextInt(4) > 0) {
                usage.add(new UsageTotal("s", pick(random, MODELS), "input_tokens", condition, quantity(random)));
            }
        }
        Subscription subscription = new Subscription("s", "c", plan.id(), LocalDate.of(2026, 10, 1), null, 1, null);

        // when
        List<InvoiceLine> lines = UsageCharges.lines(subscription, plan, usage);

        // then
        BigDecimal includedTotal = BigDecimal.ZERO;
        for (InvoiceLine line : lines) {
            assertThat(line.amount().signum()).as("seed=%d: amount %s", seed, line.amount()).isGreaterThanOrEqualTo(0);
            assertThat(line.quantity().signum()).as("seed=%d: billed %s", seed, line.quantity()).isGreaterThanOrEqualTo(0);
            assertThat(line.included().signum()).as("seed=%d: included %s", seed, line.included()).isGreaterThanOrEqualTo(0);
            assertThat(line.included().add(line.quantity())).as("seed=%d: included + billed = usage", seed)
                    .isEqualByComparingTo(line.usage());
            includedTotal = includedTotal.add(line.included());
        }
        assertThat(includedTotal).as("seed=%d: included %s within quota %s", seed, includedTotal, quota)
                .isLessThanOrEqualTo(quota);
        if (model != PricingModel.VOLUME) {
            // a quota never raises the bill, except under volume pricing (fewer units can reach a dearer tier)
            BigDecimal withoutQuota = sum(UsageCharges.lines(subscription, plan(currency, null,
                    List.of(withQuota(charge, BigDecimal.ZERO))), usage));
            assertThat(sum(lines)).as("seed=%d: with quota <= without quota", seed).isLessThanOrEqualTo(withoutQuota);
        }
    }

    // recurring fees

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void proratedPiecesTilingAPeriod_addUpToTheFullFee(long seed) {
        // given: a month cut on random days into consecutive subscriptions of the same plan
        Random random = new Random(seed);
        Currency currency = pick(random, CURRENCIES);
        YearMonth month = YearMonth.of(2024 + random.nextInt(7), 1 + random.nextInt(12));
        BillingPeriod period = BillingPeriod.parse(month.toString());
        BigDecimal fee = BigDecimal.valueOf(random.nextInt(10_000_000), Money.minorUnits(currency));
        int quantity = 1 + random.nextInt(10);
        Plan plan = plan(currency, new RecurringFee(fee, FeeTiming.IN_ARREARS), List.of());
        TreeSet<LocalDate> cuts = new TreeSet<>();
        int cutCount = random.nextInt(6);
        for (int k = 0; k < cutCount; k++) {
            cuts.add(period.start().plusDays(1 + random.nextInt((int) period.days() - 1)));
        }
        List<LocalDate> bounds = new ArrayList<>();
        bounds.add(period.start().minusDays(random.nextInt(40)));
        bounds.addAll(cuts);
        bounds.add(random.nextBoolean() ? null : period.end().plusDays(random.nextInt(40)));

        // when
        BigDecimal billed = BigDecimal.ZERO;
        int pieces = bounds.size() - 1;
        for (int k = 0; k < pieces; k++) {
            Subscription piece = new Subscription("s" + k, "c", plan.id(), bounds.get(k), bounds.get(k + 1), quantity, null);
            billed = billed.add(sum(RecurringFees.lines(piece, plan, period)));
        }

        // then: each piece is off by at most half a minor unit from its exact share
        BigDecimal full = fee.multiply(BigDecimal.valueOf(quantity));
        BigDecimal tolerance = BigDecimal.ONE.movePointLeft(Money.minorUnits(currency))
                .multiply(BigDecimal.valueOf(pieces)).divide(BigDecimal.valueOf(2));
        assertThat(billed.subtract(full).abs())
                .as("seed=%d: %s %d pieces billed %s for full fee %s", seed, currency, pieces, billed, full)
                .isLessThanOrEqualTo(tolerance);
    }

    // the engine as a whole

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void rating_doesNotDependOnTheOrderOfUsageTotals(long seed) {
        // given
        Random random = new Random(seed);
        Currency currency = pick(random, CURRENCIES);
        Customer customer = new Customer("c", "C", "c@example.test", "", "DE", currency, random.nextInt(4) == 0);
        Optional<TaxRate> tax = random.nextBoolean() ? Optional.of(new TaxRate("DE", new BigDecimal("0.19"), "VAT"))
                : Optional.empty();
        BillingPeriod period = BillingPeriod.parse("2026-10");
        List<SubscriptionUsage> subscriptions = new ArrayList<>();
        LocalDate start = LocalDate.of(2026, 9, 1 + random.nextInt(30));
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            LocalDate end = k == count - 1 ? null : LocalDate.of(2026, 10, 1).plusDays(random.nextInt(31));
            if (end != null && !end.isAfter(start)) {
                end = start.plusDays(1);
            }
            Plan plan = randomPlan(random, "plan-" + k, currency);
            Subscription subscription = new Subscription("sub-" + k, "c", plan.id(), start, end, 1 + random.nextInt(3), null);
            subscriptions.add(new SubscriptionUsage(subscription, plan, randomUsage(random, subscription.id(), plan)));
            start = end;
        }
        RatingEngine engine = new RatingEngine();

        // when
        Invoice original = engine.rate(customer, period, subscriptions, tax);
        List<SubscriptionUsage> shuffled = new ArrayList<>();
        for (SubscriptionUsage s : subscriptions) {
            List<UsageTotal> usage = new ArrayList<>(s.usage());
            Collections.shuffle(usage, random);
            shuffled.add(new SubscriptionUsage(s.subscription(), s.plan(), usage));
        }
        Collections.shuffle(shuffled, random);
        Invoice reordered = engine.rate(customer, period, shuffled, tax);

        // then
        assertThat(reordered).as("seed=%d", seed).isEqualTo(original);
        assertThat(original.subtotal().amount()).as("seed=%d: subtotal = sum of lines", seed)
                .isEqualByComparingTo(sum(original.lines()));
        assertThat(original.total()).as("seed=%d: total = subtotal - discounts + tax", seed)
                .isEqualTo(original.subtotal().minus(original.discounts()).plus(original.tax()));
    }

    // generators

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    /** A price with up to 9 decimals, as per-token prices have. */
    private static BigDecimal price(Random random) {
        return BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(10));
    }

    /** A usage quantity, sometimes zero, sometimes fractional. */
    private static BigDecimal quantity(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> BigDecimal.ZERO;
            case 1 -> BigDecimal.valueOf(random.nextInt(100_000), 2);
            default -> BigDecimal.valueOf(random.nextInt(5_000_000));
        };
    }

    private static BigDecimal between(Random random, BigDecimal low, BigDecimal high) {
        BigDecimal span = high.subtract(low);
        return low.add(span.multiply(BigDecimal.valueOf(random.nextInt(1_000_000) + 1, 6))).setScale(3,
                java.math.RoundingMode.CEILING).min(high);
    }

    private static Charge tieredCharge(Random random, PricingModel model) {
        int count = 1 + random.nextInt(5);
        List<dev.tokenbill.catalog.Tier> tiers = new ArrayList<>();
        BigDecimal bound = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            BigDecimal flat = random.nextBoolean() ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(10_000), 2);
            BigDecimal upTo = null;
            if (i < count - 1) {
                bound = bound.add(BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(2)));
                upTo = bound;
            }
            tiers.add(new dev.tokenbill.catalog.Tier(upTo, price(random), flat));
        }
        return new Charge("input_tokens", null, model, null, null, null, tiers, null, null, null);
    }

    private static List<BigDecimal> quantitiesAroundEdges(Random random, Charge charge) {
        TreeSet<BigDecimal> quantities = new TreeSet<>();
        quantities.add(BigDecimal.ZERO);
        BigDecimal last = BigDecimal.ZERO;
        for (dev.tokenbill.catalog.Tier tier : charge.tiers()) {
            if (!tier.unbounded()) {
                last = tier.upTo();
                quantities.add(last);
                quantities.add(last.add(new BigDecimal("0.01")));
                quantities.add(last.add(BigDecimal.ONE));
                quantities.add(last.subtract(new BigDecimal("0.01")).max(BigDecimal.ZERO));
            }
        }
        BigDecimal top = last.multiply(new BigDecimal("1.5")).add(BigDecimal.valueOf(1000));
        for (int k = 0; k < 30; k++) {
            quantities.add(between(random, BigDecimal.ZERO, top));
        }
        return new ArrayList<>(quantities);
    }

    private static Charge randomCharge(Random random, String meter, String model, PricingModel pricing) {
        BigDecimal longContext = random.nextBoolean() ? price(random) : null;
        BigDecimal offPeak = random.nextBoolean() ? price(random) : null;
        return switch (pricing) {
            case PER_UNIT -> new Charge(meter, model, pricing, price(random), null, null, null, null, longContext, offPeak);
            case PACKAGE -> new Charge(meter, model, pricing, null, BigDecimal.valueOf(1 + random.nextInt(1_000_000)),
                    price(random), null, null, longContext, offPeak);
            case GRADUATED, VOLUME -> {
                Charge tiered = tieredCharge(random, pricing);
                yield new Charge(meter, model, pricing, null, null, null, tiered.tiers(), null, longContext, offPeak);
            }
        };
    }

    private static Charge withQuota(Charge c, BigDecimal included) {
        return new Charge(c.meter(), c.model(), c.pricing(), c.unitPrice(), c.packageSize(), c.packagePrice(), c.tiers(),
                included, c.longContextUnitPrice(), c.offPeakUnitPrice());
    }

    private static Plan plan(Currency currency, RecurringFee fee, List<Charge> charges) {
        return new Plan("plan", "Plan", currency, BillingInterval.MONTHLY, BigDecimal.ONE, fee, null, charges,
                Map.<String, ModelConditions>of());
    }

    /** A plan with a fee, maybe a commitment, a generic charge per meter and maybe a model-specific one. */
    private static Plan randomPlan(Random random, String id, Currency currency) {
        List<Charge> charges = new ArrayList<>();
        for (String meter : METERS) {
            if (random.nextBoolean()) {
                charges.add(withQuota(randomCharge(random, meter, pick(random, MODELS), pick(random, List.of(PricingModel.values()))),
                        random.nextBoolean() ? BigDecimal.ZERO : quantity(random)));
            }
            charges.add(withQuota(randomCharge(random, meter, null, pick(random, List.of(PricingModel.values()))),
                    random.nextBoolean() ? BigDecimal.ZERO : quantity(random)));
        }
        RecurringFee fee = random.nextBoolean() ? null : new RecurringFee(
                BigDecimal.valueOf(random.nextInt(1_000_000), Money.minorUnits(currency)),
                random.nextBoolean() ? FeeTiming.IN_ADVANCE : FeeTiming.IN_ARREARS);
        BigDecimal commitment = random.nextBoolean() ? null
                : BigDecimal.valueOf(random.nextInt(1_000_000), Money.minorUnits(currency));
        return new Plan(id, id, currency, BillingInterval.MONTHLY, BigDecimal.ONE, fee, commitment, charges,
                Map.<String, ModelConditions>of());
    }

    /** Usage totals, with several totals for the same meter, model and condition now and then. */
    private static List<UsageTotal> randomUsage(Random random, String subscriptionId, Plan plan) {
        List<UsageTotal> usage = new ArrayList<>();
        int count = random.nextInt(15);
        for (int k = 0; k < count; k++) {
            usage.add(new UsageTotal(subscriptionId, pick(random, MODELS), pick(random, METERS),
                    pick(random, PRICE_CONDITIONS), quantity(random)));
        }
        return usage;
    }
}
