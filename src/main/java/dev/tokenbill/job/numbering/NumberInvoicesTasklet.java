package dev.tokenbill.job.numbering;

import dev.tokenbill.job.run.RunContext;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 6: in a final run, numbers the invoices in one transaction (the step's); a draft run skips it. A correction run
 * first voids the period's earlier final invoices and issues a credit note for each, in the same transaction, then
 * records on each replacing invoice which invoice it corrects.
 */
public class NumberInvoicesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(NumberInvoicesTasklet.class);
    private final InvoiceNumbering numbering;
    private final CreditNoteIssuer creditNotes;

    public NumberInvoicesTasklet(InvoiceNumbering numbering, CreditNoteIssuer creditNotes) {
        this.numbering = numbering;
        this.creditNotes = creditNotes;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        RunContext run = RunContext.of(contribution);
        if (!run.isFinal()) {
            log.info("draft run: invoices stay unnumbered");
            return RepeatStatus.FINISHED;
        }
        if (run.correction()) {
            // voiding and numbering commit together: the ledger never shows both or neither as valid
            // the voided invoices and the correction both carry the day after the period as issue date
            LocalDate issueDate = run.period().end();
            List<String> credited = creditNotes.voidAndCredit(run.runId(), run.period().label(), issueDate, issueDate);
            log.info("correction run: voided {} earlier final invoices of {} and issued credit notes {}", credited.size(),
                    run.period().label(), credited.isEmpty() ? "(none)"
                            : credited.get(0) + " to " + credited.get(credited.size() - 1));
        }
        List<String> numbers = numbering.assign(run.runId());
        if (run.correction()) {
            creditNotes.linkCorrections(run.runId());
        }
        contribution.incrementWriteCount(numbers.size());
        if (!numbers.isEmpty()) {
            log.info("numbered {} invoices: {} to {}", numbers.size(), numbers.get(0), numbers.get(numbers.size() - 1));
        }
        return RepeatStatus.FINISHED;
    }
}
