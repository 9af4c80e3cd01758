package dev.tokenbill.job.rating;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.discount.SubscriptionCoupon;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.money.Money;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.Adjustments;
import dev.tokenbill.rating.CreditedUnusedDays;
import dev.tokenbill.rating.PlanWhatIf;
import dev.tokenbill.rating.RatingEngine;
import dev.tokenbill.rating.ServicePeriods;
import dev.tokenbill.rating.SubscriptionUsage;
import dev.tokenbill.tax.TaxRules;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Rates one customer as read by {@link CustomerToRateReader}: its subscriptions billed in this
 * period, their usage, coupons, credit balances and allocated cost go to the {@link RatingEngine};
 * then the other plans are compared. A customer with no subscription billed in the period gets no
 * invoice. Reads no database and keeps no state, so items may be processed on several threads.
 */
public class RateCustomerProcessor implements ItemProcessor<CustomerToRate, RatedCustomer> {

    private static final Logger log = LoggerFactory.getLogger(RateCustomerProcessor.class);

    private final RatingEngine engine = new RatingEngine();
    private final Catalog catalog;
    private final BillingPeriod period;

    public RateCustomerProcessor(Catalog catalog, BillingPeriod period) {
        this.catalog = catalog;
        this.period = period;
    }

    @Override
    public RatedCustomer process(CustomerToRate input) {
        Customer customer = input.customer();
        List<SubscriptionUsage> billed = new ArrayList<>();
        List<SubscriptionCoupon> coupons = new ArrayList<>();
        for (Subscription subscription : billedSubscriptions(catalog, period, input.subscriptions())) {
            Plan plan = catalog.plan(subscription.planId()).orElseThrow();
            billed.add(new SubscriptionUsage(subscription, plan,
                    input.usage().stream().filter(t -> t.subscriptionId().equals(subscription.id())).toList()));
            if (subscription.couponCode() != null) {
                coupons.add(new SubscriptionCoupon(subscription.id(), catalog.coupon(subscription.couponCode()).orElseThrow(),
                        periodNumber(subscription)));
            }
        }
        warnOfCreditsNotBilledAgain(customer, input.creditedByNextPeriod(), billed);
        if (billed.isEmpty()) {
            return null;
        }
        Money allocated = input.allocatedCost();
        Adjustments adjustments = new Adjustments(coupons, catalog.volumeDiscountFor(customer.currency()), input.credits(),
                allocated, input.prepaidFees(), input.creditedByNextPeriod());
        Invoice invoice = ServicePeriods.fill(engine.rate(customer, period, billed,
                TaxRules.decide(catalog.seller(), catalog.taxes(), customer), adjustments), input.subscriptions(), period);
        return new RatedCustomer(invoice,
                PlanWhatIf.compare(engine, customer, period, billed, invoice, catalog.plans().values(), allocated));
    }

    /**
     * The subscriptions a run of this period bills: plans of the period's interval, active in it. A
     * subscription that starts later is billed by the period it starts in (its in-advance fee too).
     */
    public static List<Subscription> billedSubscriptions(Catalog catalog, BillingPeriod period, List<Subscription> all) {
        List<Subscription> billed = new ArrayList<>();
        for (Subscription subscription : all) {
            Plan plan = catalog.plan(subscription.planId()).orElseThrow();
            if (plan.interval() != period.interval()) {
                continue;
            }
            if (period.overlapDays(subscription.start(), subscription.end()) > 0) {
                billed.add(subscription);
            }
        }
        return billed;
    }

    /**
     * Unused days the next period's final invoice credited for a subscription this run no longer bills (removed, or
     * starting later): nothing bills them again here (RatingEngine does so per billed subscription), so the credit
     * would stand for days no standing invoice billed. The operator corrects the next period too.
     */
    private void warnOfCreditsNotBilledAgain(Customer customer, List<CreditedUnusedDays> credits,
            List<SubscriptionUsage> billed) {
        for (CreditedUnusedDays credit : credits) {
            if (billed.stream().noneMatch(s -> s.subscription().id().equals(credit.subscriptionId()))) {
                log.warn("customer {}: {} credited the unused days {} to {} of subscription {}, which this run of {} no"
                        + " longer bills; correct {} too, or that credit stands for days no invoice bills",
                        customer.id(), credit.invoiceNumber(), credit.days().start(), credit.days().lastDay(),
                        credit.subscriptionId(), period.label(), period.next().label());
            }
        }
    }

    /** 1 for the period the subscription starts in, 2 for the next, and so on. */
    private long periodNumber(Subscription subscription) {
        return switch (period.interval()) {
            case MONTHLY -> ChronoUnit.MONTHS.between(YearMonth.from(subscription.start()), YearMonth.from(period.start())) + 1;
            case DAILY -> ChronoUnit.DAYS.between(subscription.start(), period.start()) + 1;
        };
    }
}
