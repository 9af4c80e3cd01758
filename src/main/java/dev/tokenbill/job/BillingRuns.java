package dev.tokenbill.job;

import dev.tokenbill.period.BillingPeriod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

/**
 * Starts, restarts, stops and lists billing runs, and enforces the operator rules: a final period
 * is not billed again, a failed final run is restarted rather than started anew, and a period
 * runs once at a time.
 */
@Service
public class BillingRuns {

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job billingJob;

    public BillingRuns(JobOperator jobOperator, JobRepository jobRepository, Job billingJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.billingJob = billingJob;
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
        String mode = isFinal ? RunParameters.FINAL : RunParameters.DRAFT;
        List<JobExecution> executions = executionsOf(period);
        refuseIfRunning(period, executions);
        long attempt = 1;
        for (JobExecution e : executions) {
            JobParameters p = e.getJobParameters();
            if (isFinal && RunParameters.FINAL.equals(p.getString(RunParameters.MODE))) {
                if (e.getStatus() == BatchStatus.COMPLETED && correction) {
                    attempt = Math.max(attempt, p.getLong(RunParameters.ATTEMPT) + 1);
                    continue;
                }
                if (e.getStatus() == BatchStatus.COMPLETED) {
                    throw new RunRefusedException("period " + period + " is already billed final (run " + e.getJobInstanceId()
                            + "); a final period is never billed twice. To replace its invoices, run a correction:"
                            + " 'run --period " + period + " --final --correction' voids them and issues new numbers");
                }
                throw new RunRefusedException("the final run of " + period + " did not finish (execution " + e.getId()
                        + ", " + e.getStatus() + "): finish it with 'restart --period " + period + "'");
            }
            attempt = Math.max(attempt, p.getLong(RunParameters.ATTEMPT) + 1);
        }
        JobParameters parameters = new JobParametersBuilder()
                .addString(RunParameters.PERIOD, period)
                .addString(RunParameters.MODE, mode)
                .addLong(RunParameters.ATTEMPT, isFinal && !correction ? 1L : attempt)
                .addString(RunParameters.CORRECTION, Boolean.toString(correction), false)
                .addString(RunParameters.INPUT, input.toAbsolutePath().normalize().toString(), false)
                .addString(RunParameters.OUTPUT, output.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
        return jobOperator.start(billingJob, parameters);
    }

    /** The outcome of a restart: the new execution, and whether a crashed execution had to be recovered first. */
    public record Restarted(JobExecution execution, boolean recovered, long previousExecutionId) {
    }

    public Restarted restart(String period) throws Exception {
        List<JobExecution> executions = executionsOf(period);
        if (executions.isEmpty()) {
            throw new RunRefusedException("no run of period " + period + " to restart");
        }
        JobExecution last = executions.get(executions.size() - 1);
        boolean recovered = false;
        switch (last.getStatus()) {
            case COMPLETED -> throw new RunRefusedException("the last run of " + period + " (execution " + last.getId()
                    + ") completed; nothing to restart");
            case STARTING, STARTED, STOPPING -> {
                // a JVM killed mid-step leaves its execution STARTED; recover it so it can be restarted
                last = jobOperator.recover(last);
                recovered = true;
            }
            case FAILED, STOPPED, UNKNOWN, ABANDONED -> { }
        }
        return new Restarted(jobOperator.restart(last), recovered, last.getId());
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

    /** Every execution of the billing job, oldest first; of one period when {@code period} is not null. */
    public List<JobExecution> executions(String period) {
        return period == null ? allExecutions() : executionsOf(period);
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

    private static void refuseIfRunning(String period, List<JobExecution> executions) {
        for (JobExecution e : executions) {
            if (e.isRunning()) {
                throw new RunRefusedException("a run of period " + period + " is already running (execution " + e.getId()
                        + ", started " + e.getStartTime() + "); if its process died, use 'restart --period " + period + "'");
            }
        }
    }
}
