package dev.tokenbill.invoice.internal;

import dev.tokenbill.invoice.Invoice;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Writes rated invoices as drafts of the run; idempotent per customer. */
public class JdbcInvoiceWriter implements ItemWriter<Invoice> {

    private final JdbcInvoiceDao invoices;
    private final long runId;
    private final String period;

    public JdbcInvoiceWriter(JdbcInvoiceDao invoices, long runId, String period) {
        this.invoices = invoices;
        this.runId = runId;
        this.period = period;
    }

    @Override
    public void write(Chunk<? extends Invoice> chunk) {
        invoices.saveDrafts(runId, period, chunk.getItems());
    }
}
