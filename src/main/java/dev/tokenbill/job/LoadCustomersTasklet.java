package dev.tokenbill.job;

import dev.tokenbill.customer.internal.CustomerFiles;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 2: stores the run's customers and subscriptions (replacing any earlier copy of this run). */
public class LoadCustomersTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadCustomersTasklet.class);
    private final JdbcCustomerDao customers;

    public LoadCustomersTasklet(JdbcCustomerDao customers) {
        this.customers = customers;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution);
        CustomerFiles.CustomerBook book = CustomerFiles.read(run.input(), run.catalog());
        customers.replace(run.runId(), book);
        contribution.incrementWriteCount(book.customers().size() + book.subscriptions().size());
        log.info("loaded {} customers and {} subscriptions", book.customers().size(), book.subscriptions().size());
        return RepeatStatus.FINISHED;
    }
}
