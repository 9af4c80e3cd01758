package dev.tokenbill.rating;

import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.AdjustmentLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import dev.tokenbill.money.MoneyFormat;
import java.math.BigDecimal;

/** The cost-plus line: the customer's allocated cost x (1 + margin), rounded once HALF_UP. */
final class CostPlus {

    private CostPlus() {
    }

    static InvoiceLine line(Subscription subscription, Plan plan, Money allocatedCost) {
        if (!allocatedCost.currency().equals(plan.currency())) {
            throw new IllegalArgumentException("cost-plus plan " + plan.id() + " is priced in " + plan.currency()
                    + " but the allocated cost is in " + allocatedCost.currency());
        }
        BigDecimal factor = BigDecimal.ONE.add(plan.costPlusMargin());
        Money amount = Money.rounded(allocatedCost.amount().multiply(factor), plan.currency());
        String description = "Cost-plus: allocated infrastructure cost " + MoneyFormat.amount(allocatedCost) + " + "
                + plan.costPlusMargin().movePointRight(2).stripTrailingZeros().toPlainString() + "% margin";
        return new AdjustmentLine(LineKind.COST_PLUS, description, subscription.id(), plan.id(), factor,
                allocatedCost.amount(), amount);
    }
}
