package dev.tokenbill.usage;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates and classifies one usage row against the customers, subscriptions and catalog of the
 * run. It never throws for bad data: a bad row comes back REJECTED with a reason for people.
 * Thread-safe once built (read-only state).
 */
public final class UsageClassifier {

    public static final Set<String> REQUIRED = Set.of("event_id", "timestamp", "customer_id", "model");
    /** The built-in meter that counts events; it is billed only where a plan prices it. */
    public static final String REQUESTS = "requests";
    private static final int MAX_FIELD = 256;
    /** usage_meter.quantity is numeric(38, 12): a larger quantity would fail the whole chunk's insert. */
    private static final int MAX_INTEGER_DIGITS = 26;
    private static final int MAX_DECIMALS = 12;

    private final Catalog catalog;
    private final BillingPeriod period;
    private final Map<String, List<Subscription>> subscriptionsByCustomer;

    public UsageClassifier(Catalog catalog, BillingPeriod period, Map<String, List<Subscription>> subscriptionsByCustomer) {
        this.catalog = catalog;
        this.period = period;
        this.subscriptionsByCustomer = Map.copyOf(subscriptionsByCustomer);
    }

    /**
     * @param cells the row's cells by column name
     * @param meterColumns the header's meter columns, in header order
     */
    public ClassifiedRow classify(String file, long line, Map<String, String> cells, boolean cellCountOk,
            List<String> meterColumns, String raw) {
        String eventId = cells.getOrDefault("event_id", "").strip();
        if (!cellCountOk) {
            return ClassifiedRow.rejected(file, line, "wrong number of columns", raw, eventId);
        }
        for (Map.Entry<String, String> cell : cells.entrySet()) {
            if (cell.getValue().length() > MAX_FIELD) {
                return ClassifiedRow.rejected(file, line, "field " + cell.getKey() + " is longer than " + MAX_FIELD
                        + " characters", raw, "");
            }
        }
        if (eventId.isEmpty()) {
            return ClassifiedRow.rejected(file, line, "missing event_id", raw, eventId);
        }
        Instant timestamp;
        LocalDate day;
        try {
            timestamp = OffsetDateTime.parse(cells.get("timestamp").strip()).toInstant();
            day = timestamp.atZone(catalog.billingZone()).toLocalDate();
        } catch (DateTimeException e) {
            // also a well-formed instant outside the calendar's range, e.g. +999999999-12-31T23:59:59-18:00
            return ClassifiedRow.rejected(file, line, "timestamp '" + cells.get("timestamp")
                    + "' is not an ISO-8601 instant such as 2026-10-05T13:45:12.345Z", raw, eventId);
        }
        Map<String, BigDecimal> meters = new LinkedHashMap<>();
        for (String meter : meterColumns) {
            String text = cells.getOrDefault(meter, "").strip();
            if (text.isEmpty()) {
                continue;
            }
            BigDecimal quantity;
            try {
                quantity = new BigDecimal(text);
            } catch (NumberFormatException e) {
                return ClassifiedRow.rejected(file, line, meter + " '" + text + "' is not a number", raw, eventId);
            }
            if (quantity.signum() < 0) {
                return ClassifiedRow.rejected(file, line, meter + " " + text + " is negative", raw, eventId);
            }
            if (quantity.signum() > 0 && (long) quantity.precision() - quantity.scale() > MAX_INTEGER_DIGITS) {
                return ClassifiedRow.rejected(file, line, meter + " " + text + " is too large (more than "
                        + MAX_INTEGER_DIGITS + " digits before the decimal point)", raw, eventId);
            }
            if (quantity.signum() > 0 && quantity.stripTrailingZeros().scale() > MAX_DECIMALS) {
                return ClassifiedRow.rejected(file, line, meter + " " + text + " has more than " + MAX_DECIMALS
                        + " decimals", raw, eventId);
            }
            if (quantity.signum() > 0) {
                meters.put(meter, quantity);
            }
        }
        String hash = hash(cells);
        String customerId = cells.get("customer_id").strip();
        String model = cells.get("model").strip();
        if (!period.contains(timestamp, catalog.billingZone())) {
            return new ClassifiedRow(file, line, RowStatus.OUT_OF_PERIOD, null, raw, eventId, hash, customerId, null,
                    model, day, null, meters);
        }
        List<Subscription> subscriptions = subscriptionsByCustomer.get(customerId);
        if (subscriptions == null) {
            return ClassifiedRow.rejected(file, line, "unknown customer '" + customerId + "'", raw, eventId);
        }
        Subscription subscription = subscriptions.stream().filter(s -> s.activeOn(day)).findFirst().orElse(null);
        if (subscription == null) {
            return ClassifiedRow.rejected(file, line, "customer '" + customerId + "' has no active subscription on "
                    + day, raw, eventId);
        }
        Plan plan = catalog.plan(subscription.planId()).orElseThrow();
        if (plan.interval() != period.interval()) {
            return new ClassifiedRow(file, line, RowStatus.OUT_OF_PERIOD, null, raw, eventId, hash, customerId,
                    subscription.id(), model, day, null, meters);
        }
        if (!plan.pricesModel(model)) {
            return ClassifiedRow.rejected(file, line, "model '" + model + "' is not priced by plan " + plan.id(), raw,
                    eventId);
        }
        if (plan.pricesMeter(REQUESTS)) {
            meters.put(REQUESTS, BigDecimal.ONE);
        }
        for (String meter : meters.keySet()) {
            if (plan.chargeFor(meter, model).isEmpty()) {
                return ClassifiedRow.rejected(file, line, "meter " + meter + " of model '" + model
                        + "' is not priced by plan " + plan.id(), raw, eventId);
            }
        }
        ModelConditions conditions = plan.conditionsOf(model);
        PriceCondition condition = conditions.classify(timestamp, meters);
        return new ClassifiedRow(file, line, RowStatus.ACCEPTED, null, raw, eventId, hash, customerId, subscription.id(),
                model, day, condition, meters);
    }

    /** SHA-256 of the row's cells in column-name order: equal hashes mean an exact duplicate. */
    private static String hash(Map<String, String> cells) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            cells.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue().strip().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 1);
            });
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
