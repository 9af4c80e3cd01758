package dev.tokenbill.usage;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import com.google.common.primitives.Longs;
import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.ModelConditions;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.period.BillingPeriod;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
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
    /** usage_total.quantity is numeric(38, 12): a larger quantity would fail the whole chunk's insert. */
    private static final int MAX_INTEGER_DIGITS = 26;
    private static final int MAX_DECIMALS = 12;

    private static final HashFunction MURMUR = Hashing.murmur3_128();

    private final Catalog catalog;
    private final BillingPeriod period;
    private final boolean zoneIsUtc;
    private final Map<String, List<Subscription>> subscriptionsByCustomer;
    private final Map<String, Plan> plans = new HashMap<>();
    /** Per plan id, the days its prices change: an event carries the latest one on or before its day. */
    private final Map<String, NavigableSet<LocalDate>> priceDates = new HashMap<>();
    private final Set<String> finalPeriods;

    public UsageClassifier(Catalog catalog, BillingPeriod period, Map<String, List<Subscription>> subscriptionsByCustomer) {
        this(catalog, period, subscriptionsByCustomer, Set.of());
    }

    /**
     * @param finalPeriods labels of the periods of the run's interval that are already billed final: a row of one of
     *     them that its final would have accepted is {@link RowStatus#LATE} rather than out of period
     */
    public UsageClassifier(Catalog catalog, BillingPeriod period, Map<String, List<Subscription>> subscriptionsByCustomer,
            Set<String> finalPeriods) {
        this.catalog = catalog;
        this.finalPeriods = Set.copyOf(finalPeriods);
        this.period = period;
        this.zoneIsUtc = catalog.billingZone().normalized().equals(ZoneOffset.UTC);
        this.subscriptionsByCustomer = Map.copyOf(subscriptionsByCustomer);
        for (List<Subscription> list : subscriptionsByCustomer.values()) {
            for (Subscription s : list) {
                Plan plan = plans.computeIfAbsent(s.planId(), id -> catalog.plan(id).orElseThrow());
                priceDates.computeIfAbsent(plan.id(), id -> plan.priceChangeDates());
            }
        }
    }

    public BillingPeriod period() {
        return period;
    }

    /** Every subscription the classifier bills to, as (customer id, subscription id), in no particular order. */
    public void forEachSubscription(java.util.function.BiConsumer<String, String> consumer) {
        subscriptionsByCustomer.values().forEach(list -> list.forEach(s -> consumer.accept(s.customerId(), s.id())));
    }

    /** The label of the period of the run's interval that holds this day: its month (2026-10) or the day itself. */
    public String periodLabel(LocalDate day) {
        return period.interval() == dev.tokenbill.catalog.BillingInterval.MONTHLY
                ? java.time.YearMonth.from(day).toString() : day.toString();
    }

    /**
     * The map form of {@link #classify(String, long, String[], UsageColumns)}, for tests and tools.
     *
     * @param cells the row's cells by column name, in header order
     * @param meterColumns the header's meter columns, in header order
     */
    public ClassifiedRow classify(String file, long line, Map<String, String> cells, boolean cellCountOk,
            List<String> meterColumns, String raw) {
        UsageColumns columns = UsageColumns.of(List.copyOf(cells.keySet()), meterColumns);
        return classify(file, line, cells.values().toArray(String[]::new), columns, cellCountOk, raw);
    }

    /**
     * Classifies one record of a usage file with the given header layout. Only a rejected row
     * keeps its raw record (its cells joined by commas).
     */
    public ClassifiedRow classify(String file, long line, String[] cells, UsageColumns columns) {
        return classify(file, line, cells, columns, cells.length == columns.width(), null);
    }

    private ClassifiedRow classify(String file, long line, String[] cells, UsageColumns columns, boolean cellCountOk,
            String rawText) {
        String eventId = columns.eventId < cells.length ? cells[columns.eventId].strip() : "";
        if (!cellCountOk) {
            return reject(file, line, "wrong number of columns", rawText, cells, eventId);
        }
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].length() > MAX_FIELD) {
                return reject(file, line, "field " + columns.names.get(i) + " is longer than " + MAX_FIELD
                        + " characters", rawText, cells, "");
            }
        }
        if (eventId.isEmpty()) {
            return reject(file, line, "missing event_id", rawText, cells, eventId);
        }
        Instant timestamp;
        LocalDate day;
        String timestampText = cells[columns.timestamp];
        try {
            timestamp = Timestamps.parse(timestampText.strip());
            day = zoneIsUtc ? LocalDate.ofEpochDay(Math.floorDiv(timestamp.getEpochSecond(), 86_400))
                    : timestamp.atZone(catalog.billingZone()).toLocalDate();
        } catch (DateTimeException e) {
            // also a well-formed instant outside the calendar's range, e.g. +999999999-12-31T23:59:59-18:00
            return reject(file, line, "timestamp '" + timestampText
                    + "' is not an ISO-8601 instant such as 2026-10-05T13:45:12.345Z", rawText, cells, eventId);
        }
        Map<String, BigDecimal> meters = new LinkedHashMap<>();
        for (int m = 0; m < columns.meters.length; m++) {
            String meter = columns.meters[m];
            int index = columns.meterIndex[m];
            String text = index < 0 ? "" : cells[index].strip();
            if (text.isEmpty()) {
                continue;
            }
            BigDecimal quantity;
            try {
                quantity = isShortDigits(text) ? BigDecimal.valueOf(Long.parseLong(text)) : new BigDecimal(text);
            } catch (NumberFormatException e) {
                return reject(file, line, meter + " '" + text + "' is not a number", rawText, cells, eventId);
            }
            if (quantity.signum() < 0) {
                return reject(file, line, meter + " " + text + " is negative", rawText, cells, eventId);
            }
            if (quantity.signum() > 0 && (long) quantity.precision() - quantity.scale() > MAX_INTEGER_DIGITS) {
                return reject(file, line, meter + " " + text + " is too large (more than "
                        + MAX_INTEGER_DIGITS + " digits before the decimal point)", rawText, cells, eventId);
            }
            if (quantity.signum() > 0 && quantity.scale() > MAX_DECIMALS
                    && quantity.stripTrailingZeros().scale() > MAX_DECIMALS) {
                return reject(file, line, meter + " " + text + " has more than " + MAX_DECIMALS
                        + " decimals", rawText, cells, eventId);
            }
            if (quantity.signum() > 0) {
                meters.put(meter, quantity);
            }
        }
        ContentHash hash = hash(cells, columns);
        String customerId = cells[columns.customerId].strip();
        String model = cells[columns.model].strip();
        boolean late = false;
        if (day.isBefore(period.start()) || !day.isBefore(period.end())) {
            late = !finalPeriods.isEmpty() && finalPeriods.contains(periodLabel(day));
            if (!late) {
                return outOfPeriod(file, line, eventId, hash, customerId, null, model, day, meters);
            }
        }
        // a row of a final period is late only if that final would have billed it; otherwise it stays out of
        // period, as before: its final rejected it (or would), and rejecting it again in every later run is noise
        List<Subscription> subscriptions = subscriptionsByCustomer.get(customerId);
        if (subscriptions == null) {
            return late ? outOfPeriod(file, line, eventId, hash, customerId, null, model, day, meters)
                    : reject(file, line, "unknown customer '" + customerId + "'", rawText, cells, eventId);
        }
        Subscription subscription = null;
        for (Subscription s : subscriptions) {
            if (s.activeOn(day)) {
                subscription = s;
                break;
            }
        }
        if (subscription == null) {
            return late ? outOfPeriod(file, line, eventId, hash, customerId, null, model, day, meters)
                    : reject(file, line, "customer '" + customerId + "' has no active subscription on " + day, rawText,
                            cells, eventId);
        }
        Plan plan = plans.get(subscription.planId());
        if (plan.interval() != period.interval()) {
            return outOfPeriod(file, line, eventId, hash, customerId, subscription.id(), model, day, meters);
        }
        if (!plan.pricesModel(model)) {
            return late ? outOfPeriod(file, line, eventId, hash, customerId, subscription.id(), model, day, meters)
                    : reject(file, line, "model '" + model + "' is not priced by plan " + plan.id(), rawText, cells,
                            eventId);
        }
        if (plan.pricesMeter(REQUESTS)) {
            meters.put(REQUESTS, BigDecimal.ONE);
        }
        for (String meter : meters.keySet()) {
            if (plan.chargeFor(meter, model).isEmpty()) {
                return late ? outOfPeriod(file, line, eventId, hash, customerId, subscription.id(), model, day, meters)
                        : reject(file, line, "meter " + meter + " of model '" + model + "' is not priced by plan "
                                + plan.id(), rawText, cells, eventId);
            }
        }
        if (late) {
            return new ClassifiedRow(file, line, RowStatus.LATE, null, null, eventId, hash, customerId,
                    subscription.id(), model, day, null, meters);
        }
        ModelConditions conditions = plan.conditionsOf(model);
        PriceCondition condition = conditions.classify(timestamp, meters);
        NavigableSet<LocalDate> changes = priceDates.get(plan.id());
        if (!changes.isEmpty()) {
            condition = condition.withPriceDate(changes.floor(day));
        }
        // the subscription's own strings: every row of a subscription shares them (cheap to hash and compare)
        return new ClassifiedRow(file, line, RowStatus.ACCEPTED, null, null, eventId, hash, subscription.customerId(),
                subscription.id(), model, day, condition, meters);
    }

    private static ClassifiedRow outOfPeriod(String file, long line, String eventId, ContentHash hash, String customerId,
            String subscriptionId, String model, LocalDate day, Map<String, BigDecimal> meters) {
        return new ClassifiedRow(file, line, RowStatus.OUT_OF_PERIOD, null, null, eventId, hash, customerId,
                subscriptionId, model, day, null, meters);
    }

    /** Plain digits that fit a long (token counts, mostly): parsed without BigDecimal's general parser. */
    private static boolean isShortDigits(String text) {
        int n = text.length();
        if (n > 18) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A rejected row; its raw record is the given text or else the cells joined by commas (rejects only: cheap enough). */
    private static ClassifiedRow reject(String file, long line, String reason, String rawText, String[] cells, String eventId) {
        return ClassifiedRow.rejected(file, line, reason, rawText != null ? rawText : String.join(",", cells), eventId);
    }

    /**
     * Murmur3 128 of the row's cells in column-name order (name, U+0000, stripped value, U+0001 for
     * each): equal hashes mean an exact duplicate.
     */
    private static ContentHash hash(String[] cells, UsageColumns columns) {
        StringBuilder content = new StringBuilder(128);
        for (int i : columns.hashOrder) {
            content.append(columns.names.get(i)).append('\u0000').append(cells[i].strip()).append('\u0001');
        }
        byte[] bytes = MURMUR.hashBytes(content.toString().getBytes(StandardCharsets.UTF_8)).asBytes();
        return new ContentHash(Longs.fromBytes(bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]),
                Longs.fromBytes(bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]));
    }
}
