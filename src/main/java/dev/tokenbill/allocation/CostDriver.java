package dev.tokenbill.allocation;

import java.math.BigDecimal;

/** One customer's drivers in a period: resource use R, performance tier P, usage volume U. */
public record CostDriver(String customerId, BigDecimal resource, BigDecimal performance, BigDecimal usage) {
}
