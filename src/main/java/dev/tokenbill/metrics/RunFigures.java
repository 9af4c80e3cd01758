package dev.tokenbill.metrics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the database says a run did, read at its end: the reconciliation of each usage file, and the run's own
 * invoices (void ones left out, as in run.json) counted by currency and status and added up by currency. Amounts
 * stay decimal here.
 */
record RunFigures(List<UsageFile> files, List<InvoiceCount> invoiceCounts, List<CurrencyTotals> currencies) {

    static final RunFigures NONE = new RunFigures(List.of(), List.of(), List.of());

    /**
     * One usage file: rows read and, by outcome (accepted, duplicate, rejected, out_of_period, and late where the
     * database records it), how many of them ended there.
     */
    record UsageFile(String file, long read, Map<String, Long> outcomes) {
    }

    /** How many of the run's invoices have this currency and status. */
    record InvoiceCount(String currency, String status, long count) {
    }

    /** The sums of the run's invoices in one currency, as run.json's {@code totals} has them. */
    record CurrencyTotals(String currency, BigDecimal subtotal, BigDecimal discounts, BigDecimal tax,
            BigDecimal total, BigDecimal credits, BigDecimal due) {
    }
}
