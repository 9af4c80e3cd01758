package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The unused days of a fee billed in advance, through the database: {@code fixtures/money} with acme's plan
 * (starter-usd, 20.00 a month) billed in advance. October's final invoice TB-000001 bills acme's November in full;
 * then acme's subscription gets the end date 2026-11-16, and November's final invoice credits November 16-30.
 */
@BillingJobTest
@ExtendWith(OutputCaptureExtension.class)
class UnusedDaysFunctionalTests {

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path work;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        BillingDatabase.reset(jdbc);
    }

    @Test
    void subscriptionEndingAfterItsFeeWasBilledInAdvance_GetsTheUnusedDaysBackOnTheNextInvoice() throws Exception {
        // given the money fixture with acme's fee in advance, October billed final
        Path input = acmeBilledInAdvance();
        Path output = work.resolve("output");
        bill("2026-10", false, input, output);
        assertThat(recurring(output, "2026-10", "acme")).containsExactly("20.00 2026-11-01 2026-11-30");

        // when acme's subscription ends on 2026-11-16 (exclusive) and November is billed final
        endAcmeOn16November(input);
        bill("2026-11", false, input, output);

        // then November 16-30 = 15 of 30 days: 20.00 x 15 / 30 = 10.00 credited; nothing in advance for December
        assertThat(recurring(output, "2026-11", "acme")).containsExactly("-10.00 2026-11-16 2026-11-30");
        assertThat(jdbc.queryForObject("select description from invoice_line where customer_id = 'acme'"
                + " and kind = 'RECURRING' and amount < 0", String.class))
                .contains("unused days credited", "15/30 days", "TB-000001");
    }

    @Test
    void octoberCorrectedAfterNovemberCreditedTheUnusedDays_BillsThemAgain_SoTheyAreGivenBackOnce() throws Exception {
        // given October final (TB-000001 bills acme's November in advance, 20.00), then the end date 2026-11-16 and
        // November final (TB-000002 credits November 16-30: -10.00)
        Path input = acmeBilledInAdvance();
        Path output = work.resolve("output");
        bill("2026-10", false, input, output);
        endAcmeOn16November(input);
        bill("2026-11", false, input, output);
        String novemberInvoice = jdbc.queryForObject("select invoice_number from invoice where period = '2026-11'"
                + " and customer_id = 'acme' and status = 'FINAL'", String.class);

        // when October is corrected (every October invoice is voided and replaced)
        bill("2026-10", true, input, output);

        // then acme's replacing October invoice bills November 1-15 in advance (20.00 x 15 / 30 = 10.00) and bills
        // again the November 16-30 that November's invoice credited (10.00): 20.00, as the voided TB-000001 did. Over
        // both periods acme pays 20.00 - 10.00 = 10.00 for November, 15 of its 30 days; without the second line it
        // would pay 10.00 - 10.00 = 0.00: the unused days given back twice
        assertThat(jdbc.queryForList("select l.amount, l.period_start, l.period_end, l.description from invoice i"
                + " join invoice_line l on l.run_id = i.run_id and l.customer_id = i.customer_id"
                + " where i.period = '2026-10' and i.customer_id = 'acme' and i.status = 'FINAL'"
                + " and l.kind = 'RECURRING' order by l.position").stream()
                .map(r -> ((java.math.BigDecimal) r.get("amount")).setScale(2) + " " + r.get("period_start") + " "
                        + r.get("period_end"))
                .toList()).containsExactly("10.00 2026-11-01 2026-11-16", "10.00 2026-11-16 2026-12-01");
        assertThat(jdbc.queryForObject("select l.description from invoice i join invoice_line l on l.run_id = i.run_id"
                + " and l.customer_id = i.customer_id where i.period = '2026-10' and i.customer_id = 'acme'"
                + " and i.status = 'FINAL' and l.kind = 'RECURRING' and l.period_start = date '2026-11-16'", String.class))
                .contains("billed again", novemberInvoice);
        // November's final invoice is not touched: its credit stands
        assertThat(jdbc.queryForObject("select l.amount from invoice i join invoice_line l on l.run_id = i.run_id"
                + " and l.customer_id = i.customer_id where i.invoice_number = ? and l.kind = 'RECURRING'",
                java.math.BigDecimal.class, novemberInvoice)).isEqualByComparingTo("-10.00");

        // and when November is corrected in turn, its replacing invoice credits November 16-30 again (-10.00, against
        // the replacing October invoice, whose second line billed them): still 20.00 - 10.00 for November
        String octoberInvoice = jdbc.queryForObject("select invoice_number from invoice where period = '2026-10'"
                + " and customer_id = 'acme' and status = 'FINAL'", String.class);
        bill("2026-11", true, input, output);
        assertThat(jdbc.queryForList("select l.amount, l.description from invoice i join invoice_line l"
                + " on l.run_id = i.run_id and l.customer_id = i.customer_id where i.period = '2026-11'"
                + " and i.customer_id = 'acme' and i.status = 'FINAL' and l.kind = 'RECURRING'"))
                .singleElement().satisfies(r -> {
                    assertThat((java.math.BigDecimal) r.get("amount")).isEqualByComparingTo("-10.00");
                    assertThat((String) r.get("description")).contains("15/30 days", octoberInvoice);
                });
    }

    @Test
    void correctionThatNoLongerBillsTheSubscription_WarnsThatTheNextPeriodsCreditStands(CapturedOutput output)
            throws Exception {
        // given October and November final, November crediting acme's November 16-30
        Path input = acmeBilledInAdvance();
        Path out = work.resolve("output");
        bill("2026-10", false, input, out);
        endAcmeOn16November(input);
        bill("2026-11", false, input, out);

        // when October is corrected with acme's subscription under another id (so October no longer bills sub-acme)
        replace(input.resolve("subscriptions.csv"), "sub-acme,acme,starter-usd,2026-03-01,2026-11-16,",
                "sub-acme-2,acme,starter-usd,2026-03-01,2026-11-16,");
        bill("2026-10", true, input, out);

        // then nothing bills sub-acme's November 16-30 again, and the run says so, naming what to correct
        assertThat(jdbc.queryForObject("select count(*) from invoice_line l join invoice i on i.run_id = l.run_id"
                + " and i.customer_id = l.customer_id where i.period = '2026-10' and i.status = 'FINAL'"
                + " and l.subscription_id = 'sub-acme'", Integer.class)).isZero();
        assertThat(output.getAll()).contains("customer acme: TB-", "credited the unused days 2026-11-16 to 2026-11-30 of"
                + " subscription sub-acme, which this run of 2026-10 no longer bills; correct 2026-11 too");
    }

    /** The money fixture with acme's plan (starter-usd, 20.00 a month) billed in advance. */
    private Path acmeBilledInAdvance() throws Exception {
        Path input = copy(Fixtures.input("money"), work.resolve("input"));
        replace(input.resolve("catalog.yaml"), "{amount: \"20.00\", timing: in_arrears}",
                "{amount: \"20.00\", timing: in_advance}");
        return input;
    }

    /** acme's subscription ends on 2026-11-16 (exclusive): it used November 1-15. */
    private static void endAcmeOn16November(Path input) throws Exception {
        replace(input.resolve("subscriptions.csv"), "sub-acme,acme,starter-usd,2026-03-01,,",
                "sub-acme,acme,starter-usd,2026-03-01,2026-11-16,");
    }

    /** A final run of the period (a correction when {@code correction}), which must complete. */
    private void bill(String period, boolean correction, Path input, Path output) throws Exception {
        assertThat(runs.start(period, true, correction, input, output).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    /** The RECURRING rows of the customer's current invoice in the period's charges.csv: "amount start end". */
    private static List<String> recurring(Path output, String period, String customerId) throws Exception {
        return csv(output.resolve(period).resolve("charges.csv")).stream()
                .filter(r -> r.get("customer_id").equals(customerId) && r.get("kind").equals("RECURRING"))
                .map(r -> r.get("amount") + " " + r.get("period_start") + " " + r.get("period_end")).toList();
    }

    private static void replace(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
