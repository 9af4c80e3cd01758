package dev.tokenbill.job.partition.remote;

import dev.tokenbill.job.partition.Partitions;
import dev.tokenbill.job.partition.RangeKeepingSplitter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Partitions run on remote workers ({@code tokenbill worker}): the manager step sends each partition over JMS and
 * learns its outcome from the shared job repository ({@link RemotePartitionHandler}). A worker executes the partition
 * with the {@code Step} bean named like the worker step ({@code rateCustomersPartition}), found by name.
 */
public final class RemotePartitions implements Partitions {

    private final JobRepository jobRepository;
    private final RemotePartitionHandler.States states;
    private final MessagingTemplate requests;
    private final int gridSize;
    private final Duration timeout;
    private final Duration pollInterval;

    /**
     * @param jdbc reads the partitions' states (one query per poll)
     * @param requests sends to the queue of partition requests
     * @param gridSize partitions asked of each partitioner
     * @param timeout how long a partition may go without progress (see {@link RemotePartitionHandler})
     * @param pollInterval how often the job repository is read
     */
    public RemotePartitions(JobRepository jobRepository, JdbcTemplate jdbc, MessagingTemplate requests, int gridSize,
            Duration timeout, Duration pollInterval) {
        if (gridSize < 1) {
            throw new IllegalArgumentException("grid size must be at least 1: " + gridSize);
        }
        this.jobRepository = jobRepository;
        this.states = new RemotePartitionHandler.States() {
            @Override
            public Map<Long, RemotePartitionHandler.State> of(long jobExecutionId) {
                Map<Long, RemotePartitionHandler.State> result = new HashMap<>();
                jdbc.query("select step_execution_id, status, version from batch_step_execution"
                        + " where job_execution_id = ?", rs -> {
                            result.put(rs.getLong(1), new RemotePartitionHandler.State(
                                    BatchStatus.valueOf(rs.getString(2)), rs.getInt(3)));
                        }, jobExecutionId);
                return result;
            }

            @Override
            public void askToStop(long jobExecutionId) {
                // a new version, so that every process's steps notice at their next save (JobRepository synchronises
                // a job execution's status when the version differs), as after JobOperator.stop in another process
                jdbc.update("update batch_job_execution set status = 'STOPPING', version = version + 1"
                        + " where job_execution_id = ? and status = 'STARTED'", jobExecutionId);
            }
        };
        this.requests = requests;
        this.gridSize = gridSize;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    @Override
    public Step step(String name, Partitioner partitioner, Step workerStep) {
        return new StepBuilder(name, jobRepository)
                .partitioner(workerStep.getName(), partitioner)
                .splitter(RangeKeepingSplitter.of(jobRepository, workerStep.getName(), partitioner))
                .partitionHandler(new RemotePartitionHandler(jobRepository, states, requests, workerStep.getName(),
                        timeout, pollInterval, gridSize))
                .build();
    }

    @Override
    public int gridSize() {
        return gridSize;
    }

    /** Never: the partitions run on the workers while this JVM waits for them. */
    @Override
    public boolean occupiesEveryCore() {
        return false;
    }
}
