package dev.tokenbill.job;

import dev.tokenbill.job.inputs.RunInputs;
import dev.tokenbill.job.run.RunParameters;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.period.PeriodLifecycle;
import dev.tokenbill.period.PeriodLifecycle.Request;
import dev.tokenbill.period.PeriodState;
import dev.tokenbill.period.RunMode;
import dev.tokenbill.period.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Service;

/**
 * Starts, restarts, stops and lists billing runs, asking the {@link PeriodLifecycle} which runs a period admits
 * (README, "The period lifecycle"), and refusing a restart whose input files changed since the run started.
 */
@Service
public class BillingRuns {

    private static final Logger log = LoggerFactory.getLogger(BillingRuns.class);
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job billingJob;
    private final RunInputs runInputs;

    public BillingRuns(JobOperator jobOperator, JobRepository jobRepository, Job billingJob, RunInputs runInputs) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.billingJob = billingJob;
        this.runInputs = runInputs;
    }

    /** A refused operator request; the message says why and what to do. */
    public static class RunRefusedException extends RuntimeException {
        public RunRefusedException(String message) {
            super(message);
        }
    }

    public JobExecution start(String period, boolean isFinal, Path input, Path output) throws Exception {
        return start(period, isFinal, false, input, output);
    }

    /**
     * Starts a run. A correction run ({@code isFinal} and {@code correction}) of a period already
     * billed final voids the earlier final invoices and issues new ones with new numbers.
     */
    public JobExecution start(String period, boolean isFinal, boolean correction, Path input, Path output)
            throws Exception {
        if (correction && !isFinal) {
            throw new RunRefusedException("--correction applies to final runs only (add --final)");
        }
        BillingPeriod.parse(period);
        Request request = !isFinal ? Request.DRAFT : correction ? Request.CORRECTION : Request.FINAL;
        PeriodLifecycle.Decision decision = lifecycle().decide(request, period);
        if (decision instanceof PeriodLifecycle.Refused refused) {
            throw new RunRefusedException(refused.reason());
        }
        PeriodLifecycle.Start start = (PeriodLifecycle.Start) decision;
        for (RunRecord stillborn : start.abandoned()) {
            jobOperator.abandon(jobRepository.getJobExecution(stillborn.executionId()));
            log.info("abandoned run {} of {} (execution {}): it {} before its inputs were validated and wrote nothing",
                    stillborn.runId(), period, stillborn.executionId(), stillborn.status().name().toLowerCase());
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(RunParameters.PERIOD, period)
                .addString(RunParameters.MODE, (isFinal ? RunMode.FINAL : RunMode.DRAFT).name())
                .addLong(RunParameters.ATTEMPT, start.attempt())
                .addString(RunParameters.CORRECTION, Boolean.toString(correction), false)
                .addString(RunParameters.INPUT, input.toAbsolutePath().normalize().toString(), false)
                .addString(RunParameters.OUTPUT, output.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
        return jobOperator.start(billingJob, parameters);
    }

    /** The outcome of a restart: the new execution, and whether a crashed execution had to be recovered first. */
    public record Restarted(JobExecution execution, boolean recovered, long previousExecutionId) {
    }

    /**
     * Resumes the period's unfinished final run (whatever ran in between), else its last run if that did not
     * complete, from the last checkpoint, with the directories it was started with; refused when an input file
     * changed since the run started.
     */
    public Restarted restart(String period) throws Exception {
        BillingPeriod.parse(period);
        PeriodLifecycle.Decision decision = lifecycle().decide(Request.RESTART, period);
        if (decision instanceof PeriodLifecycle.Refused refused) {
            throw new RunRefusedException(refused.reason());
        }
        RunRecord target = ((PeriodLifecycle.Restart) decision).execution();
        JobExecution last = jobRepository.getJobExecution(target.executionId());
        requireSameInputs(period, last);
        boolean recovered = false;
        if (last.isRunning()) {
            // a JVM killed mid-step leaves its execution STARTED; recover it so it can be restarted
            last = jobOperator.recover(last);
            recovered = true;
        }
        return new Restarted(jobOperator.restart(last), recovered, last.getId());
    }

    private void requireSameInputs(String period, JobExecution execution) {
        var recorded = runInputs.recorded(execution.getJobInstanceId());
        if (recorded.isEmpty()) {
            return; // it failed before validating its inputs: nothing was billed from them yet
        }
        Path input = Path.of(execution.getJobParameters().getString(RunParameters.INPUT));
        RunInputs.differences(recorded, RunInputs.fingerprint(input)).ifPresent(changes -> {
            throw new RunRefusedException("the input files of run " + execution.getJobInstanceId() + " (" + period
                    + ") changed since it started, in " + input + ": " + changes + ". A restart bills the files the run"
                    + " started with: put them back" + (isFinal(execution) ? "" : ", or start a new draft run"));
        });
    }

    /** Asks the running execution of the period to stop at its next chunk boundary. */
    public Optional<JobExecution> stop(String period) throws Exception {
        for (JobExecution e : executionsOf(period)) {
            if (e.isRunning()) {
                jobOperator.stop(e);
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The lifecycle state of a period, from its runs. */
    public PeriodState state(String period) {
        return lifecycle().state(period);
    }

    /** Every execution of the billing job, oldest first; of one period when {@code period} is not null. */
    public List<JobExecution> executions(String period) {
        return period == null ? allExecutions() : executionsOf(period);
    }

    private PeriodLifecycle lifecycle() {
        List<JobExecution> executions = allExecutions();
        Set<Long> validated = new HashSet<>();
        for (JobExecution e : executions) {
            for (StepExecution s : e.getStepExecutions()) {
                if (s.getStepName().equals("validateInputs") && s.getStatus() == BatchStatus.COMPLETED) {
                    validated.add(e.getJobInstanceId());
                }
            }
        }
        List<RunRecord> records = new ArrayList<>();
        for (JobExecution e : executions) {
            JobParameters p = e.getJobParameters();
            records.add(new RunRecord(e.getId(), e.getJobInstanceId(), p.getString(RunParameters.PERIOD),
                    RunMode.of(p.getString(RunParameters.MODE)), p.getLong(RunParameters.ATTEMPT),
                    "true".equals(p.getString(RunParameters.CORRECTION)), status(e),
                    validated.contains(e.getJobInstanceId())));
        }
        return new PeriodLifecycle(records);
    }

    private static RunRecord.Status status(JobExecution e) {
        return switch (e.getStatus()) {
            case COMPLETED -> RunRecord.Status.COMPLETED;
            case STARTING, STARTED, STOPPING -> RunRecord.Status.RUNNING;
            case STOPPED -> RunRecord.Status.STOPPED;
            case ABANDONED -> RunRecord.Status.ABANDONED;
            case FAILED, UNKNOWN -> RunRecord.Status.FAILED;
        };
    }

    private static boolean isFinal(JobExecution e) {
        return RunMode.FINAL.name().equals(e.getJobParameters().getString(RunParameters.MODE));
    }

    private List<JobExecution> executionsOf(String period) {
        return allExecutions().stream().filter(e -> period.equals(e.getJobParameters().getString(RunParameters.PERIOD)))
                .toList();
    }

    private List<JobExecution> allExecutions() {
        List<JobExecution> all = new ArrayList<>();
        for (JobInstance instance : jobRepository.findJobInstances(RunParameters.JOB_NAME)) {
            all.addAll(jobRepository.getJobExecutions(instance));
        }
        all.sort(Comparator.comparingLong(JobExecution::getId));
        return all;
    }
}
