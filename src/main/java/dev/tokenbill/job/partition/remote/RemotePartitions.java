package dev.tokenbill.job.partition.remote;

import dev.tokenbill.job.partition.Partitions;
import java.time.Duration;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.integration.core.MessagingTemplate;

/**
 * Partitions run on remote workers ({@code tokenbill worker}): the manager step sends each partition over JMS and
 * learns its outcome from the shared job repository ({@link RemotePartitionHandler}). A worker executes the partition
 * with the {@code Step} bean named like the worker step ({@code rateCustomersPartition}), found by name.
 */
public final class RemotePartitions implements Partitions {

    private final JobRepository jobRepository;
    private final MessagingTemplate requests;
    private final int gridSize;
    private final Duration timeout;
    private final Duration pollInterval;

    /**
     * @param requests sends to the queue of partition requests
     * @param gridSize partitions asked of each partitioner
     * @param timeout how long a partition may go without progress (see {@link RemotePartitionHandler})
     * @param pollInterval how often the job repository is read
     */
    public RemotePartitions(JobRepository jobRepository, MessagingTemplate requests, int gridSize, Duration timeout,
            Duration pollInterval) {
        if (gridSize < 1) {
            throw new IllegalArgumentException("grid size must be at least 1: " + gridSize);
        }
        this.jobRepository = jobRepository;
        this.requests = requests;
        this.gridSize = gridSize;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    @Override
    public Step step(String name, Partitioner partitioner, Step workerStep) {
        return new StepBuilder(name, jobRepository)
                .partitioner(workerStep.getName(), partitioner)
                .partitionHandler(new RemotePartitionHandler(jobRepository, requests, workerStep.getName(), timeout,
                        pollInterval, gridSize))
                .build();
    }

    @Override
    public int gridSize() {
        return gridSize;
    }
}
