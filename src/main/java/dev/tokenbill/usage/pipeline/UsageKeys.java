package dev.tokenbill.usage.pipeline;

import dev.tokenbill.catalog.PriceCondition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the aggregation keys and meter names a bucket of pass 2 meets, so its sums are kept in
 * arrays. The numbers are the bucket's own and never leave it (its result file holds the keys).
 */
final class UsageKeys {

    /**
     * An aggregation key and its number. Rows of one subscription share its id and customer id
     * strings, so equality tries identity first; the number is not part of equality.
     */
    static final class Key {
        private final String customerId;
        private final String subscriptionId;
        private final String model;
        private final PriceCondition condition;
        private int id = -1;
        private int customer = -1;

        Key(String customerId, String subscriptionId, String model, PriceCondition condition) {
            this.customerId = customerId;
            this.subscriptionId = subscriptionId;
            this.model = model;
            this.condition = condition;
        }

        String customerId() {
            return customerId;
        }

        String subscriptionId() {
            return subscriptionId;
        }

        String model() {
            return model;
        }

        PriceCondition condition() {
            return condition;
        }

        /** The number of the key's customer (see {@link UsageKeys#customerCount}). */
        int customer() {
            return customer;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && (condition == k.condition || condition.equals(k.condition))
                    && (subscriptionId == k.subscriptionId || subscriptionId.equals(k.subscriptionId))
                    && model.equals(k.model) && (customerId == k.customerId || customerId.equals(k.customerId));
        }

        @Override
        public int hashCode() {
            return (subscriptionId.hashCode() * 31 + model.hashCode()) * 31 + condition.hashCode();
        }
    }

    private final Map<Key, Key> keyIds = new ConcurrentHashMap<>();
    private final List<Key> keys = new ArrayList<>();
    /** Model names are few: a new key takes the model string already held, not the row's copy. */
    private final Map<String, String> models = new ConcurrentHashMap<>();
    private final Map<String, Integer> customerIds = new HashMap<>();
    private int customers;
    private final Map<String, Integer> meterIds = new ConcurrentHashMap<>();
    private final List<String> meters = new ArrayList<>();

    int key(String customerId, String subscriptionId, String model, PriceCondition condition) {
        Key found = keyIds.get(new Key(customerId, subscriptionId, model, condition));
        if (found != null) {
            return found.id;
        }
        synchronized (keys) {
            Key key = new Key(customerId, subscriptionId, models.computeIfAbsent(model, m -> m), condition);
            Key existing = keyIds.get(key);
            if (existing != null) {
                return existing.id;
            }
            // numbered before it is published: a thread that finds it in the map sees its numbers
            key.id = keys.size();
            key.customer = customerIds.computeIfAbsent(customerId, c -> customerIds.size());
            keys.add(key);
            keyIds.put(key, key);
            return key.id;
        }
    }

    int meter(String meter) {
        Integer id = meterIds.get(meter);
        if (id != null) {
            return id;
        }
        synchronized (meters) {
            return meterIds.computeIfAbsent(meter, m -> {
                meters.add(m);
                return meters.size() - 1;
            });
        }
    }

    /** After pass 1: drops the lookup maps (numbers stay readable; no new keys may come). */
    void freeze() {
        keyIds.clear();
        meterIds.clear();
        synchronized (keys) {
            customers = customerIds.size();
            customerIds.clear();
        }
    }

    int keyCount() {
        synchronized (keys) {
            return keys.size();
        }
    }

    /** Customers with at least one key, numbered 0.. in the order their first key came. */
    int customerCount() {
        synchronized (keys) {
            return Math.max(customers, customerIds.size());
        }
    }

    int meterCount() {
        synchronized (meters) {
            return meters.size();
        }
    }

    Key key(int id) {
        synchronized (keys) {
            return keys.get(id);
        }
    }

    String meter(int id) {
        synchronized (meters) {
            return meters.get(id);
        }
    }
}
