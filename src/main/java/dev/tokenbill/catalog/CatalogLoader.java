package dev.tokenbill.catalog;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.tokenbill.allocation.AllocationWeights;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates {@code catalog.yaml}. Every problem is a {@link CatalogException} naming the
 * file, the line and the problem; the loader never returns a partly valid catalog.
 */
public final class CatalogLoader {

    private static final Set<String> TOP = Set.of("seller", "billing_time_zone", "taxes", "plans", "coupons",
            "volume_discounts", "allocation");
    private static final Set<String> COUPON = Set.of("code", "type", "percent", "amount", "currency", "duration",
            "periods", "applies_to");
    private static final Set<String> VOLUME = Set.of("currency", "tiers");
    private static final Set<String> VOLUME_TIER = Set.of("from", "percent");
    private static final Set<String> ALLOCATION = Set.of("weights", "resource_meters", "usage_meters");
    private static final Set<String> WEIGHTS = Set.of("resource", "performance", "usage");
    private static final Set<String> COST_PLUS = Set.of("margin");
    private static final Set<String> SELLER = Set.of("name", "address", "tax_id", "email", "country", "bank",
            "payment_terms_days", "phone");
    private static final Set<String> BANK = Set.of("name", "iban", "bic", "account");
    private static final Set<String> TAX = Set.of("country", "rate", "name");
    private static final Set<String> PLAN = Set.of("id", "name", "currency", "interval", "performance_tier",
            "recurring_fee", "minimum_commitment", "minimum_commitment_covers", "charges", "models", "cost_plus",
            PromptBandsReader.BOUNDS, PromptBandsReader.METERS);
    private static final Set<String> FEE = Set.of("amount", "timing");
    private static final Set<String> CHARGE = Set.of("meter", "model", "pricing", "unit_price", "package_size",
            "package_price", "tiers", "included", "long_context_unit_price", "off_peak_unit_price", "minimum",
            "flat_fee_at_zero_usage", PromptBandsReader.PRICES, PriceChangesReader.KEY);
    private static final Set<String> TIER = Set.of("from", "up_to", "unit_price", "flat_fee");
    private static final Set<String> MODEL = Set.of("long_context_threshold", "off_peak", PromptBandsReader.BOUNDS,
            PromptBandsReader.METERS);
    private static final Set<String> WINDOW = Set.of("from", "to", "time_zone");

    private final String file;

    private CatalogLoader(String file) {
        this.file = file;
    }

