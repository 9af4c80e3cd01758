package dev.tokenbill.invoice.internal;

import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.rating.PlanWhatIf;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes rated invoices as drafts of the run, with their credit applications and what-if rows; idempotent per customer. */
public class JdbcInvoiceWriter implements ItemWriter<RatedCustomer> {

    private final JdbcInvoiceDao invoices;
    private final JdbcCreditDao credits;
    private final JdbcTemplate jdbc;
    private final long runId;
    private final String period;

    public JdbcInvoiceWriter(JdbcInvoiceDao invoices, JdbcCreditDao credits, JdbcTemplate jdbc, long runId, String period) {
        this.invoices = invoices;
        this.credits = credits;
        this.jdbc = jdbc;
        this.runId = runId;
        this.period = period;
    }

    @Override
    public void write(Chunk<? extends RatedCustomer> chunk) {
        invoices.saveDrafts(runId, period, chunk.getItems().stream().map(RatedCustomer::invoice).toList());
        List<Object[]> whatIfs = new ArrayList<>();
        for (RatedCustomer rated : chunk) {
            String customerId = rated.invoice().customerId();
            List<Object[]> applied = new ArrayList<>();
            for (InvoiceLine line : rated.invoice().lines()) {
                if (line.kind() == LineKind.CREDIT) {
                    applied.add(new Object[] {line.reference(), line.amount().negate().amount()});
                }
            }
            credits.saveApplied(runId, customerId, period, applied);
            jdbc.update("delete from plan_whatif where run_id = ? and customer_id = ?", runId, customerId);
            for (PlanWhatIf.Comparison c : rated.whatIfs()) {
                whatIfs.add(new Object[] {runId, customerId, c.currentPlan(), c.plan(),
                        c.amount().currency().getCurrencyCode(), c.amount().amount(), c.difference().amount()});
            }
        }
        jdbc.batchUpdate("insert into plan_whatif (run_id, customer_id, current_plan, plan_id, currency, amount, difference)"
                + " values (?, ?, ?, ?, ?, ?, ?)", whatIfs);
    }
}
