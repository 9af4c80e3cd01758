package dev.tokenbill.job.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.test.MetaDataInstanceFactory;

class StepProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private long now;
    private final List<String> lines = new ArrayList<>();
    private final StepProgress progress = new StepProgress("customers", execution -> 10_000, 10 * SECOND, () -> now,
            lines::add);

    private void readAndWrite(int items) {
        for (int i = 0; i < items; i++) {
            progress.afterRead("item");
        }
        progress.afterWrite(new Chunk<>());
    }

    @Test
    void testProgress_OncePerIntervalWithRateAndTimeLeft() {
        now = 5 * SECOND;
        progress.beforeStep(MetaDataInstanceFactory.createStepExecution("rateCustomers", 1L));
        now += 4 * SECOND;
        readAndWrite(2_000); // 4 s in: under the interval, nothing
        now += 6 * SECOND;
        readAndWrite(2_000);
        // 10 s in, 4,000 done: 400/s; 6,000 left / 400 per second = 15 s
        now += 1 * SECOND;
        readAndWrite(1_000); // 1 s after the last line: nothing
        now += 9 * SECOND;
        readAndWrite(5_000); // all done: no time left to show
        assertThat(lines).containsExactly("rateCustomers: 10000 customers to do",
                "rateCustomers: 4000 of 10000 customers (400/s), about 15 s left",
                "rateCustomers: 10000 of 10000 customers (500/s)");
    }

    @Test
    void testItemsListener_OnARealChunkStep_CountsAndReports() throws Exception {
        // the worker side registered the way the job registers it (StepBuilder...listener(progress.items())): a
        // listener Spring Batch did not register would leave the lines at "to do" (partitioned steps were silent)
        StepProgress everyChunk = new StepProgress("customers", execution -> 5, 0, () -> now, lines::add);
        var repository = new org.springframework.batch.core.repository.support.ResourcelessJobRepository();
        var step = new org.springframework.batch.core.step.builder.StepBuilder("rateCustomersPartition", repository)
                .<Integer, Integer>chunk(2)
                .transactionManager(new org.springframework.batch.infrastructure.support.transaction
                        .ResourcelessTransactionManager())
                .reader(new org.springframework.batch.infrastructure.item.support.ListItemReader<>(
                        List.of(1, 2, 3, 4, 5)))
                .writer(items -> { })
                .listener(everyChunk.items())
                .build();
        var parameters = new org.springframework.batch.core.job.parameters.JobParameters();
        var job = repository.createJobExecution(repository.createJobInstance("billing", parameters), parameters,
                new org.springframework.batch.infrastructure.item.ExecutionContext());
        var execution = repository.createStepExecution("rateCustomersPartition", job);
        everyChunk.beforeStep(MetaDataInstanceFactory.createStepExecution("rateCustomers", 1L));
        now = SECOND;

        step.execute(execution);

        // chunks of 2, 2 and 1: a line after each write, the count as read so far
        assertThat(lines).containsExactly("rateCustomers: 5 customers to do",
                "rateCustomers: 2 of 5 customers (2/s), about 2 s left",
                "rateCustomers: 4 of 5 customers (4/s), about 1 s left",
                "rateCustomers: 5 of 5 customers (5/s)");
    }

    @Test
    void testRestartedStep_CountsFromItsOwnStart() {
        progress.beforeStep(MetaDataInstanceFactory.createStepExecution("renderInvoices", 1L));
        readAndWrite(3_000);
        progress.beforeStep(MetaDataInstanceFactory.createStepExecution("renderInvoices", 2L));
        now += 10 * SECOND;
        readAndWrite(1_000);
        // the second execution has read 1,000 in 10 s: 100/s, 9,000 left = 90 s
        assertThat(lines).last().isEqualTo("renderInvoices: 1000 of 10000 customers (100/s), about 90 s left");
    }
}
