package dev.tokenbill.usage.pipeline;

import dev.tokenbill.catalog.PriceCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Numbers the aggregation keys and meter names met while reading, so spill records carry small
 * integers instead of strings. The numbers depend on thread timing and never leave the pipeline.
 */
final class UsageKeys {

    /** Rows of one subscription share its id and customer id strings: equality tries identity first. */
    record Key(String customerId, String subscriptionId, String model, PriceCondition condition) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && condition == k.condition
                    && (subscriptionId == k.subscriptionId || subscriptionId.equals(k.subscriptionId))
                    && model.equals(k.model) && (customerId == k.customerId || customerId.equals(k.customerId));
        }

        @Override
        public int hashCode() {
            return (subscriptionId.hashCode() * 31 + model.hashCode()) * 31 + condition.ordinal();
        }
    }

    private final Map<Key, Integer> keyIds = new ConcurrentHashMap<>();
    private final List<Key> keys = new ArrayList<>();
    private final Map<String, Integer> meterIds = new ConcurrentHashMap<>();
    private final List<String> meters = new ArrayList<>();

    int key(String customerId, String subscriptionId, String model, PriceCondition condition) {
        Key key = new Key(customerId, subscriptionId, model, condition);
        Integer id = keyIds.get(key);
        if (id != null) {
            return id;
        }
        synchronized (keys) {
            return keyIds.computeIfAbsent(key, k -> {
                keys.add(k);
                return keys.size() - 1;
            });
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
    }

    int keyCount() {
        synchronized (keys) {
            return keys.size();
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
