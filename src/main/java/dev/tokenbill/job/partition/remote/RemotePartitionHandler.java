package dev.tokenbill.job.partition.remote;

import dev.tokenbill.job.StopRequest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends each partition of a manager step to the workers ({@link PartitionRequests#QUEUE}) and learns how they end by
 * polling the shared job repository, as spring-batch-integration's {@code MessageChannelPartitionHandler} does when it
 * polls. Unlike that handler, whose only timeout is one bound on the whole step, this one fails a partition that
 * stops making progress:
 * <ul>
 * <li>a partition a worker took (STARTED) whose step execution has not changed (a chunk commit changes it) for
 * {@code timeout}: its worker died or hangs;
 * <li>a partition no worker has taken while no partition of the step changed for {@code timeout}: no worker is
 * listening (partitions merely queued behind others, while workers get on with those, are not failed).
 * </ul>
 * Such a partition is marked FAILED in the repository (a worker that comes back cannot then save over it) and, once
 * nothing of the step is running any more, the step fails with a message naming the partitions. Changes are timed by
 * this process's clock, so the hosts' clocks need not agree.
 */
final class RemotePartitionHandler extends AbstractPartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(RemotePartitionHandler.class);

    /** A partition's status and version (a worker's every save raises the version), as the repository has them. */
    record State(BatchStatus status, int version) {
    }

    /** The state of every step execution of a job execution: one query per poll, however many partitions. */
    interface States {
        Map<Long, State> of(long jobExecutionId);

        /**
         * Marks the job execution STOPPING in the repository, as {@code tokenbill stop} from another process does:
         * the workers' steps see it at their next chunk commit and end STOPPED.
         */
        void askToStop(long jobExecutionId);
    }

    private final JobRepository jobRepository;
    private final States states;
    private final MessagingTemplate requests;
    private final String workerStepName;
    private final Duration timeout;
    private final Duration pollInterval;
    private final LongSupplier clock;
    private final BooleanSupplier signalled;

    RemotePartitionHandler(JobRepository jobRepository, States states, MessagingTemplate requests,
            String workerStepName, Duration timeout, Duration pollInterval, int gridSize) {
        this(jobRepository, states, requests, workerStepName, timeout, pollInterval, gridSize, System::nanoTime,
                StopRequest::signalled);
    }

    /** @param signalled whether this process was signalled to stop (SIGTERM: {@link StopRequest#signalled()}) */
    RemotePartitionHandler(JobRepository jobRepository, States states, MessagingTemplate requests,
            String workerStepName, Duration timeout, Duration pollInterval, int gridSize, LongSupplier clock,
            BooleanSupplier signalled) {
        this.jobRepository = jobRepository;
        this.states = states;
        this.requests = requests;
        this.workerStepName = workerStepName;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.signalled = signalled;
        setGridSize(gridSize);
    }

    /** What the manager last saw of a partition, and when (its own clock) that last changed. */
    private static final class Seen {
        final long id;
        final String name;
        State state;
        long changedAt;
        String failedHere;

        Seen(StepExecution execution, long changedAt) {
            this.id = execution.getId();
            this.name = execution.getStepName();
            this.state = new State(execution.getStatus(), execution.getVersion() == null ? 0 : execution.getVersion());
            this.changedAt = changedAt;
        }

        boolean running() {
            return state.status().isRunning();
        }
    }

    @Override
    protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
        if (partitions.isEmpty()) {
            log.info("{}: no partitions, nothing to send", manager.getStepName());
            return partitions;
        }
        List<StepExecution> ordered = new ArrayList<>(partitions);
        ordered.sort(Comparator.comparing(StepExecution::getStepName));
        Map<Long, Seen> seen = new LinkedHashMap<>();
        for (StepExecution partition : ordered) {
            requests.send(MessageBuilder.withPayload(PartitionRequests.encode(
                    new StepExecutionRequest(workerStepName, partition.getId()))).build());
            seen.put(partition.getId(), new Seen(partition, clock.getAsLong()));
        }
        log.info("{}: {} partitions sent to the workers (queue {})", manager.getStepName(), ordered.size(),
                PartitionRequests.QUEUE);
        long jobExecutionId = manager.getJobExecutionId();
        boolean stopAsked = false;
        while (true) {
            Thread.sleep(Math.max(1, pollInterval.toMillis()));
            if (!stopAsked && signalled.getAsBoolean()) {
                // this manager is going away (SIGTERM): the workers stop their partitions at a chunk boundary
                stopAsked = true;
                states.askToStop(jobExecutionId);
                log.info("{}: asked the workers to stop the partitions at their next chunk boundary",
                        manager.getStepName());
            }
            long now = clock.getAsLong();
            Map<Long, State> current = states.of(jobExecutionId);
            long lastProgress = Long.MIN_VALUE;
            for (Seen s : seen.values()) {
                State state = current.get(s.id);
                if (s.running() && state != null && !state.equals(s.state)) {
                    s.state = state;
                    s.changedAt = now;
                }
                lastProgress = Math.max(lastProgress, s.changedAt);
            }
            boolean running = false;
            for (Seen s : seen.values()) {
                if (!s.running()) {
                    continue;
                }
                if (s.state.status() == BatchStatus.STARTING && now - lastProgress >= timeout.toNanos()) {
                    fail(s, "no worker took it within " + seconds(timeout)
                            + " (is a 'tokenbill worker' running and connected to the broker?)");
                } else if (s.state.status() != BatchStatus.STARTING && now - s.changedAt >= timeout.toNanos()) {
                    fail(s, "its worker made no progress for " + seconds(timeout)
                            + " (the worker died, or a chunk takes longer than tokenbill.remote.partition-timeout)");
                }
                running |= s.running();
            }
            if (!running) {
                break;
            }
        }
        return outcome(manager, seen);
    }

    private Set<StepExecution> outcome(StepExecution manager, Map<Long, Seen> seen) {
        List<String> timedOut = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Set<StepExecution> result = new LinkedHashSet<>();
        for (Seen s : seen.values()) {
            StepExecution execution = jobRepository.getStepExecution(s.id);
            result.add(execution);
            if (s.failedHere != null) {
                timedOut.add(s.name + ": " + s.failedHere);
            } else if (execution.getStatus() == BatchStatus.FAILED) {
                failed.add(s.name + ": " + firstLine(execution.getExitStatus().getExitDescription()));
            }
        }
        if (!timedOut.isEmpty() || !failed.isEmpty()) {
            List<String> all = new ArrayList<>(timedOut);
            all.addAll(failed);
            throw new PartitionsFailedException(manager.getStepName() + ": " + all.size() + " of " + seen.size()
                    + " partitions failed: " + String.join("; ", all));
        }
        return result;
    }

    /** Marks the partition FAILED, unless its worker saved it meanwhile (then the next poll sees that instead). */
    private void fail(Seen s, String reason) {
        StepExecution execution = jobRepository.getStepExecution(s.id);
        State now = new State(execution.getStatus(), execution.getVersion());
        if (!now.equals(s.state)) {
            s.state = now; // it moved after all
            s.changedAt = clock.getAsLong();
            return;
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
        execution.setEndTime(LocalDateTime.now());
        try {
            jobRepository.update(execution);
            s.state = new State(BatchStatus.FAILED, execution.getVersion());
            s.failedHere = reason;
            log.warn("{} failed: {}", s.name, reason);
        } catch (OptimisticLockingFailureException e) {
            s.changedAt = clock.getAsLong(); // its worker saved it meanwhile: the next poll sees how
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** The root cause's line of an exit description (a stack trace when the step threw), else its first line. */
    static String firstLine(String description) {
        if (description == null || description.isBlank()) {
            return "failed (no reason recorded)";
        }
        String reason = description.lines().findFirst().orElse(description);
        for (String line : description.lines().toList()) {
            if (line.startsWith("Caused by: ")) {
                reason = line.substring("Caused by: ".length());
            }
        }
        return reason;
    }

    /** Partitions failed on their workers or timed out: the message names each with its reason. */
    static final class PartitionsFailedException extends RuntimeException {
        PartitionsFailedException(String message) {
            super(message);
        }
    }
}
