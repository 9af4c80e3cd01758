package dev.tokenbill.report;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.csv.CsvSink;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.invoice.internal.StoredInvoice;
import dev.tokenbill.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes charges.csv, rejects.csv, summary.csv and run.json of a run into {@code output/<period>/},
 * each atomically (temporary file, then rename). Amounts are written as exact decimal strings.
 */
public final class RunReports {

    public static final List<String> CHARGES_HEADER = List.of("period", "invoice_number", "status", "customer_id",
            "currency", "line", "kind", "description", "subscription_id", "plan_id", "model", "meter", "price_condition",
            "usage_quantity", "included_quantity", "quantity", "unit_price", "amount", "tier", "tier_from", "tier_up_to",
            "tier_units", "tier_unit_price", "tier_flat_fee", "tier_amount");

    private RunReports() {
    }

    public record RunFacts(long runId, String period, String mode, String status, List<FileCounts> files,
            List<StoredInvoice> invoices, List<JdbcReportQueries.Reject> rejects, List<StepTiming> steps,
            Map<String, BigDecimal> usageDifferences, Map<String, Allocation> allocations,
            List<JdbcReportQueries.WhatIf> whatIfs) {
    }

    public static void writeAll(Path dir, RunFacts facts) throws IOException {
        Files.createDirectories(dir);
        charges(dir.resolve("charges.csv"), facts);
        rejects(dir.resolve("rejects.csv"), facts.rejects());
        summary(dir.resolve("summary.csv"), facts);
        margin(dir.resolve("margin.csv"), facts);
        whatIf(dir.resolve("plans-whatif.csv"), facts);
        runJson(dir.resolve("run.json"), facts);
    }

    /**
     * One row per invoiced customer: revenue (subtotal - discounts, before tax) against allocated
     * cost. Margin is only computed when both are in the same currency (never converted); the
     * totals rows add up per revenue currency, with cost only where it shares that currency.
     */
    static void margin(Path file, RunFacts facts) throws IOException {
        try (CsvSink csv = new CsvSink(file, "customer_id", "currency", "revenue", "allocated_cost", "margin", "margin_pct")) {
            Map<String, Money[]> totals = new TreeMap<>();
            java.util.Set<String> costed = new java.util.HashSet<>();
            for (StoredInvoice s : current(facts)) {
                Invoice i = s.invoice();
                Money revenue = i.subtotal().minus(i.discounts());
                Allocation a = facts.allocations().get(i.customerId());
                Money cost = a == null ? null : a.amount();
                boolean comparable = cost == null || cost.currency().equals(revenue.currency());
                Money costHere = cost == null ? Money.zero(revenue.currency()) : cost;
                Money[] t = totals.computeIfAbsent(code(i), c -> new Money[] {Money.zero(i.currency()), Money.zero(i.currency())});
                t[0] = t[0].plus(revenue);
                if (comparable) {
                    if (cost != null) {
                        costed.add(code(i));
                    }
                    t[1] = t[1].plus(costHere);
                    Money margin = revenue.minus(costHere);
                    csv.row(i.customerId(), code(i), revenue.amount().toPlainString(), costHere.amount().toPlainString(),
                            margin.amount().toPlainString(), pct(margin, revenue));
                } else {
                    csv.row(i.customerId(), code(i), revenue.amount().toPlainString(),
                            cost.amount().toPlainString() + " " + cost.currency().getCurrencyCode(), "", "");
                }
            }
            totals.forEach((currency, t) -> {
                if (!costed.contains(currency)) {
                    // no cost in this currency to set against its revenue: no margin rather than 100 %
                    csv.row("TOTAL", currency, t[0].amount().toPlainString(), "", "", "");
                    return;
                }
                Money margin = t[0].minus(t[1]);
                csv.row("TOTAL", currency, t[0].amount().toPlainString(), t[1].amount().toPlainString(),
                        margin.amount().toPlainString(), pct(margin, t[0]));
            });
            csv.commit();
        }
    }

