package dev.tokenbill.period;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.period.PeriodLifecycle.Decision;
import dev.tokenbill.period.PeriodLifecycle.Refused;
import dev.tokenbill.period.PeriodLifecycle.Request;
import dev.tokenbill.period.PeriodLifecycle.Restart;
import dev.tokenbill.period.PeriodLifecycle.Start;
import dev.tokenbill.period.RunRecord.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle table of the README, row by row: which request each state of a period admits. */
class PeriodLifecycleTest {

    private final List<RunRecord> runs = new ArrayList<>();
    private long nextExecution = 1;

    private RunRecord run(long runId, String period, RunMode mode, boolean correction, Status status, boolean billed) {
        long attempt = runs.stream().filter(r -> r.period().equals(period)).mapToLong(RunRecord::attempt).max().orElse(0) + 1;
        for (RunRecord r : runs) {
            if (r.runId() == runId) {
                attempt = r.attempt();
            }
        }
        RunRecord r = new RunRecord(nextExecution++, runId, period, mode, attempt, correction, status, billed);
        runs.add(r);
        return r;
    }

    private Decision decide(Request request, String period) {
        return new PeriodLifecycle(runs).decide(request, period);
    }

    private PeriodState state(String period) {
        return new PeriodLifecycle(runs).state(period);
    }

    @Test
    void open_AdmitsDraftAndFinal_NotCorrectionOrRestart() {
        assertThat(state("2026-10")).isEqualTo(PeriodState.OPEN);
        assertThat(decide(Request.DRAFT, "2026-10")).isEqualTo(new Start(1, List.of()));
        assertThat(decide(Request.FINAL, "2026-10")).isEqualTo(new Start(1, List.of()));
        assertThat(decide(Request.CORRECTION, "2026-10")).isInstanceOf(Refused.class);
        assertThat(((Refused) decide(Request.RESTART, "2026-10")).reason()).contains("no run of period 2026-10");
    }

    @Test
    void draft_AdmitsMoreDraftsAndTheFinal_WithNewAttempts() {
        run(1, "2026-10", RunMode.DRAFT, false, Status.COMPLETED, true);
        run(2, "2026-10", RunMode.DRAFT, false, Status.FAILED, true);
        assertThat(state("2026-10")).isEqualTo(PeriodState.DRAFT);
        assertThat(decide(Request.DRAFT, "2026-10")).isEqualTo(new Start(3, List.of()));
        assertThat(decide(Request.FINAL, "2026-10")).isEqualTo(new Start(3, List.of()));
        // the failed draft is the last run: restart resumes it
        assertThat(decide(Request.RESTART, "2026-10")).isEqualTo(new Restart(runs.get(1)));
    }

    @Test
    void final_RefusesDraftsAndASecondFinal_AdmitsACorrection() {
        run(1, "2026-10", RunMode.FINAL, false, Status.COMPLETED, true);
        assertThat(state("2026-10")).isEqualTo(PeriodState.FINAL);
        assertThat(((Refused) decide(Request.DRAFT, "2026-10")).reason()).contains("drafts of a final period are refused");
        assertThat(((Refused) decide(Request.FINAL, "2026-10")).reason()).contains("already billed final (run 1)");
        assertThat(((Refused) decide(Request.RESTART, "2026-10")).reason()).contains("nothing to restart");
        assertThat(decide(Request.CORRECTION, "2026-10")).isEqualTo(new Start(2, List.of()));
    }

    @Test
    void corrected_IsFinalToo() {
        run(1, "2026-10", RunMode.FINAL, false, Status.COMPLETED, true);
        run(2, "2026-10", RunMode.FINAL, true, Status.COMPLETED, true);
        assertThat(state("2026-10")).isEqualTo(PeriodState.CORRECTED);
        assertThat(decide(Request.DRAFT, "2026-10")).isInstanceOf(Refused.class);
        assertThat(decide(Request.CORRECTION, "2026-10")).isEqualTo(new Start(3, List.of()));
    }

    @Test
    void failedFinal_ThenDrafts_RestartStillFindsTheFinal() {
        // the order of issue 14: a final that failed after billing started, then a draft (from an older version)
        RunRecord failed = run(1, "2026-10", RunMode.FINAL, false, Status.FAILED, true);
        run(2, "2026-10", RunMode.DRAFT, false, Status.COMPLETED, true);
        assertThat(state("2026-10")).isEqualTo(PeriodState.FAILED_FINAL);
        assertThat(decide(Request.RESTART, "2026-10")).isEqualTo(new Restart(failed));
        assertThat(((Refused) decide(Request.DRAFT, "2026-10")).reason()).contains("finish it with 'restart --period 2026-10'");
        assertThat(((Refused) decide(Request.FINAL, "2026-10")).reason()).contains("did not finish (run 1");
        assertThat(decide(Request.CORRECTION, "2026-10")).isInstanceOf(Refused.class);
    }

