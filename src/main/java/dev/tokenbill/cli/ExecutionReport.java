package dev.tokenbill.cli;

import java.io.PrintWriter;
import dev.tokenbill.job.partition.PartitionsLeft;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Prints the outcome of an execution for an operator and turns it into an exit code. */
final class ExecutionReport {

    private ExecutionReport() {
    }

    static int outcome(JobExecution execution, PrintWriter out, PrintWriter err) {
        String period = execution.getJobParameters().getString("period");
        String mode = execution.getJobParameters().getString("mode");
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            long invoices = execution.getStepExecutions().stream().filter(s -> s.getStepName().equals("rateCustomers"))
                    .mapToLong(StepExecution::getWriteCount).sum();
            out.println("tokenbill: " + mode.toLowerCase() + " run of " + period + " completed (run "
                    + execution.getJobInstanceId() + ", execution " + execution.getId() + "): " + invoices
                    + " invoices rated in this execution; outputs in "
                    + execution.getJobParameters().getString("output") + "/" + period);
            return ExitCode.SUCCESS.code();
        }
        // a partitioned step is named by its manager step; its failure is told by the partition that failed
        StepExecution failed = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED && !PartitionsLeft.isPartition(s))
                .max(Comparator.comparingLong(StepExecution::getId)).orElse(null);
        String where = failed == null ? "" : " in step " + failed.getStepName();
        List<Throwable> failures = execution.getStepExecutions().stream().filter(PartitionsLeft::isPartition)
                .sorted(Comparator.comparingLong(StepExecution::getId))
                .flatMap(s -> s.getFailureExceptions().stream()).toList();
        if (failures.isEmpty()) {
            failures = execution.getAllFailureExceptions();
        }
        String reason = failures.isEmpty() ? execution.getExitStatus().getExitDescription() : OneLine.of(failures.get(0));
        err.println("tokenbill: " + mode.toLowerCase() + " run of " + period + " " + execution.getStatus().name()
                .toLowerCase() + where + ": " + reason + " (resume with 'tokenbill restart --period " + period + "')");
        return (execution.getStatus() == BatchStatus.STOPPED ? ExitCode.RUN_STOPPED : ExitCode.RUN_FAILED).code();
    }
}
