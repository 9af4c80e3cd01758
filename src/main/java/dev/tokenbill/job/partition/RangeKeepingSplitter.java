package dev.tokenbill.job.partition;

import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.JobExecutionException;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Spring Batch's splitter, plus one repair. Spring Batch 6 stores a new partition in two writes: the partition's step
 * execution ({@code JobRepository.createStepExecution}), then its execution context with the partitioner's range
 * ({@code updateExecutionContext}). A process killed between the two leaves a partition with an empty context, and a
 * restart resumes a partition from its last context: without a range its reader takes every customer (or usage
 * range), and two partitions render the same invoice to the same temporary file (seen: a crash-restart test killed
 * at the start of renderInvoices, the restart failing on TB-000001.pdf.tmp). Our partitioners cut the same ranges
 * from the same rows every time, so a partition found with an empty context gets its range again from the
 * partitioner, under its own name, before any partition runs.
 */
public final class RangeKeepingSplitter implements StepExecutionSplitter {

    private final SimpleStepExecutionSplitter splitter;
    private final JobRepository jobRepository;
    private final String stepName;
    private final Partitioner partitioner;

    /** The splitter of a partitioned step whose worker step is {@code stepName}. */
    public static StepExecutionSplitter of(JobRepository jobRepository, String stepName, Partitioner partitioner) {
        return new RangeKeepingSplitter(jobRepository, stepName, partitioner);
    }

    private RangeKeepingSplitter(JobRepository jobRepository, String stepName, Partitioner partitioner) {
        this.splitter = new SimpleStepExecutionSplitter(jobRepository, stepName, partitioner);
        this.jobRepository = jobRepository;
        this.stepName = stepName;
        this.partitioner = partitioner;
    }

    @Override
    public String getStepName() {
        return stepName;
    }

    @Override
    public Set<StepExecution> split(StepExecution manager, int gridSize) throws JobExecutionException {
        Set<StepExecution> partitions = splitter.split(manager, gridSize);
        Map<String, ExecutionContext> ranges = null;
        for (StepExecution partition : partitions) {
            if (!partition.getExecutionContext().isEmpty()) {
                continue;
            }
            if (ranges == null) {
                // the grid size the splitter stored in the manager's context on the first attempt
                ranges = partitioner.partition((int) manager.getExecutionContext()
                        .getLong(SimpleStepExecutionSplitter.class.getSimpleName() + ".GRID_SIZE", gridSize));
            }
            String name = partition.getStepName().substring(stepName.length() + 1);
            ExecutionContext range = ranges.get(name);
            if (range != null) {
                partition.setExecutionContext(new ExecutionContext(range));
                jobRepository.updateExecutionContext(partition);
            }
        }
        return partitions;
    }
}
