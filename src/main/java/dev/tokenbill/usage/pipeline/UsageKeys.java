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

    record Key(String customerId, String subscriptionId, String model, PriceCondition condition) {
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
