package dev.tokenbill.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

/** What {@code status} and {@code restart} print about an execution: sentences and counts, never framework dumps. */
class StatusLinesTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 3, 17, 0, 0);

    @Test
    void testFailedExecution_OneLineWithStepTimeReasonAndWhatToDo() {
        // given: execution 5 of final run 3 failed in rateCustomers after 1,000 customers
        JobExecution e = execution(5, 3, "FINAL", BatchStatus.FAILED);
        step(e, 11, "validateInputs", BatchStatus.COMPLETED, 0, 0, 0);
        StepExecution rating = step(e, 12, "rateCustomers", BatchStatus.FAILED, 1_000, 1_000, 2);
        rating.setExitStatus(ExitStatus.FAILED.addExitDescription(
                "dev.tokenbill.rating.RatingException: plan pro has no price for gpt-5\n\tat dev.tokenbill.X.y(X.java:1)"));
        e.setEndTime(T0.plusSeconds(131));

        // when
        List<String> lines = StatusLines.of(e, true);

        // then
        assertThat(lines.get(0)).isEqualTo("2026-10 final  run 3  execution 5  FAILED in rateCustomers at 2026-12-03"
                + " 17:02:11: plan pro has no price for gpt-5; resume with 'tokenbill restart --period 2026-10'");
        assertThat(lines.get(1)).startsWith("    validateInputs   COMPLETED read 0  written 0  skipped 0  commits 0");
        // 1,000 customers read and written in 2 commits, the step ran 10 s (hand-set times below)
        assertThat(lines.get(2)).isEqualTo("    rateCustomers    FAILED    read 1,000  written 1,000  skipped 0  commits 2  10.0 s");
        assertThat(String.join("\n", lines)).doesNotContain("JobExecution").doesNotContain("StepExecution")
                .doesNotContain("JobParameters{").doesNotContain("JobParameter{").doesNotContain("\tat ");
    }

    @Test
    void testFailedExecutionResumedLater_SaysSoInsteadOfRestart() {
        JobExecution e = execution(4, 3, "FINAL", BatchStatus.FAILED);
        step(e, 9, "readUsage", BatchStatus.FAILED, 0, 0, 0);
        e.setEndTime(T0.plusSeconds(1));

        assertThat(StatusLines.of(e, false).get(0)).isEqualTo(
                "2026-10 final  run 3  execution 4  FAILED in readUsage at 2026-12-03 17:00:01; resumed by a later execution");
    }

    @Test
    void testCompletedExecution_SaysWhenAndHowLong() {
        JobExecution e = execution(1, 1, "DRAFT", BatchStatus.COMPLETED);
        e.setEndTime(T0.plusSeconds(42));

        assertThat(StatusLines.of(e, true)).containsExactly(
                "2026-10 draft  run 1  execution 1  COMPLETED at 2026-12-03 17:00:42 in 42.0 s");
    }

    @Test
    void testRunningExecution_SaysWhereAndHowToRecover() {
        JobExecution e = execution(7, 2, "FINAL", BatchStatus.STARTED);
        step(e, 20, "renderInvoices", BatchStatus.STARTED, 300, 300, 3).setEndTime(null);

        assertThat(StatusLines.of(e, true).get(0)).isEqualTo("2026-10 final  run 2  execution 7  STARTED in renderInvoices"
                + " since 2026-12-03 17:00:00; if its process died, 'tokenbill restart --period 2026-10' recovers it");
    }

    @Test
    void testResumed_NamesTheRunAndTheNewExecution() {
        JobExecution resumed = execution(6, 2, "FINAL", BatchStatus.STOPPED);

        assertThat(StatusLines.resumed(resumed)).isEqualTo(
                "tokenbill: resumed the final run of 2026-10 (run 2) from its last checkpoint as execution 6");
    }

    @Test
    void testFirstLine_DropsTheExceptionClassAndTheTrace() {
        assertThat(StatusLines.firstLine("dev.tokenbill.csv.InputFileException: customers.csv: file not found\n\tat a.B.c"))
                .isEqualTo("customers.csv: file not found");
        assertThat(StatusLines.firstLine("412 of 5000 usage rows were rejected")).isEqualTo("412 of 5000 usage rows were rejected");
        assertThat(StatusLines.firstLine(null)).isEmpty();
    }

    private static JobExecution execution(long id, long run, String mode, BatchStatus status) {
        JobExecution e = new JobExecution(id, new JobInstance(run, "billing"), new JobParametersBuilder()
                .addString("period", "2026-10").addString("mode", mode).addLong("attempt", 1L).toJobParameters());
        e.setStatus(status);
        e.setStartTime(T0);
        return e;
    }

    private static StepExecution step(JobExecution e, long id, String name, BatchStatus status, long read, long written,
            long commits) {
        StepExecution s = new StepExecution(id, name, e);
        s.setStatus(status);
        s.setReadCount(read);
        s.setWriteCount(written);
        s.setCommitCount(commits);
        s.setStartTime(T0.plusSeconds(id - 11));
        s.setEndTime(T0.plusSeconds(id - 1));
        if (!e.getStepExecutions().contains(s)) {
            e.addStepExecution(s);
        }
        return s;
    }
}
