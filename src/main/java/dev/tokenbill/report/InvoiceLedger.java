package dev.tokenbill.report;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.invoice.StoredInvoice;
import java.util.List;
import java.util.Map;

/**
 * The documents behind a run's reports, handed out one at a time so that no report holds them all: the void invoices
 * of earlier final runs first (after a correction run), in invoice number order, then the period's credit notes that
 * reverse them, in number order, then the run's own invoices in customer id order. Each iteration reads the ledger
 * afresh.
 */
@FunctionalInterface
public interface InvoiceLedger extends Iterable<InvoiceLedger.Entry> {

    /**
     * One document of the ledger and its customer's allocated cost ({@code null} when the customer has none, and for a
     * void invoice or a credit note); {@code paymentTermsDays} the seller's default terms, for a due date when the
     * customer has none of its own.
     */
    record Entry(StoredInvoice invoice, Allocation allocation, int paymentTermsDays) {

        public Entry(StoredInvoice invoice, Allocation allocation) {
            this(invoice, allocation, dev.tokenbill.catalog.Seller.DEFAULT_PAYMENT_TERMS_DAYS);
        }

        /** Whether the document is one of the run's own invoices, not a void invoice of an earlier run or a credit note. */
        public boolean current() {
            return !invoice.isCreditNote() && !"VOID".equals(invoice.status());
        }

        /** The day payment is due: issue date + the customer's terms, else the seller's; none for a credit note. */
        public java.time.LocalDate dueDate() {
            if (invoice.isCreditNote()) {
                return null;
            }
            Integer own = invoice.paymentTermsDays();
            return invoice.issueDate().plusDays(own != null ? own : paymentTermsDays);
        }
    }

    /** A ledger held in memory: {@code invoices} in ledger order, allocated costs by customer id. */
    static InvoiceLedger of(List<StoredInvoice> invoices, Map<String, Allocation> allocations) {
        return () -> invoices.stream().map(i -> new Entry(i, "VOID".equals(i.status()) || i.isCreditNote() ? null
                : allocations.get(i.invoice().customerId()))).iterator();
    }
}
