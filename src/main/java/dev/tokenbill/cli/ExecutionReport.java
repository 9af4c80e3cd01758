package dev.tokenbill.cli;

import java.io.PrintWriter;
import java.util.Comparator;
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
        StepExecution failed = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                .max(Comparator.comparingLong(StepExecution::getId)).orElse(null);
        String where = failed == null ? "" : " in step " + failed.getStepName();
        String reason = execution.getAllFailureExceptions().isEmpty() ? execution.getExitStatus().getExitDescription()
                : OneLine.of(execution.getAllFailureExceptions().get(0));
        err.println("tokenbill: " + mode.toLowerCase() + " run of " + period + " " + execution.getStatus().name()
                .toLowerCase() + where + ": " + reason + " (resume with 'tokenbill restart --period " + period + "')");
        return (execution.getStatus() == BatchStatus.STOPPED ? ExitCode.RUN_STOPPED : ExitCode.RUN_FAILED).code();
    }
}
