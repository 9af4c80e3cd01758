package dev.tokenbill.job.reports;

import dev.tokenbill.allocation.Allocation;
import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.invoice.internal.JdbcCreditNoteDao;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.job.run.RunContext;
import dev.tokenbill.report.InvoiceLedger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The ledger of a run read from the database a page at a time (invoices, lines, tiers and allocated costs of
 * {@code pageSize} customers in five queries): the void invoices and the credit notes of the period when the run is
 * final, then the run's own invoices.
 */
final class JdbcInvoiceLedger implements InvoiceLedger {

    private final JdbcInvoiceDao invoices;
    private final JdbcAllocationDao allocations;
    private final JdbcCreditNoteDao creditNotes;
    private final RunContext run;
    private final int pageSize;
    private final int paymentTermsDays;

    JdbcInvoiceLedger(JdbcInvoiceDao invoices, JdbcAllocationDao allocations, JdbcCreditNoteDao creditNotes,
            RunContext run, int pageSize) {
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.paymentTermsDays = run.catalog().seller().paymentTermsDays();
        this.allocations = allocations;
        this.run = run;
        this.pageSize = pageSize;
    }

    @Override
    public Iterator<Entry> iterator() {
        return new Iterator<>() {

            private Phase phase = run.isFinal() ? Phase.VOIDED : Phase.CURRENT;
            private String after = "";
            private List<StoredInvoice> page = List.of();
            private Map<String, Allocation> allocated = Map.of();
            private int next;

            @Override
            public boolean hasNext() {
                while (next == page.size() && phase != Phase.DONE) {
                    loadPage();
                }
                return next < page.size();
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StoredInvoice invoice = page.get(next++);
                return new Entry(invoice, invoice.isCreditNote() ? null : allocated.get(invoice.invoice().customerId()),
                        paymentTermsDays);
            }

            private void loadPage() {
                next = 0;
                if (phase == Phase.VOIDED) {
                    page = invoices.voidedAfter(run.period().label(), after, pageSize);
                    allocated = Map.of();
                    after = page.size() < pageSize ? "" : page.get(page.size() - 1).number();
                    phase = page.size() < pageSize ? Phase.CREDIT_NOTES : Phase.VOIDED;
                    return;
                }
                if (phase == Phase.CREDIT_NOTES) {
                    page = creditNotes.creditNotesAfter(run.period().label(), after, pageSize);
                    allocated = Map.of();
                    after = page.size() < pageSize ? "" : page.get(page.size() - 1).number();
                    phase = page.size() < pageSize ? Phase.CURRENT : Phase.CREDIT_NOTES;
                    return;
                }
                page = invoices.invoicesAfter(run.runId(), after, pageSize);
                allocated = allocations.allocations(run.runId(), page.stream().map(i -> i.invoice().customerId()).toList());
                after = page.isEmpty() ? after : page.get(page.size() - 1).invoice().customerId();
                phase = page.size() < pageSize ? Phase.DONE : Phase.CURRENT;
            }
        };
    }

    private enum Phase { VOIDED, CREDIT_NOTES, CURRENT, DONE }
}
