package dev.tokenbill.report;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.csv.CsvSink;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.money.Money;
import dev.tokenbill.report.pdf.SummaryPdfRenderer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes charges.csv, invoices.csv, rejects.csv, summary.csv, margin.csv, plans-whatif.csv, summary.pdf and run.json of a run
 * into {@code output/<period>/}, each atomically (temporary file, then rename). Amounts in the CSV files and run.json
 * are exact decimal strings; summary.pdf prints them with grouping.
 */
public final class RunReports {

    public static final List<String> CHARGES_HEADER = List.of("period", "invoice_number", "status", "customer_id",
            "currency", "line", "kind", "description", "subscription_id", "plan_id", "model", "meter", "price_condition",
            "usage_quantity", "included_quantity", "quantity", "unit_price", "amount", "tier", "tier_from", "tier_up_to",
            "tier_units", "tier_unit_price", "tier_flat_fee", "tier_amount", "document_type", "document_number",
            "period_start", "period_end");

    /** invoices.csv: one row per document of the ledger (README, "invoices.csv"). */
    public static final List<String> INVOICES_HEADER = List.of("document_type", "number", "customer_id", "period",
            "issue_date", "due_date", "currency", "subtotal", "discounts", "tax_rate", "tax", "total", "credits_applied",
            "amount_due", "status", "corrects", "credited_invoice");

    private RunReports() {
    }

    /**
     * What the reports are made of. The ledger and the what-if rows are read as they are written out, so that no
     * report holds every invoice of the run.
     */
    public record RunFacts(long runId, String period, String mode, String status, List<FileCounts> files,
            InvoiceLedger ledger, List<JdbcReportQueries.Reject> rejects, List<StepTiming> steps,
            Map<String, BigDecimal> usageDifferences, RowSource<JdbcReportQueries.WhatIf> whatIfs) {

        /** Facts held in memory: {@code invoices} in ledger order, allocated costs by customer id. */
        public RunFacts(long runId, String period, String mode, String status, List<FileCounts> files,
                List<StoredInvoice> invoices, List<JdbcReportQueries.Reject> rejects, List<StepTiming> steps,
                Map<String, BigDecimal> usageDifferences, Map<String, Allocation> allocations,
                List<JdbcReportQueries.WhatIf> whatIfs) {
            this(runId, period, mode, status, files, InvoiceLedger.of(invoices, allocations), rejects, steps,
                    usageDifferences, RowSource.of(whatIfs));
        }
    }

    /**
     * Writes every report of the run into {@code dir}; {@code summaryPdf} renders summary.pdf. charges.csv and
     * margin.csv are written in one pass over the ledger, which adds up the totals the other reports print; the PDF's
     * margin page reads the ledger a second time. run.json comes last.
     *
     * @return the number of the run's own invoices
     */
    public static long writeAll(Path dir, RunFacts facts, SummaryPdfRenderer summaryPdf) throws IOException {
        Files.createDirectories(dir);
        LedgerTotals totals = chargesAndMargin(dir.resolve("charges.csv"), dir.resolve("margin.csv"),
                dir.resolve("invoices.csv"), facts);
        rejects(dir.resolve("rejects.csv"), facts.rejects());
        summary(dir.resolve("summary.csv"), facts, totals);
        whatIf(dir.resolve("plans-whatif.csv"), facts);
        summaryPdf.render(SummaryViews.of(facts, totals), dir.resolve("summary.pdf"));
        runJson(dir.resolve("run.json"), facts, totals);
        return totals.current();
    }

    /**
     * charges.csv, every document of the ledger; invoices.csv, a row per document; margin.csv, a row per invoice of
     * the run (from {@link MarginRow#of(Invoice, Allocation)}) then the TOTAL rows, a cost in another currency written
     * with its currency code. Fails, writing none of them, when the credit notes do not reverse the void invoices.
     */
    private static LedgerTotals chargesAndMargin(Path chargesFile, Path marginFile, Path invoicesFile, RunFacts facts)
            throws IOException {
        LedgerTotals totals = new LedgerTotals();
        try (CsvSink charges = new CsvSink(chargesFile, CHARGES_HEADER.toArray(String[]::new));
                CsvSink documents = new CsvSink(invoicesFile, INVOICES_HEADER.toArray(String[]::new));
                CsvSink margin = new CsvSink(marginFile, "customer_id", "currency", "revenue", "allocated_cost", "margin",
                        "margin_pct")) {
            for (InvoiceLedger.Entry entry : facts.ledger()) {
                charges(charges, facts, entry.invoice());
                InvoiceRows.write(documents, entry);
                totals.add(entry);
                if (entry.current()) {
                    margin(margin, MarginRow.of(entry.invoice().invoice(), entry.allocation()));
                }
            }
            for (MarginRow total : totals.marginTotals()) {
                margin(margin, total);
            }
            totals.requireCreditNotesBalance();
            charges.commit();
            documents.commit();
            margin.commit();
        }
        return totals;
    }

