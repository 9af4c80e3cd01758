package dev.tokenbill.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogLoader;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.period.BillingPeriod;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Row-level validation of {@link UsageClassifier} with the sample catalog and the October 2026
 * monthly run: a bad row is REJECTED with a reason (never an exception), a row outside the run is
 * OUT_OF_PERIOD, a good row is ACCEPTED with its subscription, day, condition and non-zero meters.
 */
class UsageClassifierTest {

    private static final String FILE = "2026-10-a.csv";
    private static final List<String> METERS = List.of("input_tokens", "cached_input_tokens", "output_tokens",
            "gpu_seconds");

    private static Catalog catalog;
    private static Map<String, List<Subscription>> subscriptions;
    private static UsageClassifier october;

    @BeforeAll
    static void setUp() {
        catalog = CatalogLoader.load(Path.of("input/catalog.yaml"));
        subscriptions = Map.of(
                // payg-usd only from the 5th to the 19th (end exclusive)
                "acme", List.of(sub("s-acme", "acme", "payg-usd", "2026-10-05", "2026-10-20")),
                "pixel", List.of(sub("s-pixel", "pixel", "daily-starter-usd", "2026-08-20", null)),
                "kestrel", List.of(sub("s-kestrel", "kestrel", "dedicated-a100", "2026-05-01", null)),
                "parrot", List.of(sub("s-parrot-1", "parrot", "payg-usd", "2025-06-16", "2026-10-15"),
                        sub("s-parrot-2", "parrot", "pro-usd", "2026-10-15", null)));
        october = new UsageClassifier(catalog, BillingPeriod.parse("2026-10"), subscriptions);
    }

    private static Subscription sub(String id, String customer, String plan, String start, String end) {
        return new Subscription(id, customer, plan, LocalDate.parse(start), end == null ? null : LocalDate.parse(end), 1,
                null);
    }

