package dev.tokenbill.invoice.internal;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Invoices, their lines and tier breakdowns, keyed by run and customer. */
public class JdbcInvoiceDao {

    private final JdbcTemplate jdbc;

    public JdbcInvoiceDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the draft invoices of these customers in the run: writing the same chunk twice leaves one copy. */
    public void saveDrafts(long runId, String period, List<? extends Invoice> invoices) {
        List<Object[]> keys = invoices.stream().map(i -> new Object[] {runId, i.customerId()}).toList();
        jdbc.batchUpdate("delete from invoice_line_tier where run_id = ? and customer_id = ?", keys);
        jdbc.batchUpdate("delete from invoice_line where run_id = ? and customer_id = ?", keys);
        jdbc.batchUpdate("delete from invoice where run_id = ? and customer_id = ?", keys);
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> tiers = new ArrayList<>();
        for (Invoice i : invoices) {
            rows.add(new Object[] {runId, i.customerId(), period, "DRAFT", i.currency().getCurrencyCode(),
                    i.subtotal().amount(), i.discounts().amount(), i.taxName(), i.taxRate(), i.tax().amount(), i.taxExempt(),
                    i.total().amount(), i.credits().amount(), i.amountDue().amount()});
            int position = 0;
            for (InvoiceLine l : i.lines()) {
                position++;
                lines.add(new Object[] {runId, i.customerId(), position, l.kind().name(), l.description(),
                        l.subscriptionId(), l.planId(), l.meter(), l.model(),
                        l.condition() == null ? null : l.condition().name(), l.usage(), l.included(), l.quantity(),
                        l.unitPrice(), l.amount().amount(), l.reference()});
                for (TierLine t : l.tiers()) {
                    tiers.add(new Object[] {runId, i.customerId(), position, t.tier(), t.from(), t.upTo(), t.units(),
                            t.unitPrice(), t.flatFee(), t.amount().amount()});
                }
            }
        }
        jdbc.batchUpdate("insert into invoice (run_id, customer_id, period, status, currency, subtotal, discounts, tax_name,"
                + " tax_rate, tax, tax_exempt, total, credits, amount_due) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("insert into invoice_line (run_id, customer_id, position, kind, description, subscription_id, plan_id,"
                + " meter, model, price_condition, usage_quantity, included, quantity, unit_price, amount, reference)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines);
        jdbc.batchUpdate("insert into invoice_line_tier (run_id, customer_id, position, tier, from_units, up_to, units,"
                + " unit_price, flat_fee, amount) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tiers);
    }

    public List<String> customersWithInvoices(long runId) {
        return jdbc.queryForList("select customer_id from invoice where run_id = ? order by customer_id", String.class, runId);
    }

    /** The run's invoices that have no PDF yet (all of them on a first run; the rest after a crash). */
    public List<StoredInvoice> unrendered(long runId) {
        List<StoredInvoice> result = new ArrayList<>();
        for (String customerId : jdbc.queryForList("select customer_id from invoice where run_id = ? and pdf_file is null"
                + " order by customer_id", String.class, runId)) {
            result.add(invoice(runId, customerId));
        }
        return result;
    }

    /** The void invoices of earlier final runs of the period (kept, with their PDFs, after a correction run). */
    public List<StoredInvoice> voided(String period) {
        List<StoredInvoice> result = new ArrayList<>();
        jdbc.query("select run_id, customer_id from invoice where period = ? and status = 'VOID' order by invoice_number",
                rs -> {
                    result.add(invoice(rs.getLong(1), rs.getString(2)));
                }, period);
        return result;
    }

    public List<StoredInvoice> invoices(long runId) {
        List<StoredInvoice> result = new ArrayList<>();
        for (String customerId : customersWithInvoices(runId)) {
            result.add(invoice(runId, customerId));
        }
        return result;
    }

    public StoredInvoice invoice(long runId, String customerId) {
        Map<Integer, List<TierLine>> tiers = new LinkedHashMap<>();
        Currency currency = Currency.getInstance(jdbc.queryForObject(
                "select currency from invoice where run_id = ? and customer_id = ?", String.class, runId, customerId));
        jdbc.query("select * from invoice_line_tier where run_id = ? and customer_id = ? order by position, tier", rs -> {
            tiers.computeIfAbsent(rs.getInt("position"), p -> new ArrayList<>()).add(new TierLine(rs.getInt("tier"),
                    rs.getBigDecimal("from_units"), rs.getBigDecimal("up_to"), rs.getBigDecimal("units"),
                    rs.getBigDecimal("unit_price"), rs.getBigDecimal("flat_fee"), money(rs, "amount", currency)));
        }, runId, customerId);
        List<InvoiceLine> lines = jdbc.query("select * from invoice_line where run_id = ? and customer_id = ? order by position",
                (rs, n) -> {
                    String condition = rs.getString("price_condition");
                    return new InvoiceLine(LineKind.valueOf(rs.getString("kind")), rs.getString("description"),
                            rs.getString("subscription_id"), rs.getString("plan_id"), rs.getString("meter"),
                            rs.getString("model"), condition == null ? null : PriceCondition.valueOf(condition),
                            rs.getBigDecimal("usage_quantity"), rs.getBigDecimal("included"), rs.getBigDecimal("quantity"),
                            rs.getBigDecimal("unit_price"), money(rs, "amount", currency),
                            tiers.getOrDefault(rs.getInt("position"), List.of()), rs.getString("reference"));
                }, runId, customerId);
        return jdbc.queryForObject("select * from invoice where run_id = ? and customer_id = ?", (rs, n) -> {
            Invoice invoice = new Invoice(customerId, currency, lines, money(rs, "subtotal", currency),
                    money(rs, "discounts", currency), rs.getString("tax_name"), rs.getBigDecimal("tax_rate"),
                    money(rs, "tax", currency), rs.getBoolean("tax_exempt"), money(rs, "total", currency),
                    money(rs, "credits", currency), money(rs, "amount_due", currency));
            return new StoredInvoice(runId, rs.getString("period"), rs.getString("status"), rs.getString("invoice_number"),
                    rs.getString("pdf_file"), invoice);
        }, runId, customerId);
    }

    public void setPdfFile(long runId, String customerId, String fileName) {
        jdbc.update("update invoice set pdf_file = ? where run_id = ? and customer_id = ?", fileName, runId, customerId);
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return Money.of(value.setScale(Money.minorUnits(currency), java.math.RoundingMode.UNNECESSARY), currency);
    }
}