    private static void margin(CsvSink csv, MarginRow r) {
        String cost = r.cost().amount().toPlainString();
        csv.row(r.customerId(), r.currency().getCurrencyCode(), r.revenue().amount().toPlainString(),
                r.comparable() ? cost : r.total() ? "" : cost + " " + r.cost().currency().getCurrencyCode(),
                r.comparable() ? r.margin().amount().toPlainString() : "",
                r.marginPct() == null ? "" : r.marginPct().toPlainString());
    }

    static void whatIf(Path file, RunFacts facts) throws IOException {
        try (CsvSink csv = new CsvSink(file, "customer_id", "current_plan", "plan", "amount", "difference", "reason")) {
            facts.whatIfs().forEach(w -> csv.row(w.customerId(), w.currentPlan(), w.plan(), amountOrEmpty(w.amount()),
                    amountOrEmpty(w.difference()), w.reason() == null ? "" : w.reason()));
            csv.commit();
        }
    }

    /** An amount with its scale (the currency's), or empty for none. */
    private static String amountOrEmpty(BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    /**
     * The charges.csv rows of one document: its lines, their tiers, and its TAX row. {@code invoice_number} is the
     * invoice the row belongs to: for a credit note's rows the invoice it credits, so grouping by it nets a void
     * invoice and its reversal to zero; {@code document_number} is the document's own number.
     */
    private static void charges(CsvSink csv, RunFacts facts, StoredInvoice stored) {
        Invoice i = stored.invoice();
        String invoiceNumber = stored.isCreditNote() ? stored.reference() : stored.number();
        String type = InvoiceRows.type(stored);
        int position = 0;
        for (InvoiceLine l : i.lines()) {
            position++;
            String start = l.servicePeriod() == null ? "" : l.servicePeriod().start().toString();
            String end = l.servicePeriod() == null ? "" : l.servicePeriod().lastDay().toString();
            csv.row(facts.period(), invoiceNumber, stored.status(), i.customerId(), code(i), position, l.kind(),
                    l.description(), l.subscriptionId(), l.planId(), l.model(), l.meter(), l.condition(),
                    plain(l.usage()), plain(l.included()), plain(l.quantity()), plain(l.unitPrice()),
                    l.amount().amount().toPlainString(), "", "", "", "", "", "", "", type, stored.number(), start, end);
            for (TierLine t : l.tiers()) {
                csv.row(facts.period(), invoiceNumber, stored.status(), i.customerId(), code(i), position, "TIER",
                        l.description(), l.subscriptionId(), l.planId(), l.model(), l.meter(), l.condition(), "",
                        "", "", "", "", t.tier(), plain(t.from()), plain(t.upTo()), plain(t.units()),
                        plain(t.unitPrice()), plain(t.flatFee()), t.amount().amount().toPlainString(), type,
                        stored.number(), start, end);
            }
        }
        totalRow(csv, facts, stored, "TAX", i.taxExempt() ? "Tax exempt" : i.taxName() + " "
                + i.taxRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%", i.tax());
    }

    private static void totalRow(CsvSink csv, RunFacts facts, StoredInvoice stored, String kind, String description,
            Money amount) {
        Invoice i = stored.invoice();
        if (amount.isZero() && !kind.equals("TAX")) {
            return;
        }
        csv.row(facts.period(), stored.isCreditNote() ? stored.reference() : stored.number(), stored.status(),
                i.customerId(), code(i), "", kind, description, "", "", "", "", "", "", "", "", "",
                amount.amount().toPlainString(), "", "", "", "", "", "", "", InvoiceRows.type(stored), stored.number(),
                "", "");
    }

    public static void rejects(Path file, List<JdbcReportQueries.Reject> rejects) throws IOException {
        try (CsvSink csv = new CsvSink(file, "file", "line", "event_id", "reason", "raw_record")) {
            for (JdbcReportQueries.Reject r : rejects) {
                csv.row(r.file(), r.line(), r.eventId(), r.reason(), r.raw());
            }
            csv.commit();
        }
    }

    static void summary(Path file, RunFacts facts, LedgerTotals totals) throws IOException {
        try (CsvSink csv = new CsvSink(file, "section", "name", "currency", "metric", "value")) {
            for (PlanCharges p : totals.plans()) {
                csv.row("plan", p.planId(), p.charges().currency().getCurrencyCode(), "charges",
                        p.charges().amount().toPlainString());
            }
            for (Map.Entry<String, CurrencyTotals> e : totals.currencies().entrySet()) {
                CurrencyTotals t = e.getValue();
                csv.row("currency", e.getKey(), e.getKey(), "invoices", t.count());
                csv.row("currency", e.getKey(), e.getKey(), "subtotal", t.subtotal().amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "discounts", t.discounts().amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "tax", t.tax().amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "total", t.total().amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "credits_applied", t.credits().amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "amount_due", t.due().amount().toPlainString());
            }
            // a correction run's ledger: the void invoices and the credit notes that reverse them, kept apart
            for (Map.Entry<String, CurrencyTotals> e : totals.voidedTotals().entrySet()) {
                csv.row("void_invoices", e.getKey(), e.getKey(), "count", e.getValue().count());
                csv.row("void_invoices", e.getKey(), e.getKey(), "total", e.getValue().total().amount().toPlainString());
                csv.row("void_invoices", e.getKey(), e.getKey(), "amount_due", e.getValue().due().amount().toPlainString());
            }
            for (Map.Entry<String, CurrencyTotals> e : totals.creditNoteTotals().entrySet()) {
                csv.row("credit_notes", e.getKey(), e.getKey(), "count", e.getValue().count());
                csv.row("credit_notes", e.getKey(), e.getKey(), "total", e.getValue().total().amount().toPlainString());
                csv.row("credit_notes", e.getKey(), e.getKey(), "amount_due", e.getValue().due().amount().toPlainString());
            }
            for (FileCounts f : facts.files()) {
                csv.row("reconciliation", f.file(), "", "rows_read", f.read());
                csv.row("reconciliation", f.file(), "", "accepted", f.accepted());
                csv.row("reconciliation", f.file(), "", "duplicates", f.duplicates());
                csv.row("reconciliation", f.file(), "", "rejected", f.rejected());
                csv.row("reconciliation", f.file(), "", "out_of_period", f.outOfPeriod());
                csv.row("reconciliation", f.file(), "", "late", f.late());
                csv.row("reconciliation", f.file(), "", "balanced", f.balanced());
            }
            csv.row("reconciliation", "usage_vs_billed", "", "balanced", facts.usageDifferences().isEmpty());
            csv.commit();
        }
    }

    static void runJson(Path file, RunFacts facts, LedgerTotals ledger) throws IOException {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("run_id", facts.runId());
        root.put("period", facts.period());
        root.put("mode", facts.mode());
        root.put("status", facts.status());
        ArrayNode files = root.putArray("files");
        for (FileCounts f : facts.files()) {
            ObjectNode n = files.addObject();
            n.put("file", f.file());
            n.put("rows_read", f.read());
            n.put("accepted", f.accepted());
            n.put("duplicates", f.duplicates());
            n.put("rejected", f.rejected());
            n.put("out_of_period", f.outOfPeriod());
            n.put("late", f.late());
        }
        root.put("invoice_count", ledger.current());
        root.put("first_invoice_number", ledger.firstNumber());
        root.put("last_invoice_number", ledger.lastNumber());
        root.put("credit_note_count", ledger.creditNotes());
        ObjectNode totals = root.putObject("totals");
        for (Map.Entry<String, CurrencyTotals> e : ledger.currencies().entrySet()) {
            CurrencyTotals t = e.getValue();
            ObjectNode n = totals.putObject(e.getKey());
            n.put("invoices", t.count());
            n.put("subtotal", t.subtotal().amount().toPlainString());
            n.put("discounts", t.discounts().amount().toPlainString());
            n.put("tax", t.tax().amount().toPlainString());
            n.put("total", t.total().amount().toPlainString());
            n.put("credits_applied", t.credits().amount().toPlainString());
            n.put("amount_due", t.due().amount().toPlainString());
        }
        ObjectNode reconciliation = root.putObject("reconciliation");
        reconciliation.put("files_balanced", facts.files().stream().allMatch(FileCounts::balanced));
        reconciliation.put("usage_equals_billed", facts.usageDifferences().isEmpty());
        ObjectNode jvm = root.putObject("jvm");
        long peakHeap = 0;
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        jvm.put("peak_heap_mb", peakHeap / (1024 * 1024));
        jvm.put("peak_threads", java.lang.management.ManagementFactory.getThreadMXBean().getPeakThreadCount());
        ArrayNode steps = root.putArray("steps");
        for (StepTiming s : facts.steps()) {
            ObjectNode n = steps.addObject();
            n.put("name", s.name());
            n.put("status", s.status());
            n.put("read", s.read());
            n.put("written", s.written());
            n.put("skipped", s.skipped());
            n.put("seconds", s.seconds());
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String code(Invoice i) {
        return i.currency().getCurrencyCode();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

}
