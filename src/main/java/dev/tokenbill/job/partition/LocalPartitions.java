package dev.tokenbill.job.partition;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * Partitions run on this JVM's threads (Spring Batch's {@code TaskExecutorPartitionHandler}): at most
 * {@code threads} partitions at a time, each on a thread of its own; with one thread they run one after
 * the other on the calling thread.
 */
public final class LocalPartitions implements Partitions {

    private final JobRepository jobRepository;
    private final int threads;
    private final int gridSize;

    /**
     * @param threads partitions run at the same time
     * @param gridSize partitions asked of each partitioner (more partitions than threads evens out
     *     partitions of unequal size)
     */
    public LocalPartitions(JobRepository jobRepository, int threads, int gridSize) {
        if (threads < 1 || gridSize < 1) {
            throw new IllegalArgumentException("threads and grid size must be at least 1: " + threads + ", " + gridSize);
        }
        this.jobRepository = jobRepository;
        this.threads = threads;
        this.gridSize = gridSize;
    }

    @Override
    public Step step(String name, Partitioner partitioner, Step workerStep) {
        return new StepBuilder(name, jobRepository)
                .partitioner(workerStep.getName(), partitioner)
                .splitter(RangeKeepingSplitter.of(jobRepository, workerStep.getName(), partitioner))
                .step(workerStep)
                .gridSize(gridSize)
                .taskExecutor(executor(name))
                .build();
    }

    @Override
    public int gridSize() {
        return gridSize;
    }

    /** As many threads as cores, or more. */
    @Override
    public boolean occupiesEveryCore() {
        return threads >= Runtime.getRuntime().availableProcessors();
    }

    private TaskExecutor executor(String name) {
        if (threads == 1) {
            return new SyncTaskExecutor();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(name + "-");
        executor.setConcurrencyLimit(threads);
        executor.setDaemon(true);
        return executor;
    }
}
