package dev.tokenbill.usage;

import dev.tokenbill.catalog.PriceCondition;
import java.math.BigDecimal;

/** The accepted, de-duplicated quantity of one meter of one model under one price condition, per subscription. */
public record UsageTotal(String subscriptionId, String model, String meter, PriceCondition condition,
        BigDecimal quantity) {
}
