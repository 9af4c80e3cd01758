package dev.tokenbill.job.partition;

import java.util.Map;
import java.util.function.ToLongFunction;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How much work a partitioned step has left as it starts, for its progress line: on a restart, the completed
 * partitions have none, and an unfinished one what its last checkpoint says.
 */
public final class PartitionsLeft {

    /** Where Spring Batch keeps a partitioned step's grid size, so that a restart cuts the same partitions. */
    private static final String GRID_SIZE_KEY = "SimpleStepExecutionSplitter.GRID_SIZE";

    private PartitionsLeft() {
    }

    /**
     * The work left in the partitions of {@code manager}: for each partition the partitioner returns (with the grid
     * size the step first ran with), nothing when its last execution in this run completed, else {@code left} of its
     * last saved context (of the partitioner's context when it never ran).
     *
     * @param workerStep the name of the worker step (partition executions are named {@code workerStep:partition})
     */
    public static long of(JobRepository jobRepository, StepExecution manager, Partitioner partitioner, int gridSize,
            String workerStep, ToLongFunction<ExecutionContext> left) {
        int grid = (int) manager.getExecutionContext().getLong(GRID_SIZE_KEY, gridSize);
        long total = 0;
        for (Map.Entry<String, ExecutionContext> partition : partitioner.partition(grid).entrySet()) {
            StepExecution last = jobRepository.getLastStepExecution(manager.getJobExecution().getJobInstance(),
                    workerStep + ":" + partition.getKey());
            if (last == null) {
                total += left.applyAsLong(partition.getValue());
            } else if (last.getStatus() != BatchStatus.COMPLETED) {
                total += left.applyAsLong(last.getExecutionContext());
            }
        }
        return total;
    }

    /** Whether the step execution is one partition of a partitioned step (named {@code workerStep:partition}). */
    public static boolean isPartition(StepExecution execution) {
        return execution.getStepName().contains(":");
    }
}
