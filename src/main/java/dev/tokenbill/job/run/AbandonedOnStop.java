package dev.tokenbill.job.run;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * A tasklet whose work is abandoned when this process was signalled to stop while it ran ({@link StopRequest}): it
 * throws before its step's transaction commits, so the transaction rolls back and the step ends STOPPED. Every
 * tasklet here undoes its own earlier work when it runs again, so {@code restart} simply runs it again.
 */
public final class AbandonedOnStop implements Tasklet {

    private final Tasklet tasklet;

    private AbandonedOnStop(Tasklet tasklet) {
        this.tasklet = tasklet;
    }

    public static Tasklet of(Tasklet tasklet) {
        return new AbandonedOnStop(tasklet);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RepeatStatus status = tasklet.execute(contribution, chunkContext);
        if (StopRequest.signalled()) {
            throw new JobInterruptedException("stop requested: " + contribution.getStepExecution().getStepName()
                    + " abandoned; it runs again on restart");
        }
        return status;
    }
}
