package dev.tokenbill.job;

import dev.tokenbill.invoice.internal.InvoiceNumbering;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Step 6: in a final run, numbers the invoices in one transaction (the step's); a draft run skips it. */
public class NumberInvoicesTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(NumberInvoicesTasklet.class);
    private final InvoiceNumbering numbering;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    public NumberInvoicesTasklet(InvoiceNumbering numbering, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.numbering = numbering;
        this.jdbc = jdbc;
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
            int voided = jdbc.update("update invoice set status = 'VOID' where period = ? and status = 'FINAL'"
                    + " and run_id <> ?", run.period().label(), run.runId());
            log.info("correction run: voided {} earlier final invoices of {}", voided, run.period().label());
        }
        List<String> numbers = numbering.assign(run.runId());
        contribution.incrementWriteCount(numbers.size());
        if (!numbers.isEmpty()) {
            log.info("numbered {} invoices: {} to {}", numbers.size(), numbers.get(0), numbers.get(numbers.size() - 1));
        }
        return RepeatStatus.FINISHED;
    }
}
