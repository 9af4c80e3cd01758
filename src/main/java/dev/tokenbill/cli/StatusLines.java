package dev.tokenbill.cli;

import dev.tokenbill.job.partition.PartitionsLeft;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * An execution as an operator reads it: one greppable line (period, mode, run, execution, state, where, when, why,
 * what next), then its steps indented with their counts. Never the framework's own toString dumps.
 */
final class StatusLines {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StatusLines() {
    }

    static List<String> of(JobExecution e, boolean latestOfItsRun) {
        List<String> lines = new ArrayList<>();
        lines.add(headline(e, latestOfItsRun));
        steps(e).stream().filter(s -> !PartitionsLeft.isPartition(s)).forEach(s -> lines.add(String.format(Locale.ROOT, "    %-16s %-9s read %,d  written %,d  skipped %,d"
                + "  commits %,d  %s", s.getStepName(), s.getStatus(), s.getReadCount(), s.getWriteCount(),
                s.getSkipCount(), s.getCommitCount(), seconds(s.getStartTime(), s.getEndTime()))));
        return lines;
    }

    /** What a restart resumed, from its new execution: the run (job instance) and the period it belongs to. */
    static String resumed(JobExecution execution) {
        return "tokenbill: resumed the " + mode(execution) + " run of " + period(execution) + " (run "
                + execution.getJobInstanceId() + ") from its last checkpoint as execution " + execution.getId();
    }

    private static String headline(JobExecution e, boolean latestOfItsRun) {
        String head = String.format("%s %-5s  run %d  execution %d  %s", period(e), mode(e), e.getJobInstanceId(),
                e.getId(), e.getStatus());
        String restart = "'tokenbill restart --period " + period(e) + "'";
        return switch (e.getStatus()) {
            case COMPLETED -> head + " at " + time(e.getEndTime()) + " in " + seconds(e.getStartTime(), e.getEndTime());
            case STARTING, STARTED, STOPPING -> head + where(e) + " since " + time(e.getStartTime())
                    + "; if its process died, " + restart + " recovers it";
            case FAILED, STOPPED, ABANDONED, UNKNOWN -> head + where(e) + " at " + time(e.getEndTime()) + reason(e)
                    + (latestOfItsRun ? "; resume with " + restart : "; resumed by a later execution");
        };
    }

    private static String where(JobExecution e) {
        return steps(e).stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED && !PartitionsLeft.isPartition(s))
                .reduce((a, b) -> b).map(s -> " in " + s.getStepName()).orElse("");
    }

    private static String reason(JobExecution e) {
        String description = lastUnfinishedStep(e).map(s -> s.getExitStatus().getExitDescription())
                .filter(d -> !d.isBlank()).orElse(e.getExitStatus().getExitDescription());
        String line = firstLine(description);
        return line.isEmpty() ? "" : ": " + line;
    }

    /** The first line of an exit description, which holds a stack trace, without the exception's class name. */
    static String firstLine(String description) {
        String line = description == null ? "" : description.lines().findFirst().orElse("").strip();
        return line.replaceFirst("^([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*: ", "");
    }

    private static Optional<StepExecution> lastUnfinishedStep(JobExecution e) {
        return steps(e).stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED).reduce((a, b) -> b);
    }

    private static List<StepExecution> steps(JobExecution e) {
        return e.getStepExecutions().stream().sorted(Comparator.comparingLong(StepExecution::getId)).toList();
    }

    private static String period(JobExecution e) {
        return e.getJobParameters().getString("period");
    }

    private static String mode(JobExecution e) {
        return String.valueOf(e.getJobParameters().getString("mode")).toLowerCase(Locale.ROOT);
    }

    private static String time(LocalDateTime t) {
        return t == null ? "?" : TIME.format(t);
    }

    private static String seconds(LocalDateTime start, LocalDateTime end) {
        if (start == null || end == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%.1f s", Duration.between(start, end).toMillis() / 1000.0);
    }
}
