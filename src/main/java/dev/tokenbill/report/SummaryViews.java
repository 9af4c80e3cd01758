package dev.tokenbill.report;

import dev.tokenbill.money.Money;
import dev.tokenbill.money.MoneyFormat;
import dev.tokenbill.report.RunReports.RunFacts;
import dev.tokenbill.report.pdf.SummaryView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the printed view of the run summary from the same numbers as summary.csv and margin.csv: amounts at their
 * currency's minor unit with grouping, counts with grouping, so the template only places text.
 */
final class SummaryViews {

    private static final String DASH = "\u2014";
    private static final int LISTED_DIFFERENCES = 10;

    private SummaryViews() {
    }

    static SummaryView of(RunFacts facts, List<MarginRow> margins) {
        List<String> numbers = RunReports.invoiceNumbers(facts);
        boolean draft = !"FINAL".equals(facts.mode());
        String range = numbers.isEmpty() ? (draft ? "none (drafts are not numbered)" : "none")
                : numbers.size() == 1 ? numbers.get(0) : numbers.get(0) + " \u2013 " + numbers.get(numbers.size() - 1);
        long voided = facts.invoices().stream().filter(s -> "VOID".equals(s.status())).count();
        String note = voided == 0 ? "" : "Correction run: " + count(voided) + (voided == 1 ? " invoice" : " invoices")
                + " of an earlier final run voided and replaced by this run's invoices.";
        if (RunReports.current(facts).isEmpty()) {
            note = "No invoices in this run: no customer had a charge or an active subscription in the period.";
        }
        boolean usageBalanced = facts.usageDifferences().isEmpty();
        return new SummaryView(facts.period(), facts.mode(), draft, Long.toString(facts.runId()), facts.status(),
                count(RunReports.current(facts).size()), range, note, currencies(facts), plans(facts), files(facts),
                usageBalanced ? "Yes" : "No", usageNote(facts.usageDifferences()), margins(margins));
    }

    private static List<SummaryView.CurrencyRow> currencies(RunFacts facts) {
        List<SummaryView.CurrencyRow> rows = new ArrayList<>();
        CurrencyTotals.byCurrency(RunReports.current(facts)).forEach((currency, t) -> rows.add(new SummaryView.CurrencyRow(
                currency, count(t.count()), amount(t.subtotal()), amount(t.discounts()), amount(t.tax()),
                amount(t.total()), amount(t.credits()), amount(t.due()))));
        return rows;
    }

    private static List<SummaryView.PlanRow> plans(RunFacts facts) {
        return PlanCharges.of(RunReports.current(facts)).stream().map(p -> new SummaryView.PlanRow(p.planId(),
                p.charges().currency().getCurrencyCode(), amount(p.charges()))).toList();
    }

    private static List<SummaryView.FileRow> files(RunFacts facts) {
        List<SummaryView.FileRow> rows = new ArrayList<>();
        long[] sum = new long[5];
        for (FileCounts f : facts.files()) {
            rows.add(new SummaryView.FileRow(f.file(), count(f.read()), count(f.accepted()), count(f.duplicates()),
                    count(f.rejected()), count(f.outOfPeriod()), yesNo(f.balanced()), false));
            sum[0] += f.read();
            sum[1] += f.accepted();
            sum[2] += f.duplicates();
            sum[3] += f.rejected();
            sum[4] += f.outOfPeriod();
        }
        FileCounts all = new FileCounts("All files", sum[0], sum[1], sum[2], sum[3], sum[4]);
        rows.add(new SummaryView.FileRow(all.file(), count(all.read()), count(all.accepted()), count(all.duplicates()),
                count(all.rejected()), count(all.outOfPeriod()),
                yesNo(facts.files().stream().allMatch(FileCounts::balanced)), true));
        return rows;
    }

    private static String usageNote(Map<String, BigDecimal> differences) {
        if (differences.isEmpty()) {
            return "The meter totals of accepted usage equal the quantities billed (included quota counted) for every"
                    + " customer and meter.";
        }
        List<String> listed = differences.entrySet().stream().limit(LISTED_DIFFERENCES)
                .map(e -> e.getKey() + " " + e.getValue().stripTrailingZeros().toPlainString()).toList();
        return "Accepted minus billed usage differs for " + count(differences.size()) + " customer meters: "
                + String.join(", ", listed) + (differences.size() > LISTED_DIFFERENCES ? ", \u2026" : "") + ".";
    }

    private static List<SummaryView.MarginLine> margins(List<MarginRow> margins) {
        return margins.stream().map(m -> new SummaryView.MarginLine(m.customerId(), m.currency().getCurrencyCode(),
                amount(m.revenue()),
                m.comparable() ? amount(m.cost()) : m.total() ? DASH : amount(m.cost()) + " " + m.cost().currency().getCurrencyCode(),
                m.comparable() ? amount(m.margin()) : DASH,
                m.marginPct() == null ? DASH : MoneyFormat.number(m.marginPct(), 2) + "%",
                m.total(), m.comparable() && m.margin().amount().signum() < 0)).toList();
    }

    private static String amount(Money money) {
        return MoneyFormat.number(money.amount(), Money.minorUnits(money.currency()));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String yesNo(boolean value) {
        return value ? "Yes" : "No";
    }
}
