package dev.tokenbill.job.partition.remote;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Executes the partitions a worker receives: loads the partition's step execution from the shared job repository,
 * checks that this host sees the run's input files, and executes it with the worker step of that name
 * (spring-batch-integration's {@link StepExecutionRequestHandler} with a {@code BeanFactoryStepLocator}). One log line
 * when a partition starts and one when it ends, naming this worker, so the log shows which partitions ran where.
 *
 * <p>A request whose partition is no longer waiting to start (the manager failed it after its timeout, or it ran
 * already) is dropped with a log line: a partition is executed at most once per step execution.
 */
public final class PartitionWorker {

    private static final Logger log = LoggerFactory.getLogger(PartitionWorker.class);

    private final JobRepository jobRepository;
    private final StepExecutionRequestHandler steps;
    private final WorkerInputCheck inputs;
    private final String name;
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicLong executed = new AtomicLong();

    PartitionWorker(JobRepository jobRepository, StepExecutionRequestHandler steps, WorkerInputCheck inputs,
            String name) {
        this.jobRepository = jobRepository;
        this.steps = steps;
        this.inputs = inputs;
        this.name = name;
    }

    /** Handles one request from the queue (the text of {@link PartitionRequests}). */
    public void handle(String text) {
        StepExecutionRequest request;
        try {
            request = PartitionRequests.decode(text);
        } catch (IllegalArgumentException e) {
            log.warn("{}: dropped a message from {}: {}", name, PartitionRequests.QUEUE, e.getMessage());
            return;
        }
        busy.incrementAndGet();
        try {
            execute(request);
        } catch (RuntimeException e) {
            // the job repository cannot be read or written (database down?): the manager's timeout fails the partition
            log.warn("{}: partition request {} not executed: {}", name, text, e.toString());
        } finally {
            busy.decrementAndGet();
        }
    }

    private void execute(StepExecutionRequest request) {
        StepExecution partition = jobRepository.getStepExecution(request.getStepExecutionId());
        if (partition == null) {
            log.warn("{}: dropped partition request {}: no such step execution in the job repository (another"
                    + " database?)", name, PartitionRequests.encode(request));
            return;
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.info("{}: dropped {} (step execution {}): it is {} already", name, partition.getStepName(),
                    partition.getId(), partition.getStatus());
            return;
        }
        long jobExecutionId = partition.getJobExecutionId();
        Optional<String> differences = inputs.differences(partition.getJobExecution());
        if (differences.isPresent()) {
            refuse(partition, differences.get());
            return;
        }
        log.info("{}: partition {} of job execution {} started", name, partition.getStepName(), jobExecutionId);
        long start = System.nanoTime();
        StepExecution done = steps.handle(request);
        executed.incrementAndGet();
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("{}: partition {} of job execution {} {}: {} items read, {} written in {} s", name,
                partition.getStepName(), jobExecutionId, done.getStatus(), done.getReadCount(), done.getWriteCount(),
                String.format(Locale.ROOT, "%.1f", seconds));
        for (Throwable failure : done.getFailureExceptions()) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            log.warn("{}: partition {} failed: {}", name, partition.getStepName(), root.toString());
        }
    }

    /** Fails the partition without running it: this host sees other input files than the run recorded. */
    private void refuse(StepExecution partition, String differences) {
        LocalDateTime now = LocalDateTime.now();
        partition.setStartTime(now);
        partition.setEndTime(now);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription(differences));
        try {
            jobRepository.update(partition);
            log.warn("{}: partition {} of job execution {} FAILED: {}", name, partition.getStepName(),
                    partition.getJobExecutionId(), differences);
        } catch (OptimisticLockingFailureException e) {
            log.info("{}: dropped {}: the manager changed it meanwhile", name, partition.getStepName());
        }
    }

    /** Partitions executing now. */
    public int busy() {
        return busy.get();
    }

    /** Partitions this worker executed (not counting those it refused or dropped). */
    public long executed() {
        return executed.get();
    }

    public String name() {
        return name;
    }
}