    /** A valid row: acme, gpt-4o, 100 input and 10 output tokens on 2026-10-10. Override cells with key, value pairs. */
    private static Map<String, String> row(String... overrides) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("event_id", "evt-1");
        cells.put("timestamp", "2026-10-10T12:00:00.000Z");
        cells.put("customer_id", "acme");
        cells.put("model", "gpt-4o");
        cells.put("input_tokens", "100");
        cells.put("cached_input_tokens", "");
        cells.put("output_tokens", "10");
        cells.put("gpu_seconds", "");
        for (int i = 0; i < overrides.length; i += 2) {
            cells.put(overrides[i], overrides[i + 1]);
        }
        return cells;
    }

    private static ClassifiedRow classify(Map<String, String> cells) {
        return october.classify(FILE, 7, cells, true, METERS, String.join(",", cells.values()));
    }

    private static void assertRejected(ClassifiedRow row, String reason) {
        assertThat(row.status()).isEqualTo(RowStatus.REJECTED);
        assertThat(row.reason()).isEqualTo(reason);
        assertThat(row.file()).isEqualTo(FILE);
        assertThat(row.line()).isEqualTo(7);
        assertThat(row.raw()).isNotNull();
        assertThat(row.meters()).isEmpty();
    }

    @Test
    void testValidRow_IsAccepted() {
        ClassifiedRow row = classify(row());

        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.reason()).isNull();
        assertThat(row.eventId()).isEqualTo("evt-1");
        assertThat(row.customerId()).isEqualTo("acme");
        assertThat(row.subscriptionId()).isEqualTo("s-acme");
        assertThat(row.model()).isEqualTo("gpt-4o");
        assertThat(row.day()).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(row.condition()).isEqualTo(PriceCondition.STANDARD);
        assertThat(row.contentHash().hex()).hasSize(32);
        assertThat(row.meters()).containsOnlyKeys("input_tokens", "output_tokens");
        assertThat(row.meters().get("input_tokens")).isEqualByComparingTo("100");
    }

    @Test
    void testWrongColumnCount() {
        Map<String, String> cells = row();
        ClassifiedRow row = october.classify(FILE, 7, cells, false, METERS, "evt-1,2026-10-10T12:00:00Z,acme");

        assertRejected(row, "wrong number of columns");
        assertThat(row.eventId()).isEqualTo("evt-1");
    }

    @ParameterizedTest(name = "timestamp \"{0}\"")
    @ValueSource(strings = {"2026-10-05 13:45:12", "2026-10-05T13:45:12", "05/10/2026 13:45", "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z", "1791234567", "", "yesterday", "2026-10-05T25:00:00Z"})
    void testUnparsableTimestamp(String timestamp) {
        ClassifiedRow row = classify(row("timestamp", timestamp));

        assertRejected(row, "timestamp '" + timestamp + "' is not an ISO-8601 instant such as 2026-10-05T13:45:12.345Z");
        assertThat(row.eventId()).isEqualTo("evt-1");
    }

    @ParameterizedTest(name = "timestamp \"{0}\"")
    @ValueSource(strings = {"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00"})
    void testTimestampBeyondTheCalendar_IsRejectedNotThrown(String timestamp) {
        // valid ISO-8601 text whose instant has no date in the billing time zone
        assertRejected(classify(row("timestamp", timestamp)),
                "timestamp '" + timestamp + "' is not an ISO-8601 instant such as 2026-10-05T13:45:12.345Z");
    }

    @Test
    void testTimestampWithOffset_IsConvertedToTheBillingZone() {
        ClassifiedRow row = classify(row("timestamp", "2026-10-10T01:30:00+02:00"));

        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.day()).isEqualTo(LocalDate.parse("2026-10-09"));
    }

    @ParameterizedTest(name = "input_tokens \"{0}\"")
    @ValueSource(strings = {"-5", "-0.000001", "-1e3"})
    void testNegativeQuantity(String quantity) {
        assertRejected(classify(row("input_tokens", quantity)), "input_tokens " + quantity + " is negative");
    }

    @ParameterizedTest(name = "output_tokens \"{0}\"")
    @ValueSource(strings = {"12abc", "NaN", "Infinity", "1,000", "0x10", "1e", "--1", "one", "1 000"})
    void testNonNumericQuantity(String quantity) {
        assertRejected(classify(row("output_tokens", quantity)), "output_tokens '" + quantity + "' is not a number");
    }

    @ParameterizedTest(name = "input_tokens \"{0}\"")
    @ValueSource(strings = {"1e309", "1E+999999999", "1e2147483647", "100000000000000000000000000"})
    void testQuantityTooLargeToStore(String quantity) {
        assertRejected(classify(row("input_tokens", quantity)),
                "input_tokens " + quantity + " is too large (more than 26 digits before the decimal point)");
    }

    @ParameterizedTest(name = "input_tokens \"{0}\"")
    @ValueSource(strings = {"1e-20", "0.0000000000001", "1e-2147483647"})
    void testQuantityWithMoreDecimalsThanStored(String quantity) {
        assertRejected(classify(row("input_tokens", quantity)), "input_tokens " + quantity + " has more than 12 decimals");
    }

    @ParameterizedTest(name = "input_tokens \"{0}\"")
    @ValueSource(strings = {"99999999999999999999999999", "0.000000000001", "1.5000000000000000", "1e3", " 12 ", "+7",
            "0e-2147483647"})
    void testLargestAndSmallestStorableQuantities_AreAccepted(String quantity) {
        ClassifiedRow row = classify(row("input_tokens", quantity));

        assertThat(row.status()).as(row.reason()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void testUnknownCustomer() {
        ClassifiedRow row = classify(row("customer_id", "ghost"));

        assertRejected(row, "unknown customer 'ghost'");
        assertThat(row.eventId()).isEqualTo("evt-1");
    }

    @Test
    void testCustomerIdsAreCaseSensitive() {
        assertRejected(classify(row("customer_id", "ACME")), "unknown customer 'ACME'");
    }

    @Test
    void testModelNotPricedByThePlan() {
        assertRejected(classify(row("model", "gpt-5")), "model 'gpt-5' is not priced by plan payg-usd");
    }

    @Test
    void testDayBeforeTheSubscriptionStarts() {
        assertRejected(classify(row("timestamp", "2026-10-04T23:59:59.999Z")),
                "customer 'acme' has no active subscription on 2026-10-04");
    }

    @Test
    void testFirstDayOfTheSubscription_IsAccepted() {
        assertThat(classify(row("timestamp", "2026-10-05T00:00:00Z")).status()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void testOnTheExclusiveEndDate() {
        assertRejected(classify(row("timestamp", "2026-10-20T00:00:00Z")),
                "customer 'acme' has no active subscription on 2026-10-20");
    }

    @Test
    void testLastInstantBeforeTheEndDate_IsAccepted() {
        assertThat(classify(row("timestamp", "2026-10-19T23:59:59.999999999Z")).status()).isEqualTo(RowStatus.ACCEPTED);
    }

    @Test
    void testPlanChange_UsageGoesToTheSubscriptionOfItsDay() {
        ClassifiedRow before = classify(row("customer_id", "parrot", "timestamp", "2026-10-14T23:59:59Z"));
        ClassifiedRow after = classify(row("customer_id", "parrot", "timestamp", "2026-10-15T00:00:00Z"));

        assertThat(before.subscriptionId()).isEqualTo("s-parrot-1");
        assertThat(after.subscriptionId()).isEqualTo("s-parrot-2");
    }

    @Test
    void testMeterNotPricedByThePlanForTheModel() {
        assertRejected(classify(row("gpu_seconds", "30")),
                "meter gpu_seconds of model 'gpt-4o' is not priced by plan payg-usd");
    }

    @Test
    void testTokenMeterOnAGpuPlan() {
        assertRejected(classify(row("customer_id", "kestrel", "model", "llama-3.1-8b-dedicated", "input_tokens", "5",
                "output_tokens", "")), "meter input_tokens of model 'llama-3.1-8b-dedicated' is not priced by plan dedicated-a100");
    }

    @Test
    void testUnpricedMeterWithZero_IsAccepted() {
        ClassifiedRow row = classify(row("gpu_seconds", "0", "cached_input_tokens", "0.000"));

        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.meters()).containsOnlyKeys("input_tokens", "output_tokens");
    }

    @Test
    void testEmptyMeterCell_IsZero() {
        ClassifiedRow row = classify(row("input_tokens", "", "output_tokens", "  "));

        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.meters()).isEmpty();
    }

    @Test
    void testFieldLongerThan256Characters() {
        ClassifiedRow row = classify(row("model", "m".repeat(257)));

        assertRejected(row, "field model is longer than 256 characters");
    }

    @Test
    void testEventIdOf256Characters_IsAccepted() {
        ClassifiedRow row = classify(row("event_id", "e".repeat(256)));

        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.eventId()).hasSize(256);
    }

    @Test
    void testHugeEventId_IsRejectedWithoutKeepingIt() {
        ClassifiedRow row = classify(row("event_id", "e".repeat(100_000)));

        assertRejected(row, "field event_id is longer than 256 characters");
        assertThat(row.eventId()).isEmpty();
    }

    @ParameterizedTest(name = "event_id \"{0}\"")
    @ValueSource(strings = {"", "   ", "\t"})
    void testMissingEventId(String eventId) {
        assertRejected(classify(row("event_id", eventId)), "missing event_id");
    }

    @ParameterizedTest(name = "timestamp {0}")
    @ValueSource(strings = {"2026-09-30T23:59:59.999Z", "2026-11-01T00:00:00Z", "2026-10-01T00:30:00+01:00", "1970-01-01T00:00:00Z"})
    void testOutOfPeriod_IsNotRejected(String timestamp) {
        ClassifiedRow row = classify(row("timestamp", timestamp));

        assertThat(row.status()).isEqualTo(RowStatus.OUT_OF_PERIOD);
        assertThat(row.reason()).isNull();
        assertThat(row.eventId()).isEqualTo("evt-1");
        assertThat(row.contentHash()).isNotNull();
    }

    @Test
    void testDailyPlanEventInAMonthlyRun_IsOutOfPeriod() {
        ClassifiedRow row = classify(row("customer_id", "pixel", "model", "gpt-4o-mini"));

        assertThat(row.status()).isEqualTo(RowStatus.OUT_OF_PERIOD);
        assertThat(row.reason()).isNull();
        assertThat(row.subscriptionId()).isEqualTo("s-pixel");
    }

    @Test
    void testDailyPlanEventInADailyRun_IsAccepted() {
        UsageClassifier daily = new UsageClassifier(catalog, BillingPeriod.parse("2026-10-10"), subscriptions);

        ClassifiedRow pixel = daily.classify(FILE, 3, row("customer_id", "pixel", "model", "gpt-4o-mini"), true, METERS, "");
        ClassifiedRow acme = daily.classify(FILE, 4, row(), true, METERS, "");

        assertThat(pixel.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(acme.status()).as("monthly plan in a daily run").isEqualTo(RowStatus.OUT_OF_PERIOD);
    }

    @Test
    void testLongContextCondition() {
        ClassifiedRow row = classify(row("model", "claude-sonnet-4-5", "input_tokens", "200001"));

        assertThat(row.status()).isEqualTo(RowStatus.ACCEPTED);
        assertThat(row.condition()).isEqualTo(PriceCondition.LONG_CONTEXT);
    }

    @Test
    void testContentHash_SameForSameContent_DiffersForOtherContent() {
        List<Map.Entry<String, String>> entries = new ArrayList<>(row().entrySet());
        Collections.reverse(entries);
        Map<String, String> reordered = new LinkedHashMap<>();
        entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));

        ContentHash hash = classify(row()).contentHash();

        assertThat(classify(reordered).contentHash()).as("column order").isEqualTo(hash);
        assertThat(classify(row("input_tokens", " 100 ")).contentHash()).as("surrounding spaces").isEqualTo(hash);
        assertThat(classify(row("input_tokens", "101")).contentHash()).isNotEqualTo(hash);
        assertThat(classify(row("timestamp", "2026-10-10T12:00:00.001Z")).contentHash()).isNotEqualTo(hash);
    }

    @Test
    void testHostileText_IsRejectedWithAReason() {
        String hostile = "\u202Eacme\u0000\r\n=HYPERLINK(\"x\")";

        ClassifiedRow row = classify(row("customer_id", hostile));

        assertRejected(row, "unknown customer '" + hostile.strip() + "'");
    }
}
