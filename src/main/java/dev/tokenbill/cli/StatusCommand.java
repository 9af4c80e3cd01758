package dev.tokenbill.cli;

import dev.tokenbill.job.BillingRuns;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status [--period P]}: every execution, its steps, their counts and where it stopped. */
@Component
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show billing runs, their steps and counts.")
public class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", description = "Only this period.")
    String period;

    private final BillingRuns runs;

    public StatusCommand(BillingRuns runs) {
        this.runs = runs;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var executions = runs.executions(period);
        if (executions.isEmpty()) {
            out.println("no billing runs" + (period == null ? "" : " for period " + period));
        }
        for (JobExecution e : executions) {
            var p = e.getJobParameters();
            out.printf("execution %d  run %d  period %s  %s  attempt %d  %s  started %s  ended %s%n", e.getId(),
                    e.getJobInstanceId(), p.getString("period"), p.getString("mode"), p.getLong("attempt"), e.getStatus(),
                    e.getStartTime(), e.getEndTime());
            e.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId)).forEach(s -> out.printf(
                    "    %-16s %-10s read %8d  written %8d  skipped %6d  commits %6d%s%n", s.getStepName(), s.getStatus(),
                    s.getReadCount(), s.getWriteCount(), s.getSkipCount(), s.getCommitCount(),
                    s.getExitStatus().getExitDescription().isEmpty() ? ""
                            : "  (" + s.getExitStatus().getExitDescription().lines().findFirst().orElse("") + ")"));
        }
        return 0;
    }
}
