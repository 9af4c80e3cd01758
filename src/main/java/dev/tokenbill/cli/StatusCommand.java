package dev.tokenbill.cli;

import java.io.PrintWriter;
import org.springframework.batch.core.job.JobExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status [--period P]}: every execution, its steps, their counts and where it stopped. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show billing runs: one line per execution (period, mode, run, state, where and why it stopped,"
                + " what to do next), then its steps with their counts; last, each period's lifecycle state (open, draft,"
                + " final in progress, failed final, final, corrected)."})
public class StatusCommand extends RunsCommand {

    @Option(names = "--period", paramLabel = "PERIOD", converter = PeriodConverter.class, description = "Only this period.")
    String period;

    @Override
    public Integer call() {
        PrintWriter out = out();
        var executions = runs().executions(period);
        if (executions.isEmpty()) {
            out.println("no billing runs" + (period == null ? "" : " of period " + period));
        }
        for (JobExecution e : executions) {
            boolean latest = executions.stream().noneMatch(
                    later -> later.getJobInstanceId() == e.getJobInstanceId() && later.getId() > e.getId());
            StatusLines.of(e, latest).forEach(out::println);
        }
        // the lifecycle state of each period shown (README, "The period lifecycle"): what it admits next
        executions.stream().map(e -> e.getJobParameters().getString("period")).distinct()
                .forEach(p -> out.println("period " + p + " is " + runs().state(p).words()));
        return ExitCode.SUCCESS.code();
    }
}
