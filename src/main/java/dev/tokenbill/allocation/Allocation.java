package dev.tokenbill.allocation;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;

/** A customer's share F_i of the period's cost (exact to 12 decimals) and the allocated amount. */
public record Allocation(String customerId, BigDecimal share, Money amount) {
}
