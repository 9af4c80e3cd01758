package dev.tokenbill.job;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.invoice.internal.StoredInvoice;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.invoice.pdf.InvoiceViews;
import dev.tokenbill.usage.internal.JdbcUsageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 8's writer: loads the chunk's invoices, customers and requests per day (five queries whatever the chunk size),
 * renders each invoice to {@code <period>/invoices/<name>.pdf} (atomically, by the renderer), one after the other,
 * then records the file names in the chunk's transaction. A PDF depends only on its own invoice, so the files are the
 * same whatever the partitions (which give the step its parallelism). The name is the invoice number or
 * DRAFT-customer_id, never raw input.
 *
 * <p>A stop request (SIGTERM) ends the chunk's renders before the next invoice; the chunk then commits the files
 * already rendered, and the step stops at that chunk boundary (the reader has no state: a restart renders the
 * invoices still without a file). The stopped execution's write count includes the skipped invoices, as Spring
 * Batch counts the chunk; the restarted one counts only what it rendered.
 */
public class RenderInvoicesWriter implements ItemWriter<String> {

    private final InvoicePdfRenderer renderer;
    private final JdbcInvoiceDao invoices;
    private final JdbcCustomerDao customers;
    private final JdbcTemplate jdbc;
    private final RunContext run;
    private final Catalog catalog;
    private final StopRequest stopRequest;

    public RenderInvoicesWriter(InvoicePdfRenderer renderer, JdbcInvoiceDao invoices, JdbcCustomerDao customers,
            JdbcTemplate jdbc, RunContext run, Catalog catalog, StopRequest stopRequest) {
        this.renderer = renderer;
        this.invoices = invoices;
        this.customers = customers;
        this.jdbc = jdbc;
        this.run = run;
        this.catalog = catalog;
        this.stopRequest = stopRequest;
    }

    @Override
    public void write(Chunk<? extends String> chunk) {
        Path dir = run.periodDir().resolve("invoices");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> customerIds = List.copyOf(chunk.getItems());
        Map<String, Customer> byId = customers.customers(run.runId(), customerIds);
        Map<String, long[]> daily = JdbcUsageStore.daily(jdbc, run.runId(), customerIds);
        Map<String, String> fileNames = new LinkedHashMap<>();
        for (StoredInvoice stored : invoices.invoices(run.runId(), customerIds)) {
            if (stopRequest.getAsBoolean()) {
                break;
            }
            String customerId = stored.invoice().customerId();
            String name = InvoiceViews.fileName(stored.number(), customerId);
            Customer customer = byId.get(customerId);
            EInvoiceRendering.render(renderer, InvoiceViews.correcting(InvoiceViews.of(stored.invoice(), stored.number(),
                    customer, catalog.seller(), this::planName, run.period(), daily.get(customerId)), stored.reference()),
                    stored, customer, catalog.seller(), run.period(), null, dir.resolve(name));
            fileNames.put(customerId, name);
        }
        invoices.setPdfFiles(run.runId(), fileNames);
    }

    /** The name of a catalog plan, for the invoice's subscription headings (null for an unknown id). */
    private String planName(String planId) {
        Plan plan = catalog.plans().get(planId);
        return plan == null ? null : plan.name();
    }
}
