package dev.tokenbill.job.partition.remote;

import dev.tokenbill.job.RunInputs;
import dev.tokenbill.job.partition.Partitions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A small partitioned job for the remote partitioning tests, added to both the manager's and the worker's context
 * (not a {@code @Configuration}, so that no other test context picks it up by scanning): inputs are recorded as
 * validateInputs records them, optionally changed afterwards ({@code tamper}), then {@code sumNumbers} splits the
 * numbers 1..10n into {@code n} partitions of ten, each summed by the worker step {@code sumNumbersPartition}.
 */
public class RemoteTestJob {

    /** Partitions the partitioner returns; set by each test. */
    static volatile int partitions;
    /** A partition (partition0, ...) whose worker step fails; null for none. */
    static volatile String failing;
    /** The sum of every number written, by any partition, in this JVM. */
    static final AtomicLong SUM = new AtomicLong();

    @Bean
    public Job remotePartitionsJob(JobRepository jobRepository, Step recordTestInputs, Step tamperTestInputs,
            Step sumNumbers) {
        return new JobBuilder("remoteTest", jobRepository).start(recordTestInputs).next(tamperTestInputs)
                .next(sumNumbers).build();
    }

    @Bean
    public Step recordTestInputs(JobRepository jobRepository, JdbcTransactionManager tx, RunInputs runInputs) {
        return new StepBuilder("recordTestInputs", jobRepository)
                .tasklet((contribution, chunk) -> RepeatStatus.FINISHED, tx)
                .listener(runInputs.listener()).build();
    }

    @Bean
    public Step tamperTestInputs(JobRepository jobRepository, JdbcTransactionManager tx) {
        return new StepBuilder("tamperTestInputs", jobRepository).tasklet((contribution, chunk) -> {
            var parameters = chunk.getStepContext().getStepExecution().getJobExecution().getJobParameters();
            if ("true".equals(parameters.getString("tamper"))) {
                Files.writeString(Path.of(parameters.getString("input")).resolve("customers.csv"), "abc",
                        StandardOpenOption.APPEND);
            }
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step sumNumbers(Partitions partitions, Step sumNumbersPartition) {
        Partitioner partitioner = gridSize -> {
            Map<String, ExecutionContext> result = new LinkedHashMap<>();
            for (int i = 0; i < RemoteTestJob.partitions; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("from", 10 * i + 1);
                context.putInt("to", 10 * i + 10);
                result.put("partition" + i, context);
            }
            return result;
        };
        return partitions.step("sumNumbers", partitioner, sumNumbersPartition);
    }

    @Bean
    public Step sumNumbersPartition(JobRepository jobRepository, JdbcTransactionManager tx,
            ListItemReader<Integer> numbersOfPartition) {
        return new StepBuilder("sumNumbersPartition", jobRepository).<Integer, Integer>chunk(4).transactionManager(tx)
                .reader(numbersOfPartition)
                .writer(chunk -> chunk.forEach(SUM::addAndGet))
                .build();
    }

    @Bean
    @StepScope
    public ListItemReader<Integer> numbersOfPartition(@Value("#{stepExecutionContext['from']}") int from,
            @Value("#{stepExecutionContext['to']}") int to, @Value("#{stepExecution.stepName}") String step) {
        if (failing != null && step.endsWith(":" + failing)) {
            throw new IllegalStateException("test failure of " + step);
        }
        List<Integer> numbers = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            numbers.add(n);
        }
        return new ListItemReader<>(numbers);
    }
}
