package dev.tokenbill.job.partition.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.messaging.Message;

/**
 * The manager's side without a broker: the job repository is a map the test's "workers" change between polls, and
 * the clock advances one second per poll (the timeout is five seconds), so the timings are exact.
 */
class RemotePartitionHandlerTest {

    private final JobExecution job = new JobExecution(1L, new JobInstance(1L, "billing"), new JobParameters());
    private final Map<Long, StepExecution> repository = new ConcurrentHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private final AtomicLong seconds = new AtomicLong();
    private int polls;
    private volatile boolean signalled;
    private final List<Long> stopsAsked = new ArrayList<>();

    /** {@code worker} runs at each poll (before the handler reads), with the poll's number (1, 2, ...). */
    private RemotePartitionHandler handler(int partitions, java.util.function.IntConsumer worker) {
        AtomicLong reads = new AtomicLong();
        JobRepository jobRepository = mock(JobRepository.class);
        when(jobRepository.getStepExecution(anyLong())).thenAnswer(call -> copy(repository.get(call.getArgument(0,
                Long.class))));
        doAnswer(call -> {
            StepExecution update = call.getArgument(0);
            repository.put(update.getId(), copy(update));
            return null;
        }).when(jobRepository).update(any(StepExecution.class));
        MessagingTemplate template = mock(MessagingTemplate.class);
        doAnswer(call -> sent.add((String) call.getArgument(0, Message.class).getPayload())).when(template)
                .send(any(Message.class));
        RemotePartitionHandler.States states = new RemotePartitionHandler.States() {
            @Override
            public Map<Long, RemotePartitionHandler.State> of(long jobExecutionId) {
                Map<Long, RemotePartitionHandler.State> result = new java.util.HashMap<>();
                repository.forEach((id, e) -> result.put(id, new RemotePartitionHandler.State(e.getStatus(),
                        e.getVersion())));
                return result;
            }

            @Override
            public void askToStop(long jobExecutionId) {
                stopsAsked.add(jobExecutionId);
            }
        };
        return new RemotePartitionHandler(jobRepository, states, template, "ratePartition", Duration.ofSeconds(5),
                Duration.ofMillis(1), 4, () -> {
                    // the handler reads the clock once per partition sent, then once per poll, after its sleep
                    if (reads.incrementAndGet() <= partitions) {
                        return 0L;
                    }
                    worker.accept(++polls);
                    return seconds.addAndGet(1) * 1_000_000_000L;
                }, () -> signalled);
    }

    private StepExecution copy(StepExecution e) {
        StepExecution copy = new StepExecution(e.getId(), e.getStepName(), job);
        copy.setStatus(e.getStatus());
        copy.setVersion(e.getVersion());
        copy.setExitStatus(e.getExitStatus());
        return copy;
    }

    private Set<StepExecution> partitions(int n) {
        Set<StepExecution> result = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            StepExecution p = new StepExecution(100L + i, "ratePartition:partition" + i, job);
            p.setVersion(0);
            repository.put(p.getId(), copy(p));
            result.add(p);
        }
        return result;
    }

    private void set(long id, BatchStatus status) {
        StepExecution e = repository.get(id);
        e.setStatus(status);
        e.incrementVersion();
    }

    private StepExecution manager() {
        return new StepExecution(99L, "rateCustomers", job);
    }

    @Test
    void partitionsQueuedBehindOthersThatMakeProgressAreNotFailed() throws Exception {
        // one worker, one partition at a time, each taking 8 polls (8 s) with a commit every second: the last one
        // waits 16 s in the queue, more than the 5 s timeout, while the others make progress
        RemotePartitionHandler handler = handler(3, poll -> {
            int current = (poll - 1) / 8;
            if (current < 3) {
                long id = 100L + current;
                set(id, poll % 8 == 0 ? BatchStatus.COMPLETED : BatchStatus.STARTED);
            }
        });

        var result = handler.doHandle(manager(), partitions(3));

        assertThat(result).extracting(StepExecution::getStatus).containsOnly(BatchStatus.COMPLETED);
        assertThat(sent).containsExactly("ratePartition 100", "ratePartition 101", "ratePartition 102");
        assertThat(polls).isEqualTo(24);
    }

    @Test
    void aPartitionWhoseWorkerStopsUpdatingItFailsAfterTheTimeout() {
        // partition0 completes at once; partition1 is taken at the first poll, then never updated again
        RemotePartitionHandler handler = handler(2, poll -> {
            if (poll == 1) {
                set(100L, BatchStatus.COMPLETED);
                set(101L, BatchStatus.STARTED);
            }
        });

        assertThatThrownBy(() -> handler.doHandle(manager(), partitions(2)))
                .hasMessage("rateCustomers: 1 of 2 partitions failed: ratePartition:partition1: its worker made no"
                        + " progress for 5 s (the worker died, or a chunk takes longer than"
                        + " tokenbill.remote.partition-timeout)");
        assertThat(repository.get(101L).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(repository.get(100L).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // seen changed at poll 1 (clock 1 s); failed at the first poll 5 s later
        assertThat(polls).isEqualTo(6);
    }

    @Test
    void partitionsNoWorkerTakesFailAfterTheTimeout() {
        RemotePartitionHandler handler = handler(2, poll -> {
        });

        assertThatThrownBy(() -> handler.doHandle(manager(), partitions(2)))
                .hasMessageContaining("rateCustomers: 2 of 2 partitions failed: ratePartition:partition0: no worker took"
                        + " it within 5 s")
                .hasMessageContaining("ratePartition:partition1: no worker took it within 5 s");
        assertThat(repository.values()).extracting(StepExecution::getStatus).containsOnly(BatchStatus.FAILED);
    }

    @Test
    void aSignalledManagerAsksTheWorkersToStopOnceAndEndsWithTheirStoppedPartitions() throws Exception {
        // both partitions running; the manager is signalled after poll 2; the workers stop at poll 4
        RemotePartitionHandler handler = handler(2, poll -> {
            if (poll <= 3) {
                set(100L, BatchStatus.STARTED);
                set(101L, BatchStatus.STARTED);
            } else {
                set(100L, BatchStatus.STOPPED);
                set(101L, BatchStatus.STOPPED);
            }
            signalled = poll >= 2;
        });

        var result = handler.doHandle(manager(), partitions(2));

        assertThat(stopsAsked).containsExactly(1L);
        assertThat(result).extracting(StepExecution::getStatus).containsOnly(BatchStatus.STOPPED);
    }

    @Test
    void noPartitionsNothingSent() throws Exception {
        assertThat(handler(0, poll -> {
        }).doHandle(manager(), Set.of())).isEmpty();
        assertThat(sent).isEmpty();
    }

    @Test
    void theReasonOfAFailedPartitionIsItsRootCause() {
        assertThat(RemotePartitionHandler.firstLine("org.x.FatalStepExecutionException: Unable to process chunk\n"
                + "\tat a.b(C.java:1)\nCaused by: java.lang.IllegalStateException: customer 42 has no plan\n\tat d.e"))
                .isEqualTo("java.lang.IllegalStateException: customer 42 has no plan");
        assertThat(RemotePartitionHandler.firstLine("worker host h sees a.csv with 3 bytes, the run recorded 4"))
                .isEqualTo("worker host h sees a.csv with 3 bytes, the run recorded 4");
    }
}
