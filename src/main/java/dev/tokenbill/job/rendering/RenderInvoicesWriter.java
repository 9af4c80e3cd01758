package dev.tokenbill.job.rendering;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.invoice.pdf.InvoiceViews;
import dev.tokenbill.job.run.RunContext;
import dev.tokenbill.job.run.StopRequest;
import dev.tokenbill.job.usage.JdbcUsageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 8's writer: loads the chunk's invoices, customers and requests per day (five queries whatever the chunk size), renders each
 * invoice to {@code <period>/invoices/<name>.pdf} on a pool of {@code threads} workers (atomically, by the renderer),
 * then records the file names in the chunk's transaction, from the step's own thread. A PDF depends only on its own
 * invoice, so the files are the same whatever the thread count. The name is the invoice number or
 * DRAFT-customer_id, never raw input. The pool lives from the step's {@code open} to its {@code close}.
 *
 * <p>A stop request (SIGTERM) cancels the chunk's pending renders instead of awaiting them; the chunk then commits
 * the files of the renders that had finished, and the step stops at that chunk boundary (the reader has no state:
 * a restart renders the invoices still without a file). The stopped execution's write count includes the
 * cancelled invoices, as Spring Batch counts the chunk; the restarted one counts only what it rendered.
 */
public class RenderInvoicesWriter implements ItemWriter<String>, ItemStream {

    private final InvoicePdfRenderer renderer;
    private final JdbcInvoiceDao invoices;
    private final JdbcCustomerDao customers;
    private final JdbcTemplate jdbc;
    private final RunContext run;
    private final Catalog catalog;
    private final int threads;
    private final StopRequest stopRequest;
    private ExecutorService pool;

    public RenderInvoicesWriter(InvoicePdfRenderer renderer, JdbcInvoiceDao invoices, JdbcCustomerDao customers,
            JdbcTemplate jdbc, RunContext run, Catalog catalog, int threads, StopRequest stopRequest) {
        this.renderer = renderer;
        this.invoices = invoices;
        this.customers = customers;
        this.jdbc = jdbc;
        this.run = run;
        this.catalog = catalog;
        this.threads = threads;
        this.stopRequest = stopRequest;
    }

    @Override
    public void open(ExecutionContext context) {
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, workers());
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }

    @Override
    public void write(Chunk<? extends String> chunk) {
        if (pool == null) {
            throw new IllegalStateException("the writer is not open");
        }
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
        Map<String, Future<?>> renders = new LinkedHashMap<>();
        for (StoredInvoice stored : invoices.invoices(run.runId(), customerIds)) {
            String customerId = stored.invoice().customerId();
            String name = InvoiceViews.fileName(stored.number(), customerId);
            Customer customer = byId.get(customerId);
            fileNames.put(customerId, name);
            renders.put(customerId, pool.submit(() -> EInvoiceRendering.render(renderer, InvoiceViews.correcting(
                    InvoiceViews.of(stored.invoice(), stored.number(), customer, catalog.seller(), this::planName, run.period(),
                            daily.get(customerId)), stored.reference()), stored, customer, catalog.seller(), run.period(),
                    null, dir.resolve(name))));
        }
        if (!awaitAll(renders.values())) {
            fileNames.keySet().removeIf(customerId -> !rendered(renders.get(customerId)));
        }
        invoices.setPdfFiles(run.runId(), fileNames);
    }

    /** The name of a catalog plan, for the invoice's subscription headings (null for an unknown id). */
    private String planName(String planId) {
        Plan plan = catalog.plans().get(planId);
        return plan == null ? null : plan.name();
    }

    /**
     * Waits for every render (none is left running into a rollback or a retry), then throws the first failure.
     * False when a stop was requested meanwhile: the renders not yet done are then cancelled, not awaited.
     */
    private boolean awaitAll(Collection<Future<?>> renders) {
        RuntimeException failure = null;
        for (Future<?> render : renders) {
            try {
                while (!awaited(render)) {
                    if (stopRequest.getAsBoolean()) {
                        renders.forEach(r -> r.cancel(true));
                        return false;
                    }
                }
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                renders.forEach(r -> r.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rendering invoices", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return true;
    }

    private static boolean awaited(Future<?> render) throws ExecutionException, InterruptedException {
        try {
            render.get(100, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Whether a render finished with its file in place (not cancelled, not failed). */
    private static boolean rendered(Future<?> render) {
        if (!render.isDone() || render.isCancelled()) {
            return false;
        }
        try {
            render.get();
            return true;
        } catch (ExecutionException | InterruptedException e) {
            return false;
        }
    }

    private static ThreadFactory workers() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "render-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
