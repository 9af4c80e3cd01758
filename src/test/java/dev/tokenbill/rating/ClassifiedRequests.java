package dev.tokenbill.rating;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.usage.ClassifiedRow;
import dev.tokenbill.usage.RowStatus;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.UsageTotal;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Requests classified by the real {@link UsageClassifier} (prompt band, off-peak, price date, as the
 * usage step does), summed per model, meter and condition like usage_total, and priced by
 * {@link UsageCharges}: the path of a billing run without the database. One subscription per plan,
 * for October 2026.
 */
final class ClassifiedRequests {

    static final List<String> METERS = List.of("input_tokens", "cached_input_tokens", "output_tokens");
    static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");

    private final Catalog catalog;
    private final Map<String, BigDecimal> totals = new LinkedHashMap<>();
    private final List<PriceCondition> conditions = new ArrayList<>();
    private int events;

    ClassifiedRequests(String catalogYaml) {
        this.catalog = CatalogLoader.load("catalog.yaml", new StringReader(catalogYaml));
    }

    Catalog catalog() {
        return catalog;
    }

    /** One request of {@code plan}'s customer: input, cached input and output tokens (empty = none). */
    ClassifiedRequests request(String planId, String model, String timestamp, String input, String cached, String output) {
        UsageClassifier classifier = new UsageClassifier(catalog, OCTOBER, Map.of(planId, List.of(subscription(planId))));
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("event_id", "evt-" + ++events);
        cells.put("timestamp", timestamp);
        cells.put("customer_id", planId);
        cells.put("model", model);
        cells.put("input_tokens", input);
        cells.put("cached_input_tokens", cached);
        cells.put("output_tokens", output);
        ClassifiedRow row = classifier.classify("usage.csv", events, cells, true, METERS, String.join(",", cells.values()));
        if (row.status() != RowStatus.ACCEPTED) {
            throw new AssertionError(row.status() + " " + row.reason());
        }
        conditions.add(row.condition());
        row.meters().forEach((meter, quantity) -> totals.merge(key(row.model(), meter, row.condition()), quantity,
                BigDecimal::add));
        return this;
    }

    /** The condition of each request, in order. */
    List<PriceCondition> conditions() {
        return conditions;
    }

    /** The usage lines of {@code planId} for the requests so far. */
    List<InvoiceLine> lines(String planId) {
        Plan plan = catalog.plan(planId).orElseThrow();
        List<UsageTotal> usage = new ArrayList<>();
        totals.forEach((key, quantity) -> {
            String[] parts = key.split("\u0000");
            usage.add(new UsageTotal(planId, parts[0], parts[1], PriceCondition.valueOf(parts[2]), quantity));
        });
        return UsageCharges.lines(subscription(planId), plan, usage);
    }

    /** The one line of {@code meter} whose condition has this stored name. */
    InvoiceLine line(String planId, String meter, String condition) {
        return lines(planId).stream()
                .filter(l -> l.meter().equals(meter) && Objects.equals(l.condition(), PriceCondition.valueOf(condition)))
                .reduce((a, b) -> {
                    throw new AssertionError("two " + meter + " " + condition + " lines");
                })
                .orElseThrow(() -> new AssertionError("no " + meter + " " + condition + " line in " + lines(planId)));
    }

    private static String key(String model, String meter, PriceCondition condition) {
        return model + "\u0000" + meter + "\u0000" + condition.name();
    }

    private static Subscription subscription(String planId) {
        return new Subscription(planId, planId, planId, LocalDate.parse("2026-01-01"), null, 1, null);
    }
}
