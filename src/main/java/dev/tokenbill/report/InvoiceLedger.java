package dev.tokenbill.report;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.invoice.internal.StoredInvoice;
import java.util.List;
import java.util.Map;

/**
 * The invoices behind a run's reports, handed out one at a time so that no report holds them all: the void invoices
 * of earlier final runs first (after a correction run), in invoice number order, then the run's own invoices in
 * customer id order. Each iteration reads the ledger afresh.
 */
@FunctionalInterface
public interface InvoiceLedger extends Iterable<InvoiceLedger.Entry> {

    /**
     * One invoice of the ledger and its customer's allocated cost ({@code null} when the customer has none, and for a
     * void invoice).
     */
    record Entry(StoredInvoice invoice, Allocation allocation) {

        /** Whether the invoice is one of the run's own, not a void invoice of an earlier run. */
        public boolean current() {
            return !"VOID".equals(invoice.status());
        }
    }

    /** A ledger held in memory: {@code invoices} in ledger order, allocated costs by customer id. */
    static InvoiceLedger of(List<StoredInvoice> invoices, Map<String, Allocation> allocations) {
        return () -> invoices.stream().map(i -> new Entry(i, "VOID".equals(i.status()) ? null
                : allocations.get(i.invoice().customerId()))).iterator();
    }
}
