package dev.tokenbill.job.rendering;

import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.internal.JdbcCreditNoteDao;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.invoice.pdf.InvoiceView;
import dev.tokenbill.invoice.pdf.InvoiceViews;
import dev.tokenbill.job.run.RunContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 8b: renders the credit notes a correction run issued to {@code <period>/credit-notes/CN-000001.pdf}, a page
 * at a time: each call renders up to {@link #PAGE} credit notes without a PDF and records their files, and commits
 * (a tasklet's every call is its own transaction), so a restart renders only those still without a file. A file
 * left by a call that did not commit belongs to no issued record and is simply rendered again. Other runs skip it.
 */
public class RenderCreditNotesTasklet implements Tasklet {

    static final int PAGE = 50;

    private final Supplier<InvoicePdfRenderer> renderer;
    private final JdbcCreditNoteDao creditNotes;
    private final JdbcCustomerDao customers;

    public RenderCreditNotesTasklet(Supplier<InvoicePdfRenderer> renderer, JdbcCreditNoteDao creditNotes,
            JdbcCustomerDao customers) {
        this.renderer = renderer;
        this.creditNotes = creditNotes;
        this.customers = customers;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunContext run = RunContext.of(contribution);
        if (!run.correction()) {
            return RepeatStatus.FINISHED;
        }
        List<JdbcCreditNoteDao.Unrendered> page = creditNotes.unrendered(run.runId(), PAGE);
        if (page.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        Path dir = Files.createDirectories(run.periodDir().resolve("credit-notes"));
        for (JdbcCreditNoteDao.Unrendered u : page) {
            StoredInvoice note = u.creditNote();
            String customerId = note.invoice().customerId();
            Customer customer = customers.customers(u.creditedRunId(), List.of(customerId)).get(customerId);
            String name = InvoiceViews.fileName(note.number(), customerId);
            InvoiceView view = InvoiceViews.creditNote(note.invoice(), note.number(), note.reference(),
                    u.invoiceIssueDate(), customer, run.catalog().seller(), planId -> {
                        var plan = run.catalog().plans().get(planId);
                        return plan == null ? null : plan.name();
                    }, run.period());
            EInvoiceRendering.render(renderer.get(), view, note, customer, run.catalog().seller(), run.period(),
                    u.invoiceIssueDate(), dir.resolve(name));
            creditNotes.setPdfFile(run.runId(), customerId, name);
            contribution.incrementWriteCount(1);
        }
        return page.size() < PAGE ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }
}
