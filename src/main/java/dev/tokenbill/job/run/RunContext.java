package dev.tokenbill.job.run;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.period.RunMode;
import java.nio.file.Path;
import org.springframework.batch.core.step.StepContribution;

/** What every step needs to know about its run, read from the job parameters and instance. */
public record RunContext(long runId, BillingPeriod period, RunMode mode, Path input, Path output, boolean correction) {

    public static RunContext of(StepContribution contribution) {
        return of(contribution.getStepExecution());
    }

    public static RunContext of(org.springframework.batch.core.step.StepExecution stepExecution) {
        return of(stepExecution.getJobExecution());
    }

    public static RunContext of(org.springframework.batch.core.job.JobExecution jobExecution) {
        var params = jobExecution.getJobParameters();
        return new RunContext(jobExecution.getJobInstance().getInstanceId(),
                BillingPeriod.parse(params.getString(RunParameters.PERIOD)), RunMode.of(params.getString(RunParameters.MODE)),
                Path.of(params.getString(RunParameters.INPUT)), Path.of(params.getString(RunParameters.OUTPUT)),
                "true".equals(params.getString(RunParameters.CORRECTION)));
    }

    public static RunContext of(long runId, String period, String mode, String input, String output) {
        return new RunContext(runId, BillingPeriod.parse(period), RunMode.of(mode), Path.of(input), Path.of(output), false);
    }

    public Catalog catalog() {
        return RunCatalog.load(input.resolve("catalog.yaml"));
    }

    public Path periodDir() {
        return output.resolve(period.label());
    }

    public boolean isFinal() {
        return mode == RunMode.FINAL;
    }
}
