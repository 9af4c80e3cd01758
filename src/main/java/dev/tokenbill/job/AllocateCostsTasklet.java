package dev.tokenbill.job;

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
import dev.tokenbill.invoice.internal.RateCustomerProcessor;
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
        for (Customer customer : customers.customers(run.runId())) {
            List<Subscription> billed = RateCustomerProcessor.billedSubscriptions(catalog, run.period(),
                    customers.subscriptionsOf(run.runId(), customer.id()));
            if (billed.isEmpty()) {
                continue;
            }
            BigDecimal performance = BigDecimal.ZERO;
            for (Subscription s : billed) {
                performance = performance.max(catalog.plan(s.planId()).orElseThrow().performanceTier());
            }
            BigDecimal resource = BigDecimal.ZERO;
            BigDecimal volume = BigDecimal.ZERO;
            for (UsageTotal t : usage.of(run.runId(), customer.id())) {
                if (weights.resourceMeters().contains(t.meter())) {
                    resource = resource.add(t.quantity());
                }
                if (weights.usageMeters().contains(t.meter())) {
                    volume = volume.add(t.quantity());
                }
            }
            drivers.add(new CostDriver(customer.id(), resource, performance, volume));
        }
        List<Allocation> result = CostAllocator.allocate(total, drivers, weights);
        allocations.replaceAllocations(run.runId(), result);
        contribution.incrementWriteCount(result.size());
        log.info("allocated {} of cost over {} customers", total, result.size());
        return RepeatStatus.FINISHED;
    }
}
