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
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Builds the printed view of the run summary from the same numbers as summary.csv and margin.csv: amounts at their
 * currency's minor unit with grouping, counts with grouping, so the template only places text.
 */
final class SummaryViews {

    private static final String DASH = "\u2014";
    private static final int LISTED_DIFFERENCES = 10;

    private SummaryViews() {
    }

    static SummaryView of(RunFacts facts, LedgerTotals totals) {
        boolean draft = !"FINAL".equals(facts.mode());
        String range = totals.numbered() == 0 ? (draft ? "none (drafts are not numbered)" : "none")
                : totals.numbered() == 1 ? totals.firstNumber() : totals.firstNumber() + " \u2013 " + totals.lastNumber();
        long voided = totals.voided();
        String note = voided == 0 ? "" : "Correction run: " + count(voided) + (voided == 1 ? " invoice" : " invoices")
                + " of an earlier final run voided, reversed by " + count(totals.creditNotes())
                + (totals.creditNotes() == 1 ? " credit note" : " credit notes") + " and replaced by this run's invoices.";
        if (totals.current() == 0) {
            note = "No invoices in this run: no customer had a charge or an active subscription in the period.";
        }
        boolean usageBalanced = facts.usageDifferences().isEmpty();
        return new SummaryView(facts.period(), facts.mode(), draft, Long.toString(facts.runId()), facts.status(),
                count(totals.current()), range, note, currencies(totals), plans(totals), files(facts),
                usageBalanced ? "Yes" : "No", usageNote(facts.usageDifferences()), margins(facts.ledger(), totals));
    }

    private static List<SummaryView.CurrencyRow> currencies(LedgerTotals totals) {
        List<SummaryView.CurrencyRow> rows = new ArrayList<>();
        totals.currencies().forEach((currency, t) -> rows.add(new SummaryView.CurrencyRow(
                currency, count(t.count()), amount(t.subtotal()), amount(t.discounts()), amount(t.tax()),
                amount(t.total()), amount(t.credits()), amount(t.due()))));
        return rows;
    }

    private static List<SummaryView.PlanRow> plans(LedgerTotals totals) {
        return totals.plans().stream().map(p -> new SummaryView.PlanRow(p.planId(),
                p.charges().currency().getCurrencyCode(), amount(p.charges()))).toList();
    }

    private static List<SummaryView.FileRow> files(RunFacts facts) {
        List<SummaryView.FileRow> rows = new ArrayList<>();
        long[] sum = new long[6];
        for (FileCounts f : facts.files()) {
            rows.add(new SummaryView.FileRow(f.file(), count(f.read()), count(f.accepted()), count(f.duplicates()),
                    count(f.rejected()), count(f.outOfPeriod()), count(f.late()), yesNo(f.balanced()), false));
            sum[0] += f.read();
            sum[1] += f.accepted();
            sum[2] += f.duplicates();
            sum[3] += f.rejected();
            sum[4] += f.outOfPeriod();
            sum[5] += f.late();
        }
        FileCounts all = new FileCounts("All files", sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]);
        rows.add(new SummaryView.FileRow(all.file(), count(all.read()), count(all.accepted()), count(all.duplicates()),
                count(all.rejected()), count(all.outOfPeriod()), count(all.late()),
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

    /**
     * The margin page: a line per invoice of the run, read from the ledger as the page is filled, then the TOTAL
     * lines. The same rows as margin.csv.
     */
    private static Iterable<SummaryView.MarginLine> margins(InvoiceLedger ledger, LedgerTotals totals) {
        List<MarginRow> totalRows = totals.marginTotals();
        return () -> Stream.concat(
                StreamSupport.stream(ledger.spliterator(), false).filter(InvoiceLedger.Entry::current)
                        .map(e -> MarginRow.of(e.invoice().invoice(), e.allocation())),
                totalRows.stream()).map(SummaryViews::marginLine).iterator();
    }

    private static SummaryView.MarginLine marginLine(MarginRow m) {
        return new SummaryView.MarginLine(m.customerId(), m.currency().getCurrencyCode(), amount(m.revenue()),
                m.comparable() ? amount(m.cost()) : m.total() ? DASH : amount(m.cost()) + " " + m.cost().currency().getCurrencyCode(),
                m.comparable() ? amount(m.margin()) : DASH,
                m.marginPct() == null ? DASH : MoneyFormat.number(m.marginPct(), 2) + "%",
                m.total(), m.comparable() && m.margin().amount().signum() < 0);
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
