package dev.tokenbill.job.numbering;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A correction run's voiding: each final invoice of the period from an earlier run becomes VOID and gets a credit
 * note, numbered from its own gapless series ({@code CN-000001}, in voided-invoice number order), all in the caller's
 * single transaction with the numbering of the replacing invoices: a failure leaves no voided invoice, no credit note
 * and no used number; running it again after a commit finds nothing left to void. A credit note copies the voided
 * invoice's header and lines with every amount negated (quantities and prices kept), its discount and prepaid-credit
 * lines as they were. It takes no prepaid credit and gives none back itself: the voided invoice's credit applications
 * simply stop counting against their grants, as for any void invoice.
 */
public class CreditNoteIssuer {

    static final String SERIES = "credit_note";
    public static final String PREFIX = "CN-";

    private final JdbcTemplate jdbc;

    public CreditNoteIssuer(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Voids the period's final invoices of runs other than {@code runId} and credits each.
     *
     * @param issueDate the credit notes' issue date (that of the correction run's invoices)
     * @param invoiceIssueDate the voided invoices' issue date
     * @return the credit note numbers issued, in order
     */
    public List<String> voidAndCredit(long runId, String period, LocalDate issueDate, LocalDate invoiceIssueDate) {
        List<Map<String, Object>> voided = jdbc.queryForList("select run_id, customer_id from invoice"
                + " where period = ? and status = 'FINAL' and run_id <> ? order by invoice_number", period, runId);
        if (voided.isEmpty()) {
            return List.of();
        }
        if (jdbc.queryForObject("select count(*) from invoice_sequence where series = ?", Integer.class, SERIES) == 0) {
            jdbc.update("insert into invoice_sequence (series, next_number) values (?, 1)", SERIES);
        }
        long next = jdbc.queryForObject("select next_number from invoice_sequence where series = ? for update", Long.class,
                SERIES);
        List<Object[]> headers = new ArrayList<>(voided.size());
        List<Object[]> lines = new ArrayList<>(voided.size());
        List<String> numbers = new ArrayList<>(voided.size());
        for (Map<String, Object> row : voided) {
            long creditedRun = ((Number) row.get("run_id")).longValue();
            String customerId = (String) row.get("customer_id");
            String number = format(next++);
            numbers.add(number);
            headers.add(new Object[] {runId, number, Date.valueOf(issueDate), Date.valueOf(invoiceIssueDate), creditedRun,
                customerId});
            lines.add(new Object[] {runId, creditedRun, customerId});
        }
        jdbc.batchUpdate("insert into credit_note (run_id, customer_id, period, credit_note_number, issue_date,"
                + " credits_invoice, credits_run_id, invoice_issue_date, currency, subtotal, discounts, tax_name, tax_rate,"
                + " tax, tax_exempt, total, credits, amount_due, tax_category, tax_country, tax_notice, customer_tax_id)"
                + " select ?, customer_id, period, ?, ?, invoice_number, run_id, ?, currency, -subtotal, -discounts,"
                + " tax_name, tax_rate, -tax, tax_exempt, -total, -credits, -amount_due, tax_category, tax_country,"
                + " tax_notice, customer_tax_id from invoice"
                + " where run_id = ? and customer_id = ?", headers);
        jdbc.batchUpdate("insert into credit_note_line (run_id, customer_id, position, kind, description, subscription_id,"
                + " plan_id, meter, model, price_condition, usage_quantity, included, quantity, unit_price, amount,"
                + " reference, period_start, period_end)"
                + " select ?, customer_id, position, kind, description, subscription_id, plan_id, meter, model,"
                + " price_condition, usage_quantity, included, quantity, unit_price, -amount, reference, period_start,"
                + " period_end from invoice_line where run_id = ? and customer_id = ?", lines);
        jdbc.update("update invoice set status = 'VOID' where period = ? and status = 'FINAL' and run_id <> ?", period,
                runId);
        jdbc.update("update invoice_sequence set next_number = ? where series = ?", next, SERIES);
        return numbers;
    }

    /** Records on each replacing invoice of the run the number of the invoice it corrects (its customer's voided one). */
    public int linkCorrections(long runId) {
        return jdbc.update("update invoice set corrects = (select c.credits_invoice from credit_note c"
                + " where c.run_id = invoice.run_id and c.customer_id = invoice.customer_id)"
                + " where run_id = ? and corrects is null", runId);
    }

    public static String format(long number) {
        return PREFIX + String.format("%06d", number);
    }
}
