package dev.tokenbill.job.allocation;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.allocation.AllocationWeights;
import dev.tokenbill.allocation.CostAllocator;
import dev.tokenbill.allocation.CostDriver;
import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.internal.JdbcUsageTotals;
import dev.tokenbill.job.rating.RateCustomerProcessor;
import dev.tokenbill.job.run.RunContext;
import dev.tokenbill.money.Money;
import dev.tokenbill.usage.UsageTotal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 5: allocates the period's cost pools (costs.csv) over the customers billed in the run, by
 * resource use, plan performance tier and usage volume; cost-plus plans then bill the result.
 * Repeatable: it replaces the run's allocations.
 */
public class AllocateCostsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(AllocateCostsTasklet.class);
    /** Customers read per round trip: their subscriptions and usage come with two range queries. */
    private static final int PAGE = 1000;
    private final JdbcCustomerDao customers;
    private final JdbcUsageTotals usage;
    private final JdbcAllocationDao allocations;

    public AllocateCostsTasklet(JdbcCustomerDao customers, JdbcUsageTotals usage, JdbcAllocationDao allocations) {
        this.customers = customers;
        this.usage = usage;
        this.allocations = allocations;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution);
        Map<String, Money> pools = allocations.pools(run.runId());
        if (pools.isEmpty()) {
            allocations.replaceAllocations(run.runId(), List.of());
            log.info("no cost pools for {}: nothing to allocate", run.period().label());
            return RepeatStatus.FINISHED;
        }
        Money total = null;
        for (Money pool : pools.values()) {
            total = total == null ? pool : total.plus(pool);
        }
        Catalog catalog = run.catalog();
        AllocationWeights weights = catalog.allocation();
        List<CostDriver> drivers = new ArrayList<>();
        List<Customer> page = customers.customersAfter(run.runId(), null, PAGE);
        while (!page.isEmpty()) {
            String first = page.get(0).id();
            String last = page.get(page.size() - 1).id();
            Map<String, List<Subscription>> subscriptions = customers.subscriptionsBetween(run.runId(), first, last);
            Map<String, List<UsageTotal>> totals = usage.between(run.runId(), first, last);
            for (Customer customer : page) {
                List<Subscription> billed = RateCustomerProcessor.billedSubscriptions(catalog, run.period(),
                        subscriptions.getOrDefault(customer.id(), List.of()));
                if (!billed.isEmpty()) {
                    drivers.add(driver(customer, billed, totals.getOrDefault(customer.id(), List.of()), catalog, weights));
                }
            }
            page = customers.customersAfter(run.runId(), last, PAGE);
        }
        List<Allocation> result = CostAllocator.allocate(total, drivers, weights);
        allocations.replaceAllocations(run.runId(), result);
        contribution.incrementWriteCount(result.size());
        log.info("allocated {} of cost over {} customers", total, result.size());
        return RepeatStatus.FINISHED;
    }

    private static CostDriver driver(Customer customer, List<Subscription> billed, List<UsageTotal> usage, Catalog catalog,
            AllocationWeights weights) {
        BigDecimal performance = BigDecimal.ZERO;
        for (Subscription s : billed) {
            performance = performance.max(catalog.plan(s.planId()).orElseThrow().performanceTier());
        }
        BigDecimal resource = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        for (UsageTotal t : usage) {
            if (weights.resourceMeters().contains(t.meter())) {
                resource = resource.add(t.quantity());
            }
            if (weights.usageMeters().contains(t.meter())) {
                volume = volume.add(t.quantity());
            }
        }
        return new CostDriver(customer.id(), resource, performance, volume);
    }
}
