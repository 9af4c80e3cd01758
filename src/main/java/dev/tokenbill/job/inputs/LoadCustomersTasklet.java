package dev.tokenbill.job.inputs;

import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.credit.internal.CreditFiles;
import dev.tokenbill.credit.internal.JdbcCreditDao;
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
 * earlier copy of this run, so it can run twice), reading and checking the files again as validateInputs did
 * (the same files: a run's inputs are hashed), customers and subscriptions a batch at a time.
 */
public class LoadCustomersTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadCustomersTasklet.class);
    private final JdbcCustomerDao customers;
    private final JdbcCreditDao credits;
    private final JdbcAllocationDao allocations;
    private final RunInputs runInputs;

    public LoadCustomersTasklet(JdbcCustomerDao customers, JdbcCreditDao credits, JdbcAllocationDao allocations,
            RunInputs runInputs) {
        this.customers = customers;
        this.credits = credits;
        this.allocations = allocations;
        this.runInputs = runInputs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution);
        JdbcCustomerDao.Loader loader = customers.loader(run.runId());
        ValidatedInputs.Read read = ValidatedInputs.read(run.input(), run.catalog(), run.period().label(), loader);
        loader.finish();
        // read a second time: what was loaded must be what validateInputs recorded (a file replaced in between would
        // otherwise bill content the run's fingerprints do not describe); the step fails and its insert rolls back
        RunInputs.changedSince(runInputs.recorded(run.runId()), run.input(), RunInputs.LOADED).ifPresent(changes -> {
            throw new IllegalStateException("the input files changed while run " + run.runId() + " started: " + changes
                    + " (start a new run of the period with the files as they are now)");
        });
        List<CreditFiles.Grant> grants = read.grants();
        Map<String, Money> pools = read.pools();
        credits.replaceGrants(run.runId(), grants);
        allocations.replacePools(run.runId(), pools);
        contribution.incrementWriteCount(loader.customers() + loader.subscriptions() + grants.size() + pools.size());
        log.info("loaded {} customers, {} subscriptions, {} credit grants, {} cost pools", loader.customers(),
                loader.subscriptions(), grants.size(), pools.size());
        return RepeatStatus.FINISHED;
    }
}
