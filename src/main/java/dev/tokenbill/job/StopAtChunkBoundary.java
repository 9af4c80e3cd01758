package dev.tokenbill.job;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Stops a chunk step at the end of the chunk being written once this process was signalled ({@link StopRequest}):
 * the chunk commits with its checkpoint, then Spring Batch ends the step STOPPED, as after {@code JobOperator.stop}.
 * One listener serves the partitions of a worker step running at the same time: each runs on a thread of its own.
 */
public final class StopAtChunkBoundary implements StepExecutionListener, ItemWriteListener<Object> {

    private final ThreadLocal<StepExecution> running = new ThreadLocal<>();

    @Override
    public void beforeStep(StepExecution stepExecution) {
        running.set(stepExecution);
        if (StopRequest.signalled()) {
            stepExecution.setTerminateOnly(); // a partition that starts after the signal stops before its first chunk
        }
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        StepExecution step = running.get();
        if (step != null && StopRequest.signalled()) {
            step.setTerminateOnly();
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        running.remove();
        return null;
    }
}