    private static String pct(Money margin, Money revenue) {
        if (revenue.isZero()) {
            return "";
        }
        return margin.amount().multiply(BigDecimal.valueOf(100))
                .divide(revenue.amount(), 2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static void whatIf(Path file, RunFacts facts) throws IOException {
        try (CsvSink csv = new CsvSink(file, "customer_id", "current_plan", "plan", "amount", "difference")) {
            for (JdbcReportQueries.WhatIf w : facts.whatIfs()) {
                csv.row(w.customerId(), w.currentPlan(), w.plan(), w.amount().toPlainString(), w.difference().toPlainString());
            }
            csv.commit();
        }
    }

    static void charges(Path file, RunFacts facts) throws IOException {
        try (CsvSink csv = new CsvSink(file, CHARGES_HEADER.toArray(String[]::new))) {
            for (StoredInvoice stored : facts.invoices()) {
                Invoice i = stored.invoice();
                int position = 0;
                for (InvoiceLine l : i.lines()) {
                    position++;
                    csv.row(facts.period(), stored.number(), stored.status(), i.customerId(), code(i), position, l.kind(),
                            l.description(), l.subscriptionId(), l.planId(), l.model(), l.meter(), l.condition(),
                            plain(l.usage()), plain(l.included()), plain(l.quantity()), plain(l.unitPrice()),
                            l.amount().amount().toPlainString(), "", "", "", "", "", "", "");
                    for (TierLine t : l.tiers()) {
                        csv.row(facts.period(), stored.number(), stored.status(), i.customerId(), code(i), position, "TIER",
                                l.description(), l.subscriptionId(), l.planId(), l.model(), l.meter(), l.condition(), "",
                                "", "", "", "", t.tier(), plain(t.from()), plain(t.upTo()), plain(t.units()),
                                plain(t.unitPrice()), plain(t.flatFee()), t.amount().amount().toPlainString());
                    }
                }
                totalRow(csv, facts, stored, "TAX", i.taxExempt() ? "Tax exempt" : i.taxName() + " "
                        + i.taxRate().movePointRight(2).stripTrailingZeros().toPlainString() + "%", i.tax());
            }
            csv.commit();
        }
    }

    private static void totalRow(CsvSink csv, RunFacts facts, StoredInvoice stored, String kind, String description,
            Money amount) {
        Invoice i = stored.invoice();
        if (amount.isZero() && !kind.equals("TAX")) {
            return;
        }
        csv.row(facts.period(), stored.number(), stored.status(), i.customerId(), code(i), "", kind, description, "", "", "",
                "", "", "", "", "", "", amount.amount().toPlainString(), "", "", "", "", "", "", "");
    }

    public static void rejects(Path file, List<JdbcReportQueries.Reject> rejects) throws IOException {
        try (CsvSink csv = new CsvSink(file, "file", "line", "event_id", "reason", "raw_record")) {
            for (JdbcReportQueries.Reject r : rejects) {
                csv.row(r.file(), r.line(), r.eventId(), r.reason(), r.raw());
            }
            csv.commit();
        }
    }

    static void summary(Path file, RunFacts facts) throws IOException {
        try (CsvSink csv = new CsvSink(file, "section", "name", "currency", "metric", "value")) {
            Map<String, Money> byPlan = new TreeMap<>();
            for (StoredInvoice s : current(facts)) {
                for (InvoiceLine l : s.invoice().lines()) {
                    if (!l.kind().isCharge()) {
                        continue;
                    }
                    byPlan.merge(l.planId() + "\u0000" + code(s.invoice()), l.amount(), Money::plus);
                }
            }
            byPlan.forEach((key, amount) -> csv.row("plan", key.split("\u0000")[0], amount.currency().getCurrencyCode(),
                    "charges", amount.amount().toPlainString()));
            for (Map.Entry<String, Totals> e : totals(facts).entrySet()) {
                Totals t = e.getValue();
                csv.row("currency", e.getKey(), e.getKey(), "invoices", t.count);
                csv.row("currency", e.getKey(), e.getKey(), "subtotal", t.subtotal.amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "discounts", t.discounts.amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "tax", t.tax.amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "total", t.total.amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "credits_applied", t.credits.amount().toPlainString());
                csv.row("currency", e.getKey(), e.getKey(), "amount_due", t.due.amount().toPlainString());
            }
            for (FileCounts f : facts.files()) {
                csv.row("reconciliation", f.file(), "", "rows_read", f.read());
                csv.row("reconciliation", f.file(), "", "accepted", f.accepted());
                csv.row("reconciliation", f.file(), "", "duplicates", f.duplicates());
                csv.row("reconciliation", f.file(), "", "rejected", f.rejected());
                csv.row("reconciliation", f.file(), "", "out_of_period", f.outOfPeriod());
                csv.row("reconciliation", f.file(), "", "balanced", f.balanced());
            }
            csv.row("reconciliation", "usage_vs_billed", "", "balanced", facts.usageDifferences().isEmpty());
            csv.commit();
        }
    }

    static void runJson(Path file, RunFacts facts) throws IOException {
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
        }
        root.put("invoice_count", current(facts).size());
        List<String> numbers = new ArrayList<>();
        current(facts).stream().map(StoredInvoice::number).filter(n -> n != null).sorted().forEach(numbers::add);
        root.put("first_invoice_number", numbers.isEmpty() ? null : numbers.get(0));
        root.put("last_invoice_number", numbers.isEmpty() ? null : numbers.get(numbers.size() - 1));
        ObjectNode totals = root.putObject("totals");
        for (Map.Entry<String, Totals> e : totals(facts).entrySet()) {
            Totals t = e.getValue();
            ObjectNode n = totals.putObject(e.getKey());
            n.put("invoices", t.count);
            n.put("subtotal", t.subtotal.amount().toPlainString());
            n.put("discounts", t.discounts.amount().toPlainString());
            n.put("tax", t.tax.amount().toPlainString());
            n.put("total", t.total.amount().toPlainString());
            n.put("credits_applied", t.credits.amount().toPlainString());
            n.put("amount_due", t.due.amount().toPlainString());
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

    private static final class Totals {
        long count;
        Money subtotal;
        Money discounts;
        Money tax;
        Money total;
        Money credits;
        Money due;

        void add(Invoice i) {
            count++;
            subtotal = subtotal == null ? i.subtotal() : subtotal.plus(i.subtotal());
            discounts = discounts == null ? i.discounts() : discounts.plus(i.discounts());
            tax = tax == null ? i.tax() : tax.plus(i.tax());
            total = total == null ? i.total() : total.plus(i.total());
            credits = credits == null ? i.credits() : credits.plus(i.credits());
            due = due == null ? i.amountDue() : due.plus(i.amountDue());
        }
    }

    private static Map<String, Totals> totals(RunFacts facts) {
        Map<String, Totals> totals = new TreeMap<>();
        for (StoredInvoice s : current(facts)) {
            totals.computeIfAbsent(code(s.invoice()), c -> new Totals()).add(s.invoice());
        }
        return totals;
    }

    /** The run's own invoices: the ledger also lists the void invoices a correction run replaced. */
    private static List<StoredInvoice> current(RunFacts facts) {
        return facts.invoices().stream().filter(s -> !"VOID".equals(s.status())).toList();
    }

    private static String code(Invoice i) {
        return i.currency().getCurrencyCode();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

}
