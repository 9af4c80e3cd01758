package dev.tokenbill.invoice.internal;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the credit notes that {@link CreditNoteIssuer} stored, as {@link StoredInvoice}s of kind
 * {@link DocumentKind#CREDIT_NOTE} (status FINAL, reference = the credited invoice's number), a page at a time.
 */
public class JdbcCreditNoteDao {

    private final JdbcTemplate jdbc;

    public JdbcCreditNoteDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code size} credit notes of the period numbered after {@code after} ("" for the first page), in number order. */
    public List<StoredInvoice> creditNotesAfter(String period, String after, int size) {
        return read("where c.period = ? and c.credit_note_number > ? order by c.credit_note_number fetch first " + size
                + " rows only", period, after);
    }

    /**
     * A credit note to render: the run whose invoice it credits (whose customer record it is addressed to, also when the
     * customer is no longer billed) and that invoice's issue date.
     */
    public record Unrendered(StoredInvoice creditNote, long creditedRunId, java.time.LocalDate invoiceIssueDate) {
    }

    /** Up to {@code size} credit notes issued by the run that have no PDF yet, in number order. */
    public List<Unrendered> unrendered(long runId, int size) {
        List<StoredInvoice> page = read("where c.run_id = ? and c.pdf_file is null order by c.credit_note_number"
                + " fetch first " + size + " rows only", runId);
        List<Unrendered> result = new ArrayList<>(page.size());
        for (StoredInvoice note : page) {
            Map<String, Object> row = jdbc.queryForMap("select credits_run_id, invoice_issue_date from credit_note"
                    + " where run_id = ? and customer_id = ?", runId, note.invoice().customerId());
            result.add(new Unrendered(note, ((Number) row.get("credits_run_id")).longValue(),
                    ((java.sql.Date) row.get("invoice_issue_date")).toLocalDate()));
        }
        return result;
    }

    /** Records the PDF file of the run's credit note of {@code customerId}. */
    public void setPdfFile(long runId, String customerId, String fileName) {
        jdbc.update("update credit_note set pdf_file = ? where run_id = ? and customer_id = ?", fileName, runId, customerId);
    }

    private List<StoredInvoice> read(String condition, Object... args) {
        Map<String, Header> headers = new LinkedHashMap<>();
        jdbc.query("select c.*, (select t.payment_terms_days from customer t where t.run_id = c.credits_run_id"
                + " and t.customer_id = c.customer_id) as terms from credit_note c " + condition, rs -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    Invoice amounts = new Invoice(rs.getString("customer_id"), currency, List.of(),
                            money(rs, "subtotal", currency), money(rs, "discounts", currency), rs.getString("tax_name"),
                            rs.getBigDecimal("tax_rate"), money(rs, "tax", currency), rs.getBoolean("tax_exempt"),
                            money(rs, "total", currency), money(rs, "credits", currency), money(rs, "amount_due", currency));
                    headers.put(rs.getString("credit_note_number"), new Header(rs.getLong("run_id"),
                            rs.getString("period"), rs.getString("pdf_file"), rs.getString("credits_invoice"),
                            rs.getObject("terms", Integer.class), rs.getDate("issue_date").toLocalDate(), amounts));
                }, args);
        List<StoredInvoice> result = new ArrayList<>(headers.size());
        headers.forEach((number, h) -> {
            Invoice a = h.amounts();
            Invoice invoice = new Invoice(a.customerId(), a.currency(), lines(h.runId(), a.customerId(), a.currency()),
                    a.subtotal(), a.discounts(), a.taxName(), a.taxRate(), a.tax(), a.taxExempt(), a.total(), a.credits(),
                    a.amountDue());
            result.add(new StoredInvoice(h.runId(), h.period(), "FINAL", number, h.pdfFile(), invoice,
                    DocumentKind.CREDIT_NOTE, h.credits(), h.terms(), h.issueDate()));
        });
        return result;
    }

    // one query per credit note: there are as many as a correction run voids, read a page at a time
    private List<InvoiceLine> lines(long runId, String customerId, Currency currency) {
        return jdbc.query("select * from credit_note_line where run_id = ? and customer_id = ? order by position",
                (rs, i) -> {
                    String condition = rs.getString("price_condition");
                    return new InvoiceLine(LineKind.valueOf(rs.getString("kind")), rs.getString("description"),
                            rs.getString("subscription_id"), rs.getString("plan_id"), rs.getString("meter"),
                            rs.getString("model"), condition == null ? null : PriceCondition.valueOf(condition),
                            rs.getBigDecimal("usage_quantity"), rs.getBigDecimal("included"), rs.getBigDecimal("quantity"),
                            rs.getBigDecimal("unit_price"), money(rs, "amount", currency), List.of(),
                            rs.getString("reference"), JdbcInvoiceDao.servicePeriod(rs));
                }, runId, customerId);
    }

    private record Header(long runId, String period, String pdfFile, String credits, Integer terms,
            java.time.LocalDate issueDate, Invoice amounts) {
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return Money.of(value.setScale(Money.minorUnits(currency), RoundingMode.UNNECESSARY), currency);
    }
}
