package dev.tokenbill.job.numbering;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives the run's unnumbered invoices gapless sequential numbers, in customer-id order, in the
 * caller's single transaction: the sequence row is locked, read, advanced and the invoices updated
 * together, so a failure leaves neither a used nor a skipped number. Running it again finds
 * nothing left to number.
 */
public class InvoiceNumbering {

    static final String SERIES = "invoice";

    private final JdbcTemplate jdbc;
    private final String prefix;

    public InvoiceNumbering(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    /** @return the numbers assigned (empty if every invoice of the run already had one) */
    public List<String> assign(long runId) {
        List<String> customers = jdbc.queryForList("select customer_id from invoice where run_id = ? and invoice_number is null"
                + " order by customer_id", String.class, runId);
        if (customers.isEmpty()) {
            return List.of();
        }
        if (jdbc.queryForObject("select count(*) from invoice_sequence where series = ?", Integer.class, SERIES) == 0) {
            jdbc.update("insert into invoice_sequence (series, next_number) values (?, 1)", SERIES);
        }
        long next = jdbc.queryForObject("select next_number from invoice_sequence where series = ? for update", Long.class,
                SERIES);
        List<String> numbers = new java.util.ArrayList<>();
        for (String customerId : customers) {
            String number = format(next++);
            jdbc.update("update invoice set invoice_number = ?, status = 'FINAL' where run_id = ? and customer_id = ?",
                    number, runId, customerId);
            numbers.add(number);
        }
        jdbc.update("update invoice_sequence set next_number = ? where series = ?", next, SERIES);
        return numbers;
    }

    public String format(long number) {
        return prefix + String.format("%06d", number);
    }
}
