package dev.tokenbill.usage;

import dev.tokenbill.catalog.PriceCondition;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A usage row after validation: where it came from, its status, and for valid rows the event id,
 * a hash of its content (to tell exact duplicates from conflicts), the subscription it is billed
 * to and its non-zero meter quantities. {@code reason} and {@code raw} are set for rejected rows.
 */
public record ClassifiedRow(
        String file,
        long line,
        RowStatus status,
        String reason,
        String raw,
        String eventId,
        ContentHash contentHash,
        String customerId,
        String subscriptionId,
        String model,
        LocalDate day,
        PriceCondition condition,
        Map<String, BigDecimal> meters) {

    public static ClassifiedRow rejected(String file, long line, String reason, String raw, String eventId) {
        return new ClassifiedRow(file, line, RowStatus.REJECTED, reason, raw, eventId, null, null, null, null, null,
                null, Map.of());
    }
}
