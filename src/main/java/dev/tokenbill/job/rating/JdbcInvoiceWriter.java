package dev.tokenbill.job.rating;

import static dev.tokenbill.database.BulkInsert.column;

import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.database.BulkInsert;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.credit.CreditGrant;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.rating.PlanWhatIf;
import dev.tokenbill.rating.RatingEngine;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a chunk of rated invoices as drafts of the run, with their credit applications and
 * what-if rows. In a final run the chunk's credit grants are locked first and their credit applied
 * afresh from the balances read under the lock, so what the invoices apply is what they take. A chunk is a contiguous run of customers in customer-id order (as
 * {@link CustomerToRateReader} reads them), so each table is replaced by one range delete from the
 * chunk's first to its last customer and one bulk insert ({@link BulkInsert}: COPY on PostgreSQL, a JDBC batch on
 * H2): writing a chunk twice leaves one copy.
 */
public class JdbcInvoiceWriter implements ItemWriter<RatedCustomer> {

    private static final BulkInsert WHATIF_ROWS = BulkInsert.into("plan_whatif", column("run_id", Types.BIGINT),
            column("customer_id", Types.VARCHAR), column("current_plan", Types.VARCHAR), column("plan_id", Types.VARCHAR),
            column("currency", Types.VARCHAR), column("amount", Types.NUMERIC), column("difference", Types.NUMERIC),
            column("reason", Types.VARCHAR));

    private final JdbcInvoiceDao invoices;
    private final JdbcCreditDao credits;
    private final JdbcTemplate jdbc;
    private final long runId;
    private final String period;
    private final boolean binding;

    /** @param binding a final run: its credit applications take from the grants' balances */
    public JdbcInvoiceWriter(JdbcInvoiceDao invoices, JdbcCreditDao credits, JdbcTemplate jdbc, long runId, String period,
            boolean binding) {
        this.invoices = invoices;
        this.credits = credits;
        this.jdbc = jdbc;
        this.runId = runId;
        this.period = period;
        this.binding = binding;
    }

    @Override
    public void write(Chunk<? extends RatedCustomer> chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Invoice> rated = chunk.getItems().stream().map(RatedCustomer::invoice).toList();
        String first = rated.get(0).customerId();
        String last = rated.get(rated.size() - 1).customerId();
        if (binding) {
            rated = withCreditsTaken(rated, first, last);
        }
        invoices.saveDrafts(runId, period, rated);
        List<JdbcCreditDao.Applied> applied = new ArrayList<>();
        List<Object[]> whatIfs = new ArrayList<>();
        for (Invoice invoice : rated) {
            for (InvoiceLine line : invoice.lines()) {
                if (line.kind() == LineKind.CREDIT) {
                    applied.add(new JdbcCreditDao.Applied(invoice.customerId(), line.reference(),
                            line.amount().negate().amount()));
                }
            }
        }
        for (RatedCustomer r : chunk) {
            String customerId = r.invoice().customerId();
            for (PlanWhatIf.Comparison c : r.whatIfs()) {
                whatIfs.add(new Object[] {runId, customerId, c.currentPlan(), c.plan(),
                        r.invoice().currency().getCurrencyCode(), c.comparable() ? c.amount().amount() : null,
                        c.comparable() ? c.difference().amount() : null, c.reason()});
            }
        }
        credits.replaceApplied(runId, period, first, last, applied, binding);
        jdbc.update("delete from plan_whatif where run_id = ? and customer_id between ? and ?", runId, first, last);
        WHATIF_ROWS.insert(jdbc, whatIfs);
    }

    /** The invoices with credit applied from the balances as they stand under the grants' locks (held to commit). */
    private List<Invoice> withCreditsTaken(List<Invoice> rated, String first, String last) {
        credits.lock(runId, first, last);
        Map<String, List<CreditGrant>> balances = credits.balancesBetween(runId, period, first, last);
        LocalDate lastDay = BillingPeriod.parse(period).end().minusDays(1);
        List<Invoice> result = new ArrayList<>(rated.size());
        for (Invoice invoice : rated) {
            result.add(RatingEngine.withCredits(invoice, balances.getOrDefault(invoice.customerId(), List.of()), lastDay));
        }
        return result;
    }
}
