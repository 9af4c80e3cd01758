package dev.tokenbill.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/cron/tokenbill.crontab works as written: each of its command lines, with the installation's paths
 * (/var/lib/tokenbill, /opt/tokenbill) replaced by a temporary home, the packaged jar (installed with its CDS archive,
 * the archive's options in JAVA_OPTS: {@link EndToEndJvm}) and deploy/bin, runs under sh
 * with the crontab's own variables, as cron would run it, on 2026-11-01 (TOKENBILL_TODAY) over the sample input.
 * Cron mails what a command prints: a good night prints nothing, a failed one prints one line with the exit code.
 */
class CrontabEndToEndIT {

    private static final Path CRONTAB = Path.of("deploy/cron/tokenbill.crontab");
    private static final Pattern JOB = Pattern.compile("^(\\S+\\s+){5}(?<command>.+)$");
    private static final Pattern VARIABLE = Pattern.compile("^(?<name>[A-Z_]+)=(?<value>.*)$");

    @TempDir
    Path home;

    @BeforeEach
    void sampleInputInHome() throws IOException {
        Fixtures.copyOfSample(home.resolve("input"));
        // the month-to-date draft bills November: the cost-plus customer needs November's cost pools (validateInputs)
        Files.writeString(home.resolve("input/costs.csv"), "2026-11,hardware,18000.00,USD\n", StandardOpenOption.APPEND);
    }

    @Test
    void testNightlyLine_BillsYesterdaysDailyPlansFinalAndTheMonthToDateDraft() throws Exception {
        // when: the night of 2026-11-01
        Cron result = run(line("nightly"));

        // then: yesterday is 2026-10-31, billed final: pixelmoth is the one subscription on a daily plan
        assertThat(result.exitCode()).as(result.mail()).isZero();
        assertThat(result.mail()).as("cron mails nothing on success").isEmpty();
        assertThat(runJson("2026-10-31", "mode", "status", "invoice_count")).containsExactly("FINAL", "COMPLETED", "1");
        // the month to date is November, a draft: every monthly subscription still active on 2026-11-01, i.e. all
        // 12 monthly ones except sub-0003 (ended 2026-10-15) and sub-0008 (ended 2026-10-20): 11 customers
        assertThat(runJson("2026-11", "mode", "status", "invoice_count")).containsExactly("DRAFT", "COMPLETED", "11");
        // the working directory is the build's, not the home: every path comes from TOKENBILL_HOME, absolute
        assertThat(Files.readString(home.resolve("data/schedule.log")))
                .contains("outputs in " + home.resolve("output/2026-10-31"));
        assertThat(home.resolve("data/tokenbill.mv.db")).exists();
    }

    @Test
    void testMonthlyLine_ClosesLastMonthOnceAndARerunIsNothingToDo() throws Exception {
        // when: the 2nd of the month's job, run twice (a re-run of the schedule)
        Cron first = run(line("monthly"));
        Cron again = run(line("monthly"));

        // then: October is final, 12 invoices (the 13 sample customers but pixelmoth, on a daily plan) numbered
        // gapless from TB-000001; the re-run is refused by tokenbill (4) and the script says there is nothing to do (0)
        assertThat(first.exitCode()).as(first.mail()).isZero();
        assertThat(first.mail()).isEmpty();
        assertThat(runJson("2026-10", "mode", "invoice_count", "first_invoice_number", "last_invoice_number"))
                .containsExactly("FINAL", "12", "TB-000001", "TB-000012");
        assertThat(again.exitCode()).as(again.mail()).isZero();
        assertThat(again.mail()).isEmpty();
        assertThat(Files.readString(home.resolve("data/schedule.log")))
                .contains("tokenbill-scheduled: 2026-10 is already billed final: nothing to do");
    }

    @Test
    void testMonthlyLineWithoutInput_MailsOneLineWithTheExitCode() throws Exception {
        // given: the input directory is gone
        delete(home.resolve("input"));

        // when
        Cron result = run(line("monthly"));

        // then: the run fails in validateInputs (2); cron's mail is one line naming the code and the logs to read
        assertThat(result.mail()).isEqualTo("tokenbill-scheduled monthly: exit 2, the run failed: see "
                + home.resolve("data/schedule.log") + " and " + home.resolve("data/tokenbill.log") + "\n");
        assertThat(Files.readString(home.resolve("data/schedule.log")))
                .contains("tokenbill: final run of 2026-10 failed in step validateInputs");
    }

    record Cron(int exitCode, String mail) {
    }

    /** The crontab line whose command names {@code job}, with the installation's paths replaced. */
    private String line(String job) throws IOException {
        return crontab().filter(l -> JOB.matcher(l).matches() && l.matches(".*tokenbill-scheduled " + job + "\\b.*"))
                .map(l -> { Matcher m = JOB.matcher(l); m.matches(); return installed(m.group("command")); })
                .findFirst().orElseThrow(() -> new AssertionError("no '" + job + "' line in " + CRONTAB));
    }

    private Cron run(String command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear(); // cron's environment: little more than the crontab's variables
        env.put("HOME", home.toString());
        env.putAll(variables());
        env.put("TOKENBILL_TODAY", "2026-11-01");
        env.put("JAVA_OPTS", EndToEndJvm.javaOptions());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish: " + command);
        }
        return new Cron(p.exitValue(), out);
    }

    private Map<String, String> variables() throws IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        crontab().map(VARIABLE::matcher).filter(Matcher::matches)
                .forEach(m -> vars.put(m.group("name"), installed(m.group("value"))));
        return vars;
    }

    private String installed(String text) {
        return text.replace("/opt/tokenbill/tokenbill.jar", EndToEndJvm.installedJar().toString())
                .replace("/opt/tokenbill/bin/", Path.of("deploy/bin").toAbsolutePath() + "/")
                .replace("/var/lib/tokenbill", home.toString());
    }

    private static Stream<String> crontab() throws IOException {
        return Files.readAllLines(CRONTAB).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    /** The values of top-level scalar keys of output/PERIOD/run.json, as text. */
    private List<String> runJson(String period, String... keys) throws IOException {
        String json = Files.readString(home.resolve("output").resolve(period).resolve("run.json"));
        return Stream.of(keys).map(k -> {
            Matcher m = Pattern.compile("\"" + k + "\"\\s*:\\s*\"?([^\",\\n]*)\"?").matcher(json);
            return m.find() ? m.group(1).trim() : "(no " + k + ")";
        }).toList();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(f);
            }
        }
    }
}
