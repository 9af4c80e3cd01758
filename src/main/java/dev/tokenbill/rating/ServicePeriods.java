package dev.tokenbill.rating;

import dev.tokenbill.customer.Subscription;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.ServicePeriod;
import dev.tokenbill.period.BillingPeriod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gives each charge line that has no service period yet (usage, true-up, cost-plus) the active part of the billing
 * period of its subscription. Recurring fees and unused-days credits set their own (a fee in advance covers the next
 * period); discount and credit lines keep none.
 */
public final class ServicePeriods {

    private ServicePeriods() {
    }

    public static Invoice fill(Invoice invoice, List<Subscription> subscriptions, BillingPeriod period) {
        Map<String, Subscription> byId = subscriptions.stream()
                .collect(Collectors.toMap(Subscription::id, Function.identity(), (a, b) -> a));
        List<InvoiceLine> lines = new ArrayList<>(invoice.lines().size());
        for (InvoiceLine line : invoice.lines()) {
            Subscription s = line.subscriptionId() == null ? null : byId.get(line.subscriptionId());
            if (line.servicePeriod() != null || !line.kind().isCharge() || s == null) {
                lines.add(line);
            } else {
                lines.add(line.withServicePeriod(ServicePeriod.overlap(period.start(), period.end(), s.start(), s.end())));
            }
        }
        return invoice.withLines(lines);
    }
}
