package dev.tokenbill.usage.pipeline;

import com.carrotsearch.hppc.IntIntHashMap;
import com.carrotsearch.hppc.LongIntHashMap;
import dev.tokenbill.catalog.PriceCondition;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sums of one sumUsage partition: each bucket it de-duplicates adds its accepted rows here, and the partition
 * writes them after its last bucket (or in several runs, below), in usage_total's key order
 * ({@link UsageMerge#KEY_ORDER}), with the requests per customer and day in customer id order. So checkUsage merges
 * one sorted run per partition (or a few), not one per bucket: with buckets by event id every bucket holds rows of
 * nearly every customer, and at 10M events 50 per-bucket runs held 7.5 million rows for 600,000 totals.
 *
 * <p>A key is the subscription's number ({@link SubscriptionIndex}: it sorts as customer id then subscription id)
 * with the partition's own numbers of the model and the price condition, packed in a long; sums are kept per key
 * and meter in arrays ({@link MeterSums}), exact. Memory per key: the table's slot and the meters' longs, no
 * object; requests per day: two bytes per customer and day of the period, the bits above 16 of a busier day in a
 * small table (a table of all customer-days took six to twelve times that at 10M events of 100,000 customers, where
 * nearly every customer has rows on most days).
 *
 * <p>The sums' memory is bounded by a budget, not by the number of keys: when a bucket leaves their arrays over half
 * of it (the next bucket may double one of them), they are written as one sorted run ({@code s<first bucket>-<n>})
 * and start afresh; the day counts go out with the partition's last run only. checkUsage merges every run. A big
 * heap gives one run per partition, a small one a few.
 */
public final class PartitionSums {

    private static final int MAX_NAMES = 1 << 10;

    private final SubscriptionIndex subscriptions;
    private final int days;
    private final List<String> meters;
    private final Names<String> models = new Names<>();
    private final Names<PriceCondition> conditions = new Names<>();
    /** Packed key (subscription, model, condition) to its slot. */
    private LongIntHashMap slots;
    private long[] keyOfSlot;
    private MeterSums sums;
    /**
     * Accepted rows per customer number times days plus day, the low 16 bits; grows to the customers that have rows.
     * Two bytes, not four: at 1,000,000 customers an int per customer-day took 124 MB in each running partition.
     */
    private char[] requests = new char[0];
    /** The bits above the low 16 of the customer-days that passed 65,535 rows (few or none). */
    private final IntIntHashMap requestsHigh = new IntIntHashMap();
    private final Path staging;
    private final int firstBucket;
    private final long budgetBytes;
    private int runs;

    /**
     * Sums of the partition whose first bucket is {@code firstBucket}; its runs of an earlier attempt (a restart)
     * are deleted here.
     *
     * @param meters the meter names of every range (each range's numbers map onto these by name)
     * @param budgetBytes about how much heap the sums may take before they are written as a run
     */
    public PartitionSums(SubscriptionIndex subscriptions, int days, List<String> meters, Path staging, int firstBucket,
            long budgetBytes) throws IOException {
        this.subscriptions = subscriptions;
        this.days = days;
        this.meters = List.copyOf(meters);
        this.staging = staging;
        this.firstBucket = firstBucket;
        this.budgetBytes = budgetBytes;
        for (Path run : runFiles(staging)) {
            if (run.getFileName().toString().startsWith("s" + firstBucket + "-")) {
                Files.delete(run);
            }
        }
        clear();
    }

    /**
     * A quarter of the heap shared by the partitions that run at once (each also holds a bucket's event ids and its
     * day counts).
     */
    public static long budget(int threads) {
        return Runtime.getRuntime().maxMemory() / 4 / Math.max(1, threads);
    }

    /** The sums runs of every partition under {@code staging}, in name order. */
    static List<Path> runFiles(Path staging) throws IOException {
        try (Stream<Path> files = Files.list(staging)) {
            return files.filter(f -> RUN_NAME.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
    }

    private static final Pattern RUN_NAME = Pattern.compile("s\\d+-\\d+");

    private void clear() {
        slots = new LongIntHashMap();
        keyOfSlot = new long[1024];
        sums = new MeterSums(0, meters.size());
    }

    /** The heap the sums' arrays take (their capacity: the key table, the packed keys, the meters' sums). */
    public long bytes() {
        return slots.keys.length * 8L + slots.values.length * 4L + keyOfSlot.length * 8L + sums.bytes();
    }

    /** The heap the day counts take (two bytes per customer and day, up to the last customer with rows). */
    public long requestBytes() {
        return requests.length * 2L + requestsHigh.keys.length * 8L;
    }

    /**
     * After a bucket: writes the sums as a run if their arrays take more than half the budget. The day counts stay
     * (their array does not shrink when written) and go out with the last run only: at 1,000,000 customers each of
     * 17 runs of a partition carried every customer's days.
     */
    public void bucketDone() throws IOException {
        if (slots.size() > 0 && bytes() > budgetBytes / 2) {
            writeRun(false);
        }
    }

    /** After the partition's last bucket: writes what is left as a run; returns the partition's runs. */
    public int finish() throws IOException {
        if (slots.size() > 0 || requests.length > 0) { // day counts left even when no sums are
            writeRun(true);
        }
        return runs;
    }

    /** The number of a meter name among this partition's meters. */
    int meter(String name) {
        int m = meters.indexOf(name);
        if (m < 0) {
            throw new IllegalArgumentException("meter " + name + " is not among the ranges' meters " + meters);
        }
        return m;
    }

    /** The partition's number of a model name (a range's model numbers map onto these by name). */
    int model(String name) {
        return models.number(name);
    }

    /**
     * The slot of an accepted row's key; counts the row's request on its day.
     *
     * @param subscription the subscription's number in the {@link SubscriptionIndex}
     * @param model the partition's number of the model ({@link #model})
     */
    int key(int subscription, int model, PriceCondition condition, int day) {
        long packed = ((long) subscription << 32) | ((long) model << 16) | conditions.number(condition);
        int slot = slots.getOrDefault(packed, -1);
        if (slot < 0) {
            slot = slots.size();
            slots.put(packed, slot);
            if (slot == keyOfSlot.length) {
                keyOfSlot = Arrays.copyOf(keyOfSlot, slot * 2);
            }
            keyOfSlot[slot] = packed;
            sums.ensureKeys(slot + 1);
        }
        int customerDay = subscriptions.customer(subscription) * days + day;
        if (customerDay >= requests.length) {
            requests = Arrays.copyOf(requests, Math.max(customerDay + 1,
                    Math.min(subscriptions.customerCount() * days, Math.max(requests.length * 2, 1 << 16))));
        }
        if (++requests[customerDay] == 0) {
            requestsHigh.addTo(customerDay, 1);
        }
        return slot;
    }

    void add(int slot, int meter, long units) {
        sums.add(slot, meter, units);
    }

    void add(int slot, int meter, BigDecimal quantity) {
        sums.add(slot, meter, quantity);
    }

    /**
     * Writes the sums (usage_total's key order) as the next run, with the requests per day (customer id order) if
     * {@code last}, else with none.
     */
    private void writeRun(boolean last) throws IOException {
        StagingFiles.writeAtomically(staging.resolve("s" + firstBucket + "-" + runs), out -> {
            writeTotals(out);
            if (last) {
                writeDaily(out);
            } else {
                out.writeInt(days);
                out.writeInt(0);
            }
        });
        runs++;
        clear();
    }

    private void writeTotals(DataOutputStream out) throws IOException {
        int[] modelRank = models.ranks(Comparator.naturalOrder());
        int[] conditionRank = conditions.ranks(Comparator.comparing(PriceCondition::name));
        int[] meterRank = ranks(meters, Comparator.naturalOrder());
        int[] meterOfRank = inverse(meterRank);
        int[] modelOfRank = inverse(modelRank);
        int[] conditionOfRank = inverse(conditionRank);
        // one sortable long per key: subscription (its number sorts as customer, subscription), then the ranks of
        // model and condition; the meters follow in name order within a key, which precedes condition in the order
        long[] order = new long[slots.size()];
        for (int slot = 0; slot < order.length; slot++) {
            long packed = keyOfSlot[slot];
            order[slot] = (packed >>> 32 << 32) | ((long) modelRank[(int) (packed >>> 16) & 0xFFFF] << 16)
                    | conditionRank[(int) packed & 0xFFFF];
        }
        Arrays.sort(order);
        out.writeInt(countTotals());
        // usage_total's order is customer, subscription, model, meter, condition: keys equal but for the condition
        // are written meter by meter
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j < order.length && order[j] >>> 16 == order[i] >>> 16) {
                j++;
            }
            long head = order[i];
            int subscription = (int) (head >>> 32);
            int model = modelOfRank[(int) (head >>> 16) & 0xFFFF];
            for (int rank = 0; rank < meters.size(); rank++) {
                int meter = meterOfRank[rank];
                for (int k = i; k < j; k++) {
                    int condition = conditionOfRank[(int) order[k] & 0xFFFF];
                    int slot = slots.get(((long) subscription << 32) | ((long) model << 16) | condition);
                    if (sums.used(slot, meter)) {
                        StagingFiles.string(out, subscriptions.customerIdOf(subscription));
                        StagingFiles.string(out, subscriptions.subscriptionId(subscription));
                        StagingFiles.string(out, models.name(model));
                        StagingFiles.condition(out, conditions.name(condition));
                        StagingFiles.string(out, meters.get(meter));
                        StagingFiles.string(out, sums.sum(slot, meter).toString());
                    }
                }
            }
            i = j;
        }
    }

    private int countTotals() {
        int count = 0;
        for (int slot = 0; slot < slots.size(); slot++) {
            for (int meter = 0; meter < meters.size(); meter++) {
                if (sums.used(slot, meter)) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Per customer with requests (customer id order): its id, the days with requests, and (day, requests) pairs. */
    private void writeDaily(DataOutputStream out) throws IOException {
        int customers = 0;
        for (int c = 0; c * days < requests.length; c++) {
            customers += usedDays(c) > 0 ? 1 : 0;
        }
        out.writeInt(days);
        out.writeInt(customers);
        for (int c = 0; c * days < requests.length; c++) {
            int used = usedDays(c);
            if (used == 0) {
                continue;
            }
            StagingFiles.string(out, subscriptions.customerId(c));
            out.writeShort(used);
            for (int d = 0; d < days && c * days + d < requests.length; d++) {
                int count = requests(c * days + d);
                if (count != 0) {
                    out.writeShort(d);
                    out.writeInt(count);
                }
            }
        }
    }

    private int usedDays(int customer) {
        int used = 0;
        for (int d = 0; d < days && customer * days + d < requests.length; d++) {
            used += requests(customer * days + d) != 0 ? 1 : 0;
        }
        return used;
    }

    private int requests(int customerDay) {
        return requestsHigh.isEmpty() ? requests[customerDay]
                : requests[customerDay] | requestsHigh.getOrDefault(customerDay, 0) << 16;
    }

    private static <T> int[] ranks(List<T> names, Comparator<? super T> order) {
        Integer[] sorted = new Integer[names.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i;
        }
        Arrays.sort(sorted, Comparator.comparing(names::get, order));
        int[] rank = new int[sorted.length];
        for (int r = 0; r < sorted.length; r++) {
            rank[sorted[r]] = r;
        }
        return rank;
    }

    private static int[] inverse(int[] permutation) {
        int[] inverse = new int[permutation.length];
        for (int i = 0; i < permutation.length; i++) {
            inverse[permutation[i]] = i;
        }
        return inverse;
    }

    /** The few models or price conditions a partition meets, numbered as met. */
    private static final class Names<T> {
        private final Map<T, Integer> numbers = new HashMap<>();
        private final List<T> names = new ArrayList<>();

        int number(T name) {
            Integer number = numbers.get(name);
            if (number != null) {
                return number;
            }
            if (names.size() == MAX_NAMES) {
                throw new IllegalStateException("more than " + MAX_NAMES + " models or price conditions in one usage"
                        + " partition: " + names.subList(0, 5) + "...");
            }
            numbers.put(name, names.size());
            names.add(name);
            return names.size() - 1;
        }

        T name(int number) {
            return names.get(number);
        }

        int[] ranks(Comparator<? super T> order) {
            return PartitionSums.ranks(names, order);
        }
    }
}
