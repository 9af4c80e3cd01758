package dev.tokenbill.report.pdf;

import java.util.List;

/**
 * Everything the run summary template prints, already formatted (the template holds no logic): amounts with
 * grouping at their currency's minor unit and without the code (each table has a currency column), counts with
 * grouping. Optional texts are "" rather than null.
 *
 * @param mode DRAFT or FINAL; {@code draft} marks the page for drafts
 * @param invoiceNumbers the first and last invoice number ("INV-1 – INV-9"), or a dash for unnumbered drafts
 * @param note a remark on the run (e.g. the invoices a correction run voided), or ""
 * @param usageBalanced "Yes" or "No": accepted usage equals the billed quantities for every customer and meter
 * @param usageNote what {@code usageBalanced} means, or which customers and meters differ
 * @param margins the lines of the margin report, iterated once as the page is filled (they may come from the database)
 */
public record SummaryView(
        String period,
        String mode,
        boolean draft,
        String runId,
        String status,
        String invoiceCount,
        String invoiceNumbers,
        String note,
        List<CurrencyRow> currencies,
        List<PlanRow> plans,
        List<FileRow> files,
        String usageBalanced,
        String usageNote,
        Iterable<MarginLine> margins) {

    public SummaryView {
        currencies = List.copyOf(currencies);
        plans = List.copyOf(plans);
        files = List.copyOf(files);
    }

    /** The invoices of one currency added up. */
    public record CurrencyRow(String currency, String invoices, String subtotal, String discounts, String tax,
            String total, String credits, String amountDue) {
    }

    /** The charges billed under one plan in one currency. */
    public record PlanRow(String plan, String currency, String charges) {
    }

    /** The reconciliation of one usage file, or of all files ({@code total}); {@code late}: late usage, rejected. */
    public record FileRow(String file, String read, String accepted, String duplicates, String rejected,
            String outOfPeriod, String late, String balanced, boolean total) {
    }

    /**
     * One row of the margin report; {@code total} for a currency's TOTAL row, {@code loss} when the margin is
     * negative. {@code margin} and {@code marginPct} are a dash where there is none.
     */
    public record MarginLine(String customer, String currency, String revenue, String cost, String margin,
            String marginPct, boolean total, boolean loss) {
    }
}
