package dev.tokenbill.job.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.SimpleStepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A restart after a process died while Spring Batch stored the partitions of a step: partition0's range was stored,
 * partition1's step execution was created but the process died before its context (the range) was written. Spring
 * Batch's own splitter resumes partition1 from that empty context; this one gives it its range again.
 */
class RangeKeepingSplitterTest {

    private static final String WORKER = "renderInvoicesPartition";
    private final JobInstance instance = new JobInstance(1L, "billing");
    private final JobExecution restart = new JobExecution(2L, instance, new JobParameters());

    /** The partitioner's ranges: the same on every call, as CustomerRanges cuts them from the same rows. */
    private final Partitioner ranges = gridSize -> Map.of("partition0", range("acme", "mango"), "partition1",
            range("nimbus", "zeta"));

    private static ExecutionContext range(String first, String last) {
        ExecutionContext context = new ExecutionContext();
        context.putString(CustomerRanges.FIRST, first);
        context.putString(CustomerRanges.LAST, last);
        return context;
    }

    private JobRepository repositoryAfterTheCrash() {
        JobRepository repository = mock(JobRepository.class);
        JobExecution crashed = new JobExecution(1L, instance, new JobParameters());
        StepExecution stored = new StepExecution(11L, WORKER + ":partition0", crashed);
        stored.setExecutionContext(range("acme", "mango"));
        stored.setStatus(BatchStatus.FAILED);
        StepExecution empty = new StepExecution(12L, WORKER + ":partition1", crashed);
        empty.setStatus(BatchStatus.FAILED);
        when(repository.getLastStepExecution(instance, WORKER + ":partition0")).thenReturn(stored);
        when(repository.getLastStepExecution(instance, WORKER + ":partition1")).thenReturn(empty);
        when(repository.createStepExecution(anyString(), eq(restart)))
                .thenAnswer(call -> new StepExecution(call.getArgument(0, String.class), restart));
        return repository;
    }

    private StepExecution manager() {
        StepExecution manager = new StepExecution(20L, "renderInvoices", restart);
        manager.getExecutionContext().putLong(SimpleStepExecutionSplitter.class.getSimpleName() + ".GRID_SIZE", 2);
        return manager;
    }

    /** "partition0 acme-mango" per partition of the split. */
    private static Map<String, String> rangesOf(Set<StepExecution> partitions) {
        return partitions.stream().collect(Collectors.toMap(p -> p.getStepName(),
                p -> p.getExecutionContext().getString(CustomerRanges.FIRST, "") + "-"
                        + p.getExecutionContext().getString(CustomerRanges.LAST, ""), (a, b) -> a, TreeMap::new));
    }

    @Test
    void springBatchsOwnSplitter_ResumesThePartitionWithoutItsRange() throws Exception {
        Set<StepExecution> split = new SimpleStepExecutionSplitter(repositoryAfterTheCrash(), WORKER, ranges)
                .split(manager(), 2);
        assertThat(rangesOf(split)).containsExactly(Map.entry(WORKER + ":partition0", "acme-mango"),
                Map.entry(WORKER + ":partition1", "-"));
    }

    @Test
    void aPartitionResumedWithAnEmptyContext_GetsItsRangeAgain() throws Exception {
        JobRepository repository = repositoryAfterTheCrash();
        Set<StepExecution> split = RangeKeepingSplitter.of(repository, WORKER, ranges).split(manager(), 2);
        assertThat(rangesOf(split)).containsExactly(Map.entry(WORKER + ":partition0", "acme-mango"),
                Map.entry(WORKER + ":partition1", "nimbus-zeta"));
        org.mockito.Mockito.verify(repository, org.mockito.Mockito.atLeastOnce())
                .updateExecutionContext(org.mockito.ArgumentMatchers.<StepExecution>argThat(
                        s -> s.getStepName().endsWith(":partition1") && s.getExecutionContext().containsKey(CustomerRanges.FIRST)));
    }
}
