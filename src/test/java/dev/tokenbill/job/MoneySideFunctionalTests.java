package dev.tokenbill.job;

import static dev.tokenbill.testsupport.RunOutput.csv;
import static dev.tokenbill.testsupport.RunOutput.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The money side of the billing job (coupons, volume discount, prepaid credits across periods,
 * cost allocation and cost-plus, margin and what-if reports) on a real PostgreSQL, over two
 * consecutive months billed from the one input directory {@code src/test/resources/fixtures/money}.
 *
 * <p>Every amount is worked out by hand; lines rounded once HALF_UP, tax once per invoice on
 * (subtotal - discounts), credit after tax. The charges of October are those of the 'small'
 * fixture (see {@link BillingJobFunctionalTests}).
 * <pre>
 * OCTOBER 2026 (last day 2026-10-31)
 * acme    starter-usd, DE VAT 19 %, coupon LOYAL10 (10 % of recurring, forever)
 *   fee 20.00 + input 3,050,000 x 0.0000025 = 7.625 -> 7.63 + output 150,000 x 0.00001 = 1.50   subtotal  29.13
 *   LOYAL10 20.00 x 10 % = 2.00; VAT (29.13 - 2.00) x 0.19 = 5.1547 -> 5.15                     total     32.28
 *   credit G-ACME-PACK (40.00, never expires): 32.28 applied, 7.72 left                        due        0.00
 * bluefin team-usd, US 0 %, coupon HALFUSAGE (50 % of usage incl. true-up, periods 1-10; since 2026-01 -> October is 10)
 *   input 0.75 + output 0.42 + true-up 8.83                                                    subtotal  10.00
 *   HALFUSAGE 10.00 x 50 % = 5.00; tax 0.00                                                    total      5.00
 *   credit G-BLUE-OCT (25.00, expires 2026-10-31, the last day: usable): 5.00, 20.00 left      due        0.00
 * chateau tiered-eur x 2 seats, FR VAT 20 %, EUR volume discount 1 % from 100.00
 *   fee 100.00 + input 0.12 + output 2.00 + 5.80                                               subtotal 107.92
 *   volume 107.92 x 1 % = 1.0792 -> 1.08; VAT (107.92 - 1.08) x 0.20 = 21.368 -> 21.37         total    128.21
 *   G-CHAT-NOV is granted 2026-11-10, after October: not applied                               due      128.21
 * delta   tiered-eur from 2026-10-16, DE but tax exempt, coupon WELCOME5 (EUR 5.00 once; October is period 1)
 *   fee 50.00 x 16/31 = 25.81 + input 0.14 + output 1.20                                       subtotal  27.15
 *   WELCOME5 5.00; 22.15 is below the 100.00 volume tier; no tax                               total     22.15
 *   G-DELTA-MID expires 2026-10-30, before October's last day: not applied                     due       22.15
 * foxtrot infra-usd (cost-plus, margin 25 %, performance tier 3), GB VAT 20 %
 *   gpu_seconds 20,000 + 16,000 = 36,000 x 0 = 0.00
 *   allocation of C = 500.00 + 200.00 = 700.00 over the 5 billed customers (echo's subscription ended):
 *     R = gpu seconds: foxtrot 36,000 only; P = 1, 1, 1, 1, 3 (sum 7);
 *     U = tokens: acme 3,300,000, bluefin 5,700,000, chateau 2,400,000, delta 1,300,000 (sum 12,700,000)
 *     F x 700 = 0.5 x R_i/sum(R) x 700 + 0.2 x P_i/7 x 700 + 0.3 x U_i/sum(U) x 700
 *     acme 0 + 20 + 210 x 33/127 = 74.5669..; bluefin 20 + 210 x 57/127 = 114.2519..;
 *     chateau 20 + 210 x 24/127 = 59.6850..; delta 20 + 210 x 13/127 = 41.4960..; foxtrot 350 + 60 = 410.00
 *     floors 74.56 + 114.25 + 59.68 + 41.49 + 410.00 = 699.98; the 2 cents go to the largest
 *     remainders, acme (0.0069..) and delta (0.0060..): 74.57, 114.25, 59.68, 41.50, 410.00 = 700.00
 *   cost-plus 410.00 x 1.25 = 512.50                                                           subtotal 512.50
 *   VAT 512.50 x 0.20 = 102.50                                                                 total    615.00
 * what-if: acme on team-usd: 0.4575 -> 0.46 + 0.15 + true-up 9.39 = 10.00 (-19.13);
 *   bluefin on starter-usd: 20.00 + 12.50 + 600,000 x 0.00001 = 6.00 -> 38.50 (+28.50);
 *   chateau on payg-eur: 600,000 x 0.0000004 = 0.24 + 1,800,000 x 0.000004 = 7.20 -> 7.44 (-100.48);
 *   delta on payg-eur: 0.28 + 2.40 = 2.68 (-24.47); foxtrot on gpu-usd: 36,000 x 0.002 = 72.00 (-440.50)
 *
 * NOVEMBER 2026 (last day 2026-11-30)
 * acme    fee 20.00 + input 400,000 x 0.0000025 = 1.00 + output 100,000 all included = 0.00   subtotal  21.00
 *   LOYAL10 2.00; VAT 19.00 x 0.19 = 3.61                                                      total     22.61
 *   G-ACME-PACK has 40.00 - 32.28 = 7.72 left: 7.72 applied                                    due       14.89
 * bluefin November is period 11: no coupon; input 0.30 + output 0.12 + true-up 9.58          subtotal  10.00
 *   G-BLUE-OCT still has 20.00 but expired on 2026-10-31: not applied                          total/due 10.00
 * chateau fee 100.00; input 999 + 500,000 = 500,999 x 0.0000002 = 0.1001.. -> 0.10;
 *   output 999 + 1,500,000 = 1,500,999: 1,000,000 x 0.000002 = 2.00 + 500,999 x 0.000001 + 5.00
 *   = 5.500999 -> 5.50                                                                         subtotal 107.60
 *   volume 1.076 -> 1.08; VAT 106.52 x 0.20 = 21.304 -> 21.30                                  total    127.82
 *   G-CHAT-NOV (granted 2026-11-10): 100.00 applied                                            due       27.82
 * delta   full month 50.00, no usage; WELCOME5 was once (November is period 2); exempt        total/due 50.00
 * foxtrot gpu 30,000 x 0 = 0.00; C = 350.00: foxtrot 0.5 x 350 + 0.2 x 3/7 x 350 = 175 + 30 = 205.00
 *   cost-plus 205.00 x 1.25 = 256.25; VAT 51.25                                                total    307.50
 * </pre>
 */
@BillingJobTest
class MoneySideFunctionalTests {

    private static final String OCTOBER = "2026-10";
    private static final String NOVEMBER = "2026-11";

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private JdbcCreditDao credits;

    @TempDir
    private Path output;

    private final Path input = Fixtures.input("money");

    @BeforeEach
    void startFromAnEmptyDatabase() {
        BillingDatabase.reset(jdbc);
    }

    @Test
    void twoFinalPeriods_CarryTheCreditBalanceOverAndDropExpiredCredit() throws Exception {
        // given / when
        JobExecution october = runs.start(OCTOBER, true, input, output);
        JobExecution november = runs.start(NOVEMBER, true, input, output);

        // then October, as in the class comment
        assertThat(october.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(november.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertInvoice(OCTOBER, "acme", "29.13", "2.00", "5.15", "32.28", "32.28", "0.00");
        assertInvoice(OCTOBER, "bluefin", "10.00", "5.00", "0.00", "5.00", "5.00", "0.00");
        assertInvoice(OCTOBER, "chateau", "107.92", "1.08", "21.37", "128.21", "0.00", "128.21");
        assertInvoice(OCTOBER, "delta", "27.15", "5.00", "0.00", "22.15", "0.00", "22.15");
        assertInvoice(OCTOBER, "foxtrot", "512.50", "0.00", "102.50", "615.00", "0.00", "615.00");
        assertThat(creditLines(october, "acme")).containsExactly("G-ACME-PACK -32.28");
        assertThat(creditLines(october, "bluefin")).containsExactly("G-BLUE-OCT -5.00");
        assertThat(creditLines(october, "chateau")).as("granted after October").isEmpty();
        assertThat(creditLines(october, "delta")).as("expired before October's last day").isEmpty();

        // and November applies only what October left, and no expired credit
        assertInvoice(NOVEMBER, "acme", "21.00", "2.00", "3.61", "22.61", "7.72", "14.89");
        assertInvoice(NOVEMBER, "bluefin", "10.00", "0.00", "0.00", "10.00", "0.00", "10.00");
        assertInvoice(NOVEMBER, "chateau", "107.60", "1.08", "21.30", "127.82", "100.00", "27.82");
        assertInvoice(NOVEMBER, "delta", "50.00", "0.00", "0.00", "50.00", "0.00", "50.00");
        assertInvoice(NOVEMBER, "foxtrot", "256.25", "0.00", "51.25", "307.50", "0.00", "307.50");
        assertThat(creditLines(november, "acme")).containsExactly("G-ACME-PACK -7.72");
        assertThat(creditLines(november, "bluefin")).as("G-BLUE-OCT expired on 2026-10-31").isEmpty();
        assertThat(creditLines(november, "chateau")).containsExactly("G-CHAT-NOV -100.00");
        assertThat(appliedFromFinalInvoices("G-ACME-PACK")).isEqualByComparingTo("40.00");

        JsonNode octoberRun = json(output.resolve(OCTOBER).resolve("run.json"));
        assertThat(new BigDecimal(octoberRun.get("totals").get("USD").get("credits_applied").asString()))
                .isEqualByComparingTo("37.28");
        assertThat(new BigDecimal(octoberRun.get("totals").get("USD").get("amount_due").asString()))
                .isEqualByComparingTo("615.00");
        JsonNode novemberRun = json(output.resolve(NOVEMBER).resolve("run.json"));
        assertThat(new BigDecimal(novemberRun.get("totals").get("EUR").get("credits_applied").asString()))
                .isEqualByComparingTo("100.00");
        assertThat(novemberRun.get("first_invoice_number").asString()).isEqualTo("TB-000006");
    }

    @Test
    void couponPeriods_AreCountedFromTheSubscriptionStart() throws Exception {
        // given / when
        JobExecution october = runs.start(OCTOBER, false, input, output);
        JobExecution november = runs.start(NOVEMBER, false, input, output);

        // then LOYAL10 is forever; HALFUSAGE's 10th and last period is October (bluefin since 2026-01-01);
        // WELCOME5 is once, in delta's first period (it starts 2026-10-16); the volume discount is every month
        assertThat(discountLines(october)).containsExactly(
                "acme Coupon LOYAL10 -2.00", "bluefin Coupon HALFUSAGE -5.00", "chateau Volume discount -1.08",
                "delta Coupon WELCOME5 -5.00");
        assertThat(discountLines(november)).containsExactly("acme Coupon LOYAL10 -2.00", "chateau Volume discount -1.08");
        assertThat(jdbc.queryForObject("select description from invoice_line where run_id = ? and customer_id = 'bluefin'"
                + " and kind = 'DISCOUNT'", String.class, october.getJobInstanceId())).contains("(period 10)");
    }

    @Test
    void correctionRunOfOctober_ReplacesItsCreditApplicationInsteadOfAddingToIt() throws Exception {
        // given October and November billed final
        JobExecution october = runs.start(OCTOBER, true, input, output);
        JobExecution november = runs.start(NOVEMBER, true, input, output);

        // when October is corrected (re-run final after November)
        JobExecution correction = runs.start(OCTOBER, true, true, input, output);

        // then the correction sees 40.00 - 7.72 (November) = 32.28 of the pack and applies it again
        assertThat(correction.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("select status from invoice where run_id = ? order by customer_id", String.class,
                october.getJobInstanceId())).containsOnly("VOID");
        assertInvoice(OCTOBER, "acme", "29.13", "2.00", "5.15", "32.28", "32.28", "0.00");
        assertInvoice(OCTOBER, "bluefin", "10.00", "5.00", "0.00", "5.00", "5.00", "0.00");
        assertThat(creditLines(correction, "acme")).containsExactly("G-ACME-PACK -32.28");

        // and the pack is not consumed twice: November's balance still counts one October application only
        assertThat(balance(november, NOVEMBER, "acme", "G-ACME-PACK")).isEqualByComparingTo("7.72");
        assertThat(balance(november, "2026-12", "acme", "G-ACME-PACK")).isEqualByComparingTo("0.00");
        assertThat(balance(november, NOVEMBER, "bluefin", "G-BLUE-OCT")).isEqualByComparingTo("20.00");
        assertThat(balance(november, NOVEMBER, "chateau", "G-CHAT-NOV")).isEqualByComparingTo("100.00");
        assertThat(balance(november, "2026-12", "chateau", "G-CHAT-NOV")).isEqualByComparingTo("0.00");
        assertThat(appliedFromFinalInvoices("G-ACME-PACK")).isEqualByComparingTo("40.00");
        assertThat(appliedFromFinalInvoices("G-BLUE-OCT")).isEqualByComparingTo("5.00");
        assertThat(jdbc.queryForList("select invoice_number from invoice where run_id = ? order by customer_id",
                String.class, correction.getJobInstanceId()))
                .containsExactly("TB-000011", "TB-000012", "TB-000013", "TB-000014", "TB-000015");
    }

    @Test
    void draftRuns_NeverConsumeCredit() throws Exception {
        // given a draft of October that shows 32.28 of the pack applied
        JobExecution octoberDraft = runs.start(OCTOBER, false, input, output);
        assertThat(creditLines(octoberDraft, "acme")).containsExactly("G-ACME-PACK -32.28");

        // when November is drafted: October is only a draft, so the whole 40.00 is there: 22.61 applied
        JobExecution novemberDraft = runs.start(NOVEMBER, false, input, output);

        // then
        assertThat(creditLines(novemberDraft, "acme")).containsExactly("G-ACME-PACK -22.61");

        // when October is billed final (the November draft took nothing from it) and November drafted
        // twice more, then billed final
        JobExecution octoberFinal = runs.start(OCTOBER, true, input, output);
        assertThat(creditLines(octoberFinal, "acme")).containsExactly("G-ACME-PACK -32.28");
        JobExecution secondDraft = runs.start(NOVEMBER, false, input, output);
        assertThat(creditLines(secondDraft, "acme")).containsExactly("G-ACME-PACK -7.72");
        JobExecution thirdDraft = runs.start(NOVEMBER, false, input, output);
        assertThat(creditLines(thirdDraft, "acme")).containsExactly("G-ACME-PACK -7.72");
        JobExecution novemberFinal = runs.start(NOVEMBER, true, input, output);

        // then every November run applies the 7.72 the final October left, however many drafts came before
        assertThat(creditLines(novemberFinal, "acme")).containsExactly("G-ACME-PACK -7.72");
        assertInvoice(NOVEMBER, "acme", "21.00", "2.00", "3.61", "22.61", "7.72", "14.89");
        assertThat(appliedFromFinalInvoices("G-ACME-PACK")).isEqualByComparingTo("40.00");
    }

    @Test
    void costPlusLine_IsTheAllocatedCostTimesOnePlusMargin() throws Exception {
        // given / when
        JobExecution october = runs.start(OCTOBER, true, input, output);
        JobExecution november = runs.start(NOVEMBER, true, input, output);

        // then the allocations add up to the pools to the cent (class comment)
        assertThat(allocations(october)).containsExactly("acme 74.57", "bluefin 114.25", "chateau 59.68", "delta 41.50",
                "foxtrot 410.00");
        assertThat(jdbc.queryForObject("select sum(amount) from cost_allocation where run_id = ?", BigDecimal.class,
                october.getJobInstanceId())).isEqualByComparingTo("700.00");
        assertThat(jdbc.queryForObject("select sum(amount) from cost_allocation where run_id = ?", BigDecimal.class,
                november.getJobInstanceId())).isEqualByComparingTo("350.00");
        // 410.00 x 1.25 = 512.50 in October; 205.00 x 1.25 = 256.25 in November
        assertThat(costPlusLine(october)).isEqualTo("410.00 x 1.25 = 512.50");
        assertThat(costPlusLine(november)).isEqualTo("205.00 x 1.25 = 256.25");
        assertThat(jdbc.queryForList("select kind from invoice_line where run_id = ? and customer_id = 'foxtrot'"
                + " order by position", String.class, october.getJobInstanceId())).containsExactly("USAGE", "COST_PLUS");
    }

    @Test
    void marginAndWhatIfReports_HaveTheirHeaderAndARowPerInvoicedCustomer() throws Exception {
        // given / when
        runs.start(OCTOBER, false, input, output);

        // then margin.csv: revenue = subtotal - discounts; the EUR customers' cost is in USD, so no margin
        Path dir = output.resolve(OCTOBER);
        assertThat(firstLine(dir.resolve("margin.csv")))
                .isEqualTo("customer_id,currency,revenue,allocated_cost,margin,margin_pct");
        assertThat(csv(dir.resolve("margin.csv"))).extracting(r -> String.join(" ", r.values())).containsExactly(
                // 27.13 - 74.57 = -47.44; -47.44 / 27.13 = -174.86 %
                "acme USD 27.13 74.57 -47.44 -174.86",
                // 5.00 - 114.25 = -109.25; -2,185.00 %
                "bluefin USD 5.00 114.25 -109.25 -2185.00",
                "chateau EUR 106.84 59.68 USD  ",
                "delta EUR 22.15 41.50 USD  ",
                // 512.50 - 410.00 = 102.50; 20.00 %
                "foxtrot USD 512.50 410.00 102.50 20.00",
                // EUR: 106.84 + 22.15 = 128.99; no cost in EUR to set against it, so no margin
                "TOTAL EUR 128.99   ",
                // USD: 27.13 + 5.00 + 512.50 = 544.63 against 74.57 + 114.25 + 410.00 = 598.82: -54.19, -9.95 %
                "TOTAL USD 544.63 598.82 -54.19 -9.95");

        // and plans-whatif.csv: every other plan of the customer's currency and interval (class comment), with an
        // amount at the currency's scale, or empty amounts and the reason it cannot carry the customer's usage
        assertThat(firstLine(dir.resolve("plans-whatif.csv")))
                .isEqualTo("customer_id,current_plan,plan,amount,difference,reason");
        assertThat(csv(dir.resolve("plans-whatif.csv"))).extracting(r -> String.join(" ", r.values())).containsExactly(
                "acme starter-usd gpu-usd   does not price meter input_tokens",
                "acme starter-usd infra-usd   does not price meter input_tokens",
                "acme starter-usd team-usd 10.00 -19.13 ",
                "bluefin team-usd gpu-usd   does not price meter input_tokens",
                "bluefin team-usd infra-usd   does not price meter input_tokens",
                "bluefin team-usd starter-usd 38.50 28.50 ",
                "chateau tiered-eur payg-eur 7.44 -100.48 ",
                "delta tiered-eur payg-eur 2.68 -24.47 ",
                "foxtrot infra-usd gpu-usd 72.00 -440.50 ",
                "foxtrot infra-usd starter-usd   does not price meter gpu_seconds",
                "foxtrot infra-usd team-usd   does not price meter gpu_seconds");
    }

    // helpers

    /** The period's invoice of the customer that is not void (the current final one, or the draft). */
    private void assertInvoice(String period, String customerId, String subtotal, String discounts, String tax,
            String total, String credits, String due) {
        Map<String, Object> row = jdbc.queryForMap("select * from invoice where period = ? and customer_id = ?"
                + " and status <> 'VOID'", period, customerId);
        String what = period + " " + customerId + " ";
        assertThat((BigDecimal) row.get("subtotal")).as(what + "subtotal").isEqualByComparingTo(subtotal);
        assertThat((BigDecimal) row.get("discounts")).as(what + "discounts").isEqualByComparingTo(discounts);
        assertThat((BigDecimal) row.get("tax")).as(what + "tax").isEqualByComparingTo(tax);
        assertThat((BigDecimal) row.get("total")).as(what + "total").isEqualByComparingTo(total);
        assertThat((BigDecimal) row.get("credits")).as(what + "credits").isEqualByComparingTo(credits);
        assertThat((BigDecimal) row.get("amount_due")).as(what + "amount due").isEqualByComparingTo(due);
    }

    /** The CREDIT lines of one invoice as "grant amount". */
    private List<String> creditLines(JobExecution run, String customerId) {
        return jdbc.query("select reference, amount from invoice_line where run_id = ? and customer_id = ?"
                + " and kind = 'CREDIT' order by position", (rs, n) -> rs.getString(1) + " "
                        + rs.getBigDecimal(2).setScale(2).toPlainString(), run.getJobInstanceId(), customerId);
    }

    /** Every DISCOUNT line of the run as "customer what amount", "what" being the description up to its colon. */
    private List<String> discountLines(JobExecution run) {
        return jdbc.query("select customer_id, description, amount from invoice_line where run_id = ? and kind = 'DISCOUNT'"
                + " order by customer_id, position", (rs, n) -> rs.getString(1) + " "
                        + rs.getString(2).substring(0, rs.getString(2).indexOf(':')) + " "
                        + rs.getBigDecimal(3).setScale(2).toPlainString(), run.getJobInstanceId());
    }

    /** What final, non-void invoices of all periods took from a grant. */
    private BigDecimal appliedFromFinalInvoices(String grantId) {
        return jdbc.queryForObject("select coalesce(sum(a.amount), 0) from credit_applied a join invoice i"
                + " on i.run_id = a.run_id and i.customer_id = a.customer_id where a.grant_id = ? and i.status = 'FINAL'",
                BigDecimal.class, grantId);
    }

    /** What is left of a grant before {@code period}, by the grants the run read. */
    private BigDecimal balance(JobExecution run, String period, String customerId, String grantId) {
        return credits.balances(run.getJobInstanceId(), period, customerId).stream()
                .filter(g -> g.grantId().equals(grantId)).map(CreditGrant::available).findFirst().orElseThrow().amount();
    }

    private List<String> allocations(JobExecution run) {
        return jdbc.query("select customer_id, amount from cost_allocation where run_id = ? order by customer_id",
                (rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(2).toPlainString(), run.getJobInstanceId());
    }

    /** foxtrot's COST_PLUS line as "allocated cost x factor = amount". */
    private String costPlusLine(JobExecution run) {
        return jdbc.queryForObject("select unit_price, quantity, amount from invoice_line where run_id = ?"
                + " and customer_id = 'foxtrot' and kind = 'COST_PLUS'", (rs, n) -> rs.getBigDecimal(1).setScale(2)
                        .toPlainString() + " x " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString() + " = "
                        + rs.getBigDecimal(3).setScale(2).toPlainString(), run.getJobInstanceId());
    }

    private static String firstLine(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }
}
