package dev.tokenbill.usage.pipeline;

import com.carrotsearch.hppc.ObjectIntHashMap;
import dev.tokenbill.usage.UsageClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The run's subscriptions numbered in usage_total's key order (customer id, then subscription id), and their
 * customers numbered in customer id order. Every process that reads the same customers and subscriptions numbers
 * them alike, so the numbers may stand for the strings in the spill files and a partition's sums, and sort as
 * they do.
 */
public final class SubscriptionIndex {

    /** Subscription id to number: HPPC's open addressing keeps no entry object or boxed number per subscription. */
    private final ObjectIntHashMap<String> numbers;
    private final String[] subscriptionIds;
    private final String[] customerIds;
    /** Per subscription number, its customer's number. */
    private final int[] customerOf;

    /** @param pairs (customer id, subscription id) of every subscription, in any order (sorted here) */
    SubscriptionIndex(List<String[]> pairs) {
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        numbers = new ObjectIntHashMap<>(pairs.size());
        subscriptionIds = new String[pairs.size()];
        customerOf = new int[pairs.size()];
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            String[] pair = pairs.get(i);
            if (customers.isEmpty() || !customers.get(customers.size() - 1).equals(pair[0])) {
                customers.add(pair[0]);
            }
            customerOf[i] = customers.size() - 1;
            subscriptionIds[i] = pair[1];
            if (numbers.containsKey(pair[1])) {
                throw new IllegalArgumentException("subscription " + pair[1] + " appears twice");
            }
            numbers.put(pair[1], i);
        }
        customerIds = customers.toArray(String[]::new);
    }

    public static SubscriptionIndex of(UsageClassifier classifier) {
        List<String[]> pairs = new ArrayList<>();
        classifier.forEachSubscription((customerId, subscriptionId) -> pairs.add(new String[] {customerId, subscriptionId}));
        return new SubscriptionIndex(pairs);
    }

    /** The number of a subscription the classifier accepted a row for. */
    int number(String customerId, String subscriptionId) {
        int number = numbers.getOrDefault(subscriptionId, -1);
        if (number < 0 || !customerIds[customerOf[number]].equals(customerId)) {
            throw new IllegalStateException("usage row of subscription " + subscriptionId + " of customer " + customerId
                    + ", which the run does not know (a bug: the classifier accepted it)");
        }
        return number;
    }

    int customer(int subscription) {
        return customerOf[subscription];
    }

    int customerCount() {
        return customerIds.length;
    }

    String customerId(int customer) {
        return customerIds[customer];
    }

    String subscriptionId(int subscription) {
        return subscriptionIds[subscription];
    }

    String customerIdOf(int subscription) {
        return customerIds[customerOf[subscription]];
    }
}