    @Test
    void failedFinal_RestartedToCompletion_IsFinal() {
        run(1, "2026-10", RunMode.FINAL, false, Status.STOPPED, true);
        assertThat(state("2026-10")).isEqualTo(PeriodState.FAILED_FINAL);
        run(1, "2026-10", RunMode.FINAL, false, Status.COMPLETED, true);
        assertThat(state("2026-10")).isEqualTo(PeriodState.FINAL);
    }

    @Test
    void finalInProgress_RefusesEverythingButRestart() {
        RunRecord running = run(1, "2026-10", RunMode.FINAL, false, Status.RUNNING, true);
        assertThat(state("2026-10")).isEqualTo(PeriodState.FINAL_IN_PROGRESS);
        assertThat(((Refused) decide(Request.DRAFT, "2026-10")).reason()).contains("already running");
        assertThat(decide(Request.FINAL, "2026-10")).isInstanceOf(Refused.class);
        // a process that died leaves its execution running: restart recovers it
        assertThat(decide(Request.RESTART, "2026-10")).isEqualTo(new Restart(running));
    }

    @Test
    void finalThatFailedBeforeValidation_IsAbandonedByTheNextRun() {
        // 'run --final --input /no/such/dir' fails in validateInputs: it wrote nothing and must not block the month
        RunRecord stillborn = run(1, "2026-10", RunMode.FINAL, false, Status.FAILED, false);
        assertThat(state("2026-10")).isEqualTo(PeriodState.DRAFT);
        assertThat(decide(Request.DRAFT, "2026-10")).isEqualTo(new Start(2, List.of(stillborn)));
        assertThat(decide(Request.FINAL, "2026-10")).isEqualTo(new Start(2, List.of(stillborn)));
        // restart is still allowed: the operator may have created the input directory meanwhile
        assertThat(decide(Request.RESTART, "2026-10")).isEqualTo(new Restart(stillborn));
    }

    @Test
    void anAbandonedRun_IsForgotten_ButItsAttemptIsNeverReused() {
        // the stillborn final of the test above, once a draft abandoned it (the draft's own start then failed)
        run(1, "2026-10", RunMode.FINAL, false, Status.ABANDONED, false);
        assertThat(state("2026-10")).isEqualTo(PeriodState.OPEN);
        assertThat(((Refused) decide(Request.RESTART, "2026-10")).reason()).contains("no run of period 2026-10");
        // attempt 1 belongs to the abandoned job instance, which can never be started again
        assertThat(decide(Request.FINAL, "2026-10")).isEqualTo(new Start(2, List.of()));
    }

    @Test
    void finalsCloseInPeriodOrder_WithinAnInterval() {
        run(1, "2026-10", RunMode.FINAL, false, Status.FAILED, true);
        Refused refused = (Refused) decide(Request.FINAL, "2026-11");
        assertThat(refused.reason()).contains("earlier period 2026-10").contains("restart --period 2026-10");
        // a daily period is another interval: its numbers are not held up by the month
        assertThat(decide(Request.FINAL, "2026-11-05")).isInstanceOf(Start.class);
        // drafts of later months stay possible (month-to-date previews)
        assertThat(decide(Request.DRAFT, "2026-11")).isInstanceOf(Start.class);
        run(1, "2026-10", RunMode.FINAL, false, Status.COMPLETED, true);
        assertThat(decide(Request.FINAL, "2026-11")).isInstanceOf(Start.class);
    }

    @Test
    void aFinalAfterALaterPeriodsFinal_IsRefused() {
        run(1, "2026-11", RunMode.FINAL, false, Status.COMPLETED, true);
        Refused refused = (Refused) decide(Request.FINAL, "2026-10");
        assertThat(refused.reason()).contains("2026-11 is already final").contains("follow issue dates");
        // a correction of an earlier period is issued now, with the next numbers: allowed
        run(2, "2026-09", RunMode.FINAL, false, Status.COMPLETED, true);
        assertThat(decide(Request.CORRECTION, "2026-09")).isInstanceOf(Start.class);
    }

    @Test
    void aRunningDraft_RefusesASecondRun() {
        run(1, "2026-10", RunMode.DRAFT, false, Status.RUNNING, true);
        assertThat(((Refused) decide(Request.DRAFT, "2026-10")).reason()).contains("already running (run 1, execution 1)");
        assertThat(decide(Request.FINAL, "2026-10")).isInstanceOf(Refused.class);
    }
}
