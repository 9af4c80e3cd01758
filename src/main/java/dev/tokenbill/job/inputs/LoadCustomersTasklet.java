package dev.tokenbill.job.inputs;

import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.credit.internal.CreditFiles;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.customer.internal.CustomerFiles;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.job.run.RunContext;
import dev.tokenbill.money.Money;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 2: stores the run's customers, subscriptions, credit grants and cost pools (replacing any
 * earlier copy of this run, so it can run twice), as validateInputs read them in this execution.
 */
public class LoadCustomersTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadCustomersTasklet.class);
    private final JdbcCustomerDao customers;
    private final JdbcCreditDao credits;
    private final JdbcAllocationDao allocations;
    private final ValidatedInputs validated;

    public LoadCustomersTasklet(JdbcCustomerDao customers, JdbcCreditDao credits, JdbcAllocationDao allocations,
            ValidatedInputs validated) {
        this.customers = customers;
        this.credits = credits;
        this.allocations = allocations;
        this.validated = validated;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution);
        ValidatedInputs.Read read = validated.take(run.input())
                .orElseGet(() -> ValidatedInputs.read(run.input(), run.catalog(), run.period().label()));
        CustomerFiles.CustomerBook book = read.book();
        List<CreditFiles.Grant> grants = read.grants();
        Map<String, Money> pools = read.pools();
        customers.replace(run.runId(), book);
        credits.replaceGrants(run.runId(), grants);
        allocations.replacePools(run.runId(), pools);
        contribution.incrementWriteCount(book.customers().size() + book.subscriptions().size() + grants.size() + pools.size());
        log.info("loaded {} customers, {} subscriptions, {} credit grants, {} cost pools", book.customers().size(),
                book.subscriptions().size(), grants.size(), pools.size());
        return RepeatStatus.FINISHED;
    }
}
