package dev.tokenbill.invoice.internal;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.database.RunKeys;
import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceTax;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.invoice.TaxCategory;
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
 * Reads the credit notes that {@link dev.tokenbill.job.numbering.CreditNoteIssuer} stored, as {@link StoredInvoice}s of kind
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
                + " rows only", period, after).stream().map(Unrendered::creditNote).toList();
    }

    /**
     * A credit note to render: the run whose invoice it credits (whose customer record it is addressed to, also when the
     * customer is no longer billed) and that invoice's issue date.
     */
    public record Unrendered(StoredInvoice creditNote, long creditedRunId, java.time.LocalDate invoiceIssueDate) {
    }

    /** Up to {@code size} credit notes issued by the run that have no PDF yet, in number order. */
    public List<Unrendered> unrendered(long runId, int size) {
        return read("where c.run_id = ? and c.pdf_file is null order by c.credit_note_number"
                + " fetch first " + size + " rows only", runId);
    }

    /** Records the PDF file of the run's credit note of {@code customerId}. */
    public void setPdfFile(long runId, String customerId, String fileName) {
        jdbc.update("update credit_note set pdf_file = ? where run_id = ? and customer_id = ?", fileName, runId, customerId);
    }

    private List<Unrendered> read(String condition, Object... args) {
        Map<String, Header> headers = new LinkedHashMap<>();
        jdbc.query("select c.*, (select t.payment_terms_days from customer t where t.run_id = c.credits_run_id"
                + " and t.customer_id = c.customer_id) as terms from credit_note c " + condition, rs -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    Invoice amounts = new Invoice(rs.getString("customer_id"), currency, List.of(),
                            money(rs, "subtotal", currency), money(rs, "discounts", currency), rs.getString("tax_name"),
                            rs.getBigDecimal("tax_rate"), money(rs, "tax", currency), rs.getBoolean("tax_exempt"),
                            money(rs, "total", currency), money(rs, "credits", currency), money(rs, "amount_due", currency),
                            new InvoiceTax(TaxCategory.valueOf(rs.getString("tax_category")), rs.getString("tax_country"),
                                    rs.getString("tax_notice"), rs.getString("customer_tax_id")));
                    headers.put(rs.getString("credit_note_number"), new Header(rs.getLong("run_id"),
                            rs.getString("period"), rs.getString("pdf_file"), rs.getString("credits_invoice"),
                            rs.getObject("terms", Integer.class), rs.getDate("issue_date").toLocalDate(), amounts,
                            rs.getLong("credits_run_id"), rs.getDate("invoice_issue_date").toLocalDate()));
                }, args);
        Map<Long, List<String>> customersByRun = new LinkedHashMap<>();
        headers.values().forEach(h -> customersByRun.computeIfAbsent(h.runId(), r -> new ArrayList<>())
                .add(h.amounts().customerId()));
        Map<String, List<InvoiceLine>> lines = new java.util.HashMap<>();
        customersByRun.forEach((runId, customerIds) -> lines.putAll(lines(runId, customerIds, headers)));
        List<Unrendered> result = new ArrayList<>(headers.size());
        headers.forEach((number, h) -> {
            Invoice a = h.amounts();
            Invoice invoice = new Invoice(a.customerId(), a.currency(),
                    lines.getOrDefault(h.runId() + "/" + a.customerId(), List.of()),
                    a.subtotal(), a.discounts(), a.taxName(), a.taxRate(), a.tax(), a.taxExempt(), a.total(), a.credits(),
                    a.amountDue(), a.taxation());
            result.add(new Unrendered(new StoredInvoice(h.runId(), h.period(), "FINAL", number, h.pdfFile(), invoice,
                    DocumentKind.CREDIT_NOTE, h.credits(), h.terms(), h.issueDate()), h.creditedRunId(),
                    h.invoiceIssueDate()));
        });
        return result;
    }

    /** The lines of the run's credit notes of these customers, by "runId/customerId", in position order: one query. */
    private Map<String, List<InvoiceLine>> lines(long runId, List<String> customerIds, Map<String, Header> headers) {
        Map<String, Currency> currencies = new java.util.HashMap<>();
        headers.values().forEach(h -> currencies.put(h.runId() + "/" + h.amounts().customerId(), h.amounts().currency()));
        Map<String, List<InvoiceLine>> result = new java.util.HashMap<>();
        jdbc.query("select t.* from " + RunKeys.join("credit_note_line", "customer_id", customerIds.size())
                + " order by t.customer_id, t.position", rs -> {
                    String key = runId + "/" + rs.getString("customer_id");
                    Currency currency = currencies.get(key);
                    String condition = rs.getString("price_condition");
                    result.computeIfAbsent(key, k -> new ArrayList<>()).add(
                            InvoiceLine.of(LineKind.valueOf(rs.getString("kind")), rs.getString("description"),
                            rs.getString("subscription_id"), rs.getString("plan_id"), rs.getString("meter"),
                            rs.getString("model"), condition == null ? null : PriceCondition.valueOf(condition),
                            rs.getBigDecimal("usage_quantity"), rs.getBigDecimal("included"), rs.getBigDecimal("quantity"),
                            rs.getBigDecimal("unit_price"), money(rs, "amount", currency), List.of(),
                            rs.getString("reference"), JdbcInvoiceDao.servicePeriod(rs)));
                }, RunKeys.args(customerIds, runId));
        return result;
    }

    private record Header(long runId, String period, String pdfFile, String credits, Integer terms,
            java.time.LocalDate issueDate, Invoice amounts, long creditedRunId, java.time.LocalDate invoiceIssueDate) {
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return Money.of(value.setScale(Money.minorUnits(currency), RoundingMode.UNNECESSARY), currency);
    }
}
