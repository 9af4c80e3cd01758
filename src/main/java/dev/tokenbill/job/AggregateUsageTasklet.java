package dev.tokenbill.job;

import dev.tokenbill.usage.internal.UsageAggregation;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 4: de-duplicates usage by event id and aggregates it per subscription, model, meter and condition. */
public class AggregateUsageTasklet implements Tasklet {

    private final UsageAggregation aggregation;

    public AggregateUsageTasklet(UsageAggregation aggregation) {
        this.aggregation = aggregation;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        aggregation.run(RunContext.of(contribution).runId());
        return RepeatStatus.FINISHED;
    }
}
