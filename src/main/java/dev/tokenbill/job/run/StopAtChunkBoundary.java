package dev.tokenbill.job.run;

import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Stops a chunk step at the end of the chunk being written once this process was signalled ({@link StopRequest}):
 * the chunk commits with its checkpoint, then Spring Batch ends the step STOPPED, as after {@code JobOperator.stop}.
 */
public final class StopAtChunkBoundary implements StepExecutionListener, ItemWriteListener<Object> {

    private volatile StepExecution running;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        running = stepExecution;
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        StepExecution step = running;
        if (step != null && StopRequest.signalled()) {
            step.setTerminateOnly();
        }
    }
}
