package dev.tokenbill.job.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

class AbandonedOnStopTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final Tasklet work = (contribution, context) -> {
        runs.incrementAndGet();
        return RepeatStatus.FINISHED;
    };
    private final StepExecution step = new StepExecution(2L, "numberInvoices",
            new JobExecution(1L, new JobInstance(1L, "billing"), new JobParameters()));

    @AfterEach
    void clearSignal() {
        StopRequest.clearSignal();
    }

    @Test
    void testTaskletRunsAndFinishes_whenNoStopWasRequested() throws Exception {
        assertThat(AbandonedOnStop.of(work).execute(new StepContribution(step), null)).isEqualTo(RepeatStatus.FINISHED);
        assertThat(runs).hasValue(1);
    }

    @Test
    void testTaskletIsAbandonedBeforeItsCommit_whenSignalledWhileItRan() {
        // given: the signal comes while the tasklet works
        Tasklet signalledMeanwhile = (contribution, context) -> {
            StopRequest.signal();
            return work.execute(contribution, context);
        };

        // when / then: it throws what Spring Batch records as STOPPED, so the step's transaction rolls back
        assertThatThrownBy(() -> AbandonedOnStop.of(signalledMeanwhile).execute(new StepContribution(step), null))
                .isInstanceOf(JobInterruptedException.class).hasMessageContaining("numberInvoices abandoned");
        assertThat(runs).hasValue(1);
    }

    @Test
    void testChunkStepIsMarkedToEndAfterTheChunk_onlyOnceSignalled() {
        StopAtChunkBoundary listener = new StopAtChunkBoundary();
        listener.beforeStep(step);

        listener.afterWrite(Chunk.of("C001"));
        boolean beforeSignal = step.isTerminateOnly();
        StopRequest.signal();
        listener.afterWrite(Chunk.of("C002"));

        assertThat(beforeSignal).isFalse();
        assertThat(step.isTerminateOnly()).isTrue();
    }
}
