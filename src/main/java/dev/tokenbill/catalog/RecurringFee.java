package dev.tokenbill.catalog;

import java.math.BigDecimal;

/** A plan's fee per subscription quantity and billing interval. */
public record RecurringFee(BigDecimal amount, FeeTiming timing) {
}
