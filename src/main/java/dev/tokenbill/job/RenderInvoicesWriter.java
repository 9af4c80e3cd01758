package dev.tokenbill.job;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.invoice.internal.StoredInvoice;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.invoice.pdf.InvoiceViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Step 7's writer: renders each invoice of the chunk to {@code <period>/invoices/<name>.pdf}
 * (atomically, by the renderer) and records the file name. The name is the invoice number or
 * DRAFT-customer_id, never raw input.
 */
public class RenderInvoicesWriter implements ItemWriter<StoredInvoice> {

    private final InvoicePdfRenderer renderer;
    private final JdbcInvoiceDao invoices;
    private final JdbcCustomerDao customers;
    private final RunContext run;
    private final Seller seller;

    public RenderInvoicesWriter(InvoicePdfRenderer renderer, JdbcInvoiceDao invoices, JdbcCustomerDao customers,
            RunContext run, Seller seller) {
        this.renderer = renderer;
        this.invoices = invoices;
        this.customers = customers;
        this.run = run;
        this.seller = seller;
    }

    @Override
    public void write(Chunk<? extends StoredInvoice> chunk) {
        Path dir = run.periodDir().resolve("invoices");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (StoredInvoice stored : chunk) {
            String customerId = stored.invoice().customerId();
            String name = InvoiceViews.fileName(stored.number(), customerId);
            renderer.render(InvoiceViews.of(stored.invoice(), stored.number(), customers.customer(run.runId(), customerId),
                    seller, run.period()), dir.resolve(name));
            invoices.setPdfFile(run.runId(), customerId, name);
        }
    }
}