    public static Catalog load(Path path) {
        String name = path.toString();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return load(name, reader);
        } catch (IOException e) {
            throw new CatalogException(name, 0, "cannot read the catalog: " + e.getMessage());
        }
    }

    public static Catalog load(String file, Reader reader) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            throw new CatalogException(file, e.getProblemMark().getLine() + 1, "not valid YAML: " + e.getProblem());
        } catch (RuntimeException e) {
            throw new CatalogException(file, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            // an empty file has no line of its own: name line 1, where the catalog should start
            throw new CatalogException(file, 1, "the catalog is empty");
        }
        return new CatalogLoader(file).catalog(new YamlNode(file, root));
    }

    private Catalog catalog(YamlNode root) {
        Map<String, YamlNode> top = root.mapping("the catalog", TOP);
        Seller seller = seller(required(root, top, "seller"));
        ZoneId zone = top.containsKey("billing_time_zone") ? zone(top.get("billing_time_zone")) : ZoneId.of("UTC");
        Map<String, TaxRate> taxes = new LinkedHashMap<>();
        if (top.containsKey("taxes")) {
            for (YamlNode node : top.get("taxes").sequence("taxes")) {
                TaxRate tax = tax(node);
                if (taxes.put(tax.country(), tax) != null) {
                    throw node.error("tax rate for country " + tax.country() + " is defined twice");
                }
            }
        }
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (YamlNode node : required(root, top, "plans").sequence("plans")) {
            Plan plan = plan(node);
            if (plans.put(plan.id(), plan) != null) {
                throw node.error("plan '" + plan.id() + "' is defined twice");
            }
        }
        if (plans.isEmpty()) {
            throw root.error("the catalog defines no plan");
        }
        Map<String, Coupon> coupons = new LinkedHashMap<>();
        if (top.containsKey("coupons")) {
            for (YamlNode node : top.get("coupons").sequence("coupons")) {
                Coupon coupon = coupon(node);
                if (coupons.put(coupon.code(), coupon) != null) {
                    throw node.error("coupon '" + coupon.code() + "' is defined twice");
                }
            }
        }
        List<VolumeDiscount> volume = new ArrayList<>();
        if (top.containsKey("volume_discounts")) {
            for (YamlNode node : top.get("volume_discounts").sequence("volume_discounts")) {
                VolumeDiscount discount = volumeDiscount(node);
                if (volume.stream().anyMatch(v -> v.currency().equals(discount.currency()))) {
                    throw node.error("a volume discount for " + discount.currency() + " is defined twice");
                }
                volume.add(discount);
            }
        }
        AllocationWeights allocation = top.containsKey("allocation") ? allocation(top.get("allocation"))
                : AllocationWeights.usageOnly();
        return new Catalog(seller, zone, plans, taxes, coupons, volume, allocation);
    }

    private Seller seller(YamlNode node) {
        Map<String, YamlNode> m = node.mapping("seller", SELLER);
        String country = null;
        if (m.containsKey("country")) {
            country = m.get("country").scalar("seller country");
            if (!country.matches("[A-Z]{2}")) {
                throw m.get("country").error("seller country must be an ISO 3166-1 alpha-2 code, got '" + country + "'");
            }
        }
        Seller.BankAccount bank = null;
        if (m.containsKey("bank")) {
            Map<String, YamlNode> b = m.get("bank").mapping("seller bank", BANK);
            String iban = text(b, "iban").replace(" ", "");
            if (!iban.isEmpty() && !iban.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}")) {
                throw b.get("iban").error("iban '" + iban + "' is not an IBAN (two letters, two check digits, up to 30"
                        + " letters or digits)");
            }
            if (iban.isEmpty() && text(b, "account").isEmpty()) {
                throw m.get("bank").error("seller bank needs an iban or an account");
            }
            bank = new Seller.BankAccount(text(b, "name"), iban, text(b, "bic"), text(b, "account"));
        }
        int terms = Seller.DEFAULT_PAYMENT_TERMS_DAYS;
        if (m.containsKey("payment_terms_days")) {
            BigDecimal days = m.get("payment_terms_days").decimal("payment_terms_days");
            if (days.signum() < 0 || days.stripTrailingZeros().scale() > 0 || days.compareTo(BigDecimal.valueOf(365)) > 0) {
                throw m.get("payment_terms_days").error("payment_terms_days must be a whole number of days from 0 to 365,"
                        + " got " + days.toPlainString());
            }
            terms = days.intValueExact();
        }
        return new Seller(required(node, m, "name").scalar("seller name"), text(m, "address"), text(m, "tax_id"),
                text(m, "email"), country, bank, terms, text(m, "phone"));
    }

    private TaxRate tax(YamlNode node) {
        Map<String, YamlNode> m = node.mapping("a tax rate", TAX);
        String country = required(node, m, "country").scalar("country");
        if (!country.matches("[A-Z]{2}")) {
            throw m.get("country").error("country must be an ISO 3166-1 alpha-2 code, got '" + country + "'");
        }
        BigDecimal rate = required(node, m, "rate").decimal("tax rate");
        if (rate.compareTo(BigDecimal.ONE) >= 0) {
            throw m.get("rate").error("tax rate is a fraction (0.19 for 19 %), got " + rate);
        }
        return new TaxRate(country, rate, m.containsKey("name") ? m.get("name").storedText("tax name", StoredLength.TAX_NAME)
                : "Tax");
    }

    private Plan plan(YamlNode node) {
        Map<String, YamlNode> m = node.mapping("a plan", PLAN);
        String id = required(node, m, "id").storedText("plan id", StoredLength.PLAN_ID);
        String where = "plan '" + id + "'";
        Currency currency = currency(required(node, m, "currency"));
        BillingInterval interval = enumValue(BillingInterval.class, required(node, m, "interval"), "interval");
        BigDecimal tier = m.containsKey("performance_tier") ? m.get("performance_tier").decimal("performance_tier")
                : BigDecimal.ONE;
        RecurringFee fee = null;
        if (m.containsKey("recurring_fee")) {
            YamlNode feeNode = m.get("recurring_fee");
            Map<String, YamlNode> f = feeNode.mapping("recurring_fee of " + where, FEE);
            BigDecimal amount = required(feeNode, f, "amount").decimal("recurring fee amount");
            FeeTiming timing = f.containsKey("timing") ? enumValue(FeeTiming.class, f.get("timing"), "timing")
                    : FeeTiming.IN_ARREARS;
            fee = new RecurringFee(amount, timing);
        }
        // a recurring fee is a price per unit of quantity (rounded once on its line, full precision);
        // a commitment is an amount per period, so it must be payable in the currency
        BigDecimal commitment = m.containsKey("minimum_commitment")
                ? m.get("minimum_commitment").amount("minimum_commitment", currency) : null;
        MinimumCommitmentBase base = MinimumCommitmentBase.USAGE;
        if (m.containsKey("minimum_commitment_covers")) {
            if (commitment == null) {
                throw m.get("minimum_commitment_covers").error("'minimum_commitment_covers' needs a minimum_commitment in "
                        + where);
            }
            base = enumValue(MinimumCommitmentBase.class, m.get("minimum_commitment_covers"), "minimum_commitment_covers");
        }
        Map<String, ModelConditions> models = new LinkedHashMap<>();
        PromptBands planBands = PromptBandsReader.planLevel(node, m);
        if (planBands != null) {
            models.put(ModelConditions.EVERY_MODEL, new ModelConditions(planBands, null));
        }
        if (m.containsKey("models")) {
            m.get("models").mapping("models of " + where, null)
                    .forEach((model, value) -> {
                        StoredLength.MODEL.problem("model name", model).ifPresent(problem -> {
                            throw value.error(problem);
                        });
                        if (model.isEmpty()) {
                            throw value.error("a model name must not be empty");
                        }
                        models.put(model, conditions(value, planBands));
                    });
        }
        List<Charge> charges = new ArrayList<>();
        YamlNode chargesNode = m.containsKey("charges") ? m.get("charges") : null;
        if (chargesNode != null && !chargesNode.isNull()) {
            for (YamlNode c : chargesNode.sequence("charges of " + where)) {
                Charge charge = charge(c, models, currency);
                for (Charge other : charges) {
                    if (other.meter().equals(charge.meter()) && java.util.Objects.equals(other.model(), charge.model())) {
                        throw c.error(where + " prices meter '" + charge.meter() + "'"
                                + (charge.model() == null ? "" : " of model '" + charge.model() + "'") + " twice");
                    }
                }
                charges.add(charge);
            }
            PromptBandsReader.checkSharedBandPrices(chargesNode.sequence("charges of " + where), charges, models);
        }
        BigDecimal margin = null;
        if (m.containsKey("cost_plus")) {
            YamlNode cp = m.get("cost_plus");
            margin = required(cp, cp.mapping("cost_plus of " + where, COST_PLUS), "margin").decimal("margin");
        }
        if (fee == null && charges.isEmpty() && margin == null) {
            throw node.error(where + " has neither a recurring fee, a usage charge nor cost_plus pricing");
        }
        String name = m.containsKey("name") ? m.get("name").storedText("plan name", StoredLength.PLAN_NAME) : id;
        return new Plan(id, name, currency, interval, tier, fee, commitment, charges, models, margin, base);
    }

    private Coupon coupon(YamlNode node) {
        Map<String, YamlNode> m = node.mapping("a coupon", COUPON);
        String code = required(node, m, "code").storedText("coupon code", StoredLength.COUPON_CODE);
        Coupon.Kind kind = enumValue(Coupon.Kind.class, required(node, m, "type"), "type");
        BigDecimal percent = null;
        BigDecimal amount = null;
        Currency currency = null;
        if (kind == Coupon.Kind.PERCENT) {
            percent = required(node, m, "percent").decimal("percent");
            if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw m.get("percent").error("percent must be at most 100, got " + percent.toPlainString());
            }
        } else {
            currency = currency(required(node, m, "currency"));
            amount = required(node, m, "amount").amount("coupon " + code + " amount", currency);
        }
        Coupon.Duration duration = enumValue(Coupon.Duration.class, required(node, m, "duration"), "duration");
        int periods = 0;
        if (duration == Coupon.Duration.REPEATING) {
            BigDecimal p = required(node, m, "periods").decimal("periods");
            if (p.signum() == 0 || p.stripTrailingZeros().scale() > 0) {
                throw m.get("periods").error("periods must be a whole number >= 1");
            }
            periods = p.intValueExact();
        }
        List<Coupon.Target> targets = new ArrayList<>();
        if (m.containsKey("applies_to")) {
            for (YamlNode t : m.get("applies_to").sequence("applies_to")) {
                String text = t.scalar("applies_to");
                if (text.startsWith("meter:") && text.length() > 6) {
                    targets.add(new Coupon.Target(Coupon.TargetKind.METER, text.substring(6)));
                } else {
                    Coupon.TargetKind target = enumValue(Coupon.TargetKind.class, t, "applies_to");
                    if (target == Coupon.TargetKind.METER) {
                        // a METER target without a name would fail at rating time, not here
                        throw t.error("applies_to 'meter' needs a meter name, such as meter:output_tokens");
                    }
                    targets.add(new Coupon.Target(target, null));
                }
            }
        }
        if (targets.isEmpty()) {
            targets.add(Coupon.Target.ALL);
        }
        return new Coupon(code, kind, percent, amount, currency, duration, periods, targets);
    }

    private VolumeDiscount volumeDiscount(YamlNode node) {
        Map<String, YamlNode> m = node.mapping("a volume discount", VOLUME);
        Currency currency = currency(required(node, m, "currency"));
        List<VolumeDiscount.Tier> tiers = new ArrayList<>();
        BigDecimal previous = null;
        for (YamlNode t : required(node, m, "tiers").sequence("tiers")) {
            Map<String, YamlNode> tm = t.mapping("a volume discount tier", VOLUME_TIER);
            BigDecimal from = required(t, tm, "from").amount("volume discount threshold 'from'", currency);
            BigDecimal percent = required(t, tm, "percent").decimal("percent");
            if (percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw tm.get("percent").error("percent must be at most 100");
            }
            if (previous != null && from.compareTo(previous) <= 0) {
                throw tm.get("from").error("volume discount tiers must be in increasing order of 'from'");
            }
            previous = from;
            tiers.add(new VolumeDiscount.Tier(from, percent));
        }
        return new VolumeDiscount(currency, tiers);
    }

    private AllocationWeights allocation(YamlNode node) {
        Map<String, YamlNode> m = node.mapping("allocation", ALLOCATION);
        YamlNode w = required(node, m, "weights");
        Map<String, YamlNode> wm = w.mapping("allocation weights", WEIGHTS);
        BigDecimal r = wm.containsKey("resource") ? wm.get("resource").decimal("resource") : BigDecimal.ZERO;
        BigDecimal p = wm.containsKey("performance") ? wm.get("performance").decimal("performance") : BigDecimal.ZERO;
        BigDecimal u = wm.containsKey("usage") ? wm.get("usage").decimal("usage") : BigDecimal.ZERO;
        if (r.add(p).add(u).compareTo(BigDecimal.ONE) != 0) {
            throw w.error("allocation weights must add up to 1, but resource " + r.toPlainString() + " + performance "
                    + p.toPlainString() + " + usage " + u.toPlainString() + " = " + r.add(p).add(u).toPlainString());
        }
        List<String> resource = meters(m, "resource_meters", List.of("gpu_seconds"));
        List<String> usage = meters(m, "usage_meters", List.of("input_tokens", "cached_input_tokens", "output_tokens"));
        return new AllocationWeights(r, p, u, resource, usage);
    }

    private static List<String> meters(Map<String, YamlNode> m, String key, List<String> fallback) {
        if (!m.containsKey(key)) {
            return fallback;
        }
        List<String> meters = new ArrayList<>();
        for (YamlNode n : m.get(key).sequence(key)) {
            meters.add(n.scalar(key));
        }
        return meters;
    }

    private ModelConditions conditions(YamlNode node, PromptBands planBands) {
        Map<String, YamlNode> m = node.mapping("model conditions", MODEL);
        PromptBands bands = PromptBandsReader.model(node, m, planBands);
        OffPeakWindow window = null;
        if (m.containsKey("off_peak")) {
            YamlNode w = m.get("off_peak");
            Map<String, YamlNode> wm = w.mapping("off_peak", WINDOW);
            LocalTime from = time(required(w, wm, "from"));
            LocalTime to = time(required(w, wm, "to"));
            if (from.equals(to)) {
                throw w.error("off_peak window is empty: from equals to");
            }
            window = new OffPeakWindow(from, to, wm.containsKey("time_zone") ? zone(wm.get("time_zone")) : ZoneId.of("UTC"));
        }
        return new ModelConditions(bands, window);
    }

    private Charge charge(YamlNode node, Map<String, ModelConditions> models, Currency currency) {
        Map<String, YamlNode> m = node.mapping("a charge", CHARGE);
        String meter = required(node, m, "meter").storedText("meter", StoredLength.METER);
        String model = m.containsKey("model") ? m.get("model").storedText("model", StoredLength.MODEL) : null;
        PricingModel pricing = enumValue(PricingModel.class, required(node, m, "pricing"), "pricing");
        BigDecimal unitPrice = null;
        BigDecimal packageSize = null;
        BigDecimal packagePrice = null;
        List<Tier> tiers = List.of();
        switch (pricing) {
            case PER_UNIT -> unitPrice = required(node, m, "unit_price").decimal("unit_price");
            case PACKAGE -> {
                packageSize = required(node, m, "package_size").decimal("package_size");
                if (packageSize.signum() == 0) {
                    throw m.get("package_size").error("package_size must be greater than zero");
                }
                packagePrice = required(node, m, "package_price").decimal("package_price");
            }
            case GRADUATED, VOLUME -> tiers = tiers(required(node, m, "tiers"), currency);
        }
        for (String key : List.of("unit_price", "package_size", "package_price", "tiers")) {
            if (m.containsKey(key) && !usedBy(pricing, key)) {
                throw m.get(key).error("'" + key + "' does not apply to pricing " + pricing.name().toLowerCase(Locale.ROOT));
            }
        }
        BigDecimal included = m.containsKey("included") ? m.get("included").decimal("included") : null;
        List<BigDecimal> bandPrices = PromptBandsReader.chargePrices(m, model, models);
        BigDecimal offPeak = conditionPrice(m, "off_peak_unit_price", model, models,
                c -> c.offPeak() != null, "off_peak window");
        ChargeMinimums minimums = minimums(m, pricing, currency);
        Charge charge = new Charge(meter, model, pricing, unitPrice, packageSize, packagePrice, tiers, included, bandPrices,
                offPeak, List.of(), minimums);
        if (!m.containsKey(PriceChangesReader.KEY)) {
            return charge;
        }
        return new Charge(meter, model, pricing, unitPrice, packageSize, packagePrice, tiers, included, bandPrices, offPeak,
                PriceChangesReader.read(m.get(PriceChangesReader.KEY), charge, m, models, currency), minimums);
    }

    private ChargeMinimums minimums(Map<String, YamlNode> m, PricingModel pricing, Currency currency) {
        BigDecimal minimum = m.containsKey("minimum") ? m.get("minimum").amount("minimum", currency) : null;
        boolean flatFeeAtZero = false;
        if (m.containsKey("flat_fee_at_zero_usage")) {
            YamlNode node = m.get("flat_fee_at_zero_usage");
            if (pricing != PricingModel.GRADUATED && pricing != PricingModel.VOLUME) {
                // only tiers have flat fees: on another pricing the key could only be a mistake
                throw node.error("'flat_fee_at_zero_usage' applies to graduated and volume pricing only, not "
                        + pricing.name().toLowerCase(Locale.ROOT));
            }
            flatFeeAtZero = node.bool("flat_fee_at_zero_usage");
        }
        return minimum == null && !flatFeeAtZero ? ChargeMinimums.NONE : new ChargeMinimums(minimum, flatFeeAtZero);
    }

    private BigDecimal conditionPrice(Map<String, YamlNode> m, String key, String model,
            Map<String, ModelConditions> models, java.util.function.Predicate<ModelConditions> defined, String what) {
        if (!m.containsKey(key)) {
            return null;
        }
        YamlNode node = m.get(key);
        if (model == null || !models.containsKey(model) || !defined.test(models.get(model))) {
            throw node.error("'" + key + "' needs a " + what + " under models." + (model == null ? "<model>" : model));
        }
        return node.decimal(key);
    }

    private static boolean usedBy(PricingModel pricing, String key) {
        return switch (pricing) {
            case PER_UNIT -> key.equals("unit_price");
            case PACKAGE -> key.equals("package_size") || key.equals("package_price");
            case GRADUATED, VOLUME -> key.equals("tiers");
        };
    }

    /** Tiers must be ordered, contiguous (an optional 'from' must equal the previous bound) and end unbounded. */
    static List<Tier> tiers(YamlNode node, Currency currency) {
        List<YamlNode> items = node.sequence("tiers");
        if (items.isEmpty()) {
            throw node.error("tiers must not be empty");
        }
        List<Tier> tiers = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            Map<String, YamlNode> m = item.mapping("a tier", TIER);
            boolean last = i == items.size() - 1;
            if (m.containsKey("from")) {
                BigDecimal from = m.get("from").decimal("from");
                int cmp = from.compareTo(previous);
                if (cmp != 0) {
                    throw m.get("from").error("tier " + (i + 1) + (cmp < 0 ? " overlaps" : " leaves a gap after")
                            + " the previous tier: it starts at " + from.toPlainString() + " but the previous tier ends at "
                            + previous.toPlainString());
                }
            }
            YamlNode upToNode = required(item, m, "up_to");
            BigDecimal upTo = upToNode.isNull() ? null : upToNode.decimal("up_to");
            if (upTo == null && !last) {
                throw upToNode.error("only the last tier may be unbounded (up_to: null)");
            }
            if (upTo != null && last) {
                throw upToNode.error("the last tier must be unbounded (up_to: null) so every quantity has a price");
            }
            if (upTo != null && upTo.compareTo(previous) <= 0) {
                throw upToNode.error("tiers must be in increasing order: up_to " + upTo.toPlainString()
                        + " is not above the previous bound " + previous.toPlainString());
            }
            BigDecimal price = required(item, m, "unit_price").decimal("unit_price");
            // a flat fee is charged whole, never multiplied: decimals the currency lacks can only be a mistake
            BigDecimal flat = m.containsKey("flat_fee") ? m.get("flat_fee").amount("flat_fee", currency) : BigDecimal.ZERO;
            tiers.add(new Tier(upTo, price, flat));
            previous = upTo;
        }
        return tiers;
    }

    private Currency currency(YamlNode node) {
        String code = node.scalar("currency");
        try {
            Currency currency = Currency.getInstance(code);
            if (code.length() == 3) {
                return currency;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw node.error("currency must be an ISO 4217 code such as USD, got '" + code + "'");
    }

    private ZoneId zone(YamlNode node) {
        String text = node.scalar("time zone");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw node.error("unknown time zone '" + text + "'");
        }
    }

    private LocalTime time(YamlNode node) {
        String text = node.scalar("time");
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw node.error("time must be HH:MM, got '" + text + "'");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, YamlNode node, String what) {
        String text = node.scalar(what);
        for (E value : type.getEnumConstants()) {
            if (value.name().equalsIgnoreCase(text)) {
                return value;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            allowed.add(value.name().toLowerCase(Locale.ROOT));
        }
        throw node.error(what + " must be one of " + String.join(", ", allowed) + ", got '" + text + "'");
    }

    private static YamlNode required(YamlNode parent, Map<String, YamlNode> m, String key) {
        YamlNode node = m.get(key);
        if (node == null) {
            throw parent.error("missing key '" + key + "'");
        }
        return node;
    }

    private static String text(Map<String, YamlNode> m, String key) {
        return m.containsKey(key) ? m.get(key).scalar(key) : "";
    }
}
