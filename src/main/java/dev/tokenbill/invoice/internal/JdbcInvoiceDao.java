package dev.tokenbill.invoice.internal;

import static dev.tokenbill.database.BulkInsert.column;

import com.google.common.hash.Hashing;
import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.database.BulkInsert;
import dev.tokenbill.database.RunKeys;
import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.InvoiceTax;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.invoice.TaxCategory;
import dev.tokenbill.invoice.ServicePeriod;
import dev.tokenbill.period.BillingPeriod;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.money.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.springframework.jdbc.core.JdbcTemplate;

/** Invoices, their lines and tier breakdowns, keyed by run and customer. */
public class JdbcInvoiceDao {

    private static final BulkInsert INVOICE_ROWS = BulkInsert.into("invoice", column("run_id", Types.BIGINT),
            column("customer_id", Types.VARCHAR), column("period", Types.VARCHAR), column("status", Types.VARCHAR),
            column("currency", Types.VARCHAR), column("subtotal", Types.NUMERIC), column("discounts", Types.NUMERIC),
            column("tax_name", Types.VARCHAR), column("tax_rate", Types.NUMERIC), column("tax", Types.NUMERIC),
            column("tax_exempt", Types.BOOLEAN), column("total", Types.NUMERIC), column("credits", Types.NUMERIC),
            column("amount_due", Types.NUMERIC), column("tax_category", Types.VARCHAR), column("tax_country", Types.VARCHAR),
            column("tax_notice", Types.VARCHAR), column("customer_tax_id", Types.VARCHAR));
    private static final BulkInsert LINE_ROWS = BulkInsert.into("invoice_line", column("run_id", Types.BIGINT),
            column("customer_id", Types.VARCHAR), column("position", Types.INTEGER), column("kind", Types.VARCHAR),
            column("description", Types.VARCHAR), column("subscription_id", Types.VARCHAR), column("plan_id", Types.VARCHAR),
            column("meter", Types.VARCHAR), column("model", Types.VARCHAR), column("price_condition", Types.VARCHAR),
            column("usage_quantity", Types.NUMERIC), column("included", Types.NUMERIC), column("quantity", Types.NUMERIC),
            column("unit_price", Types.NUMERIC), column("amount", Types.NUMERIC), column("reference", Types.VARCHAR),
            column("period_start", Types.DATE), column("period_end", Types.DATE));
    private static final BulkInsert TIER_ROWS = BulkInsert.into("invoice_line_tier", column("run_id", Types.BIGINT),
            column("customer_id", Types.VARCHAR), column("position", Types.INTEGER), column("tier", Types.INTEGER),
            column("from_units", Types.NUMERIC), column("up_to", Types.NUMERIC), column("units", Types.NUMERIC),
            column("unit_price", Types.NUMERIC), column("flat_fee", Types.NUMERIC), column("amount", Types.NUMERIC));

    private final JdbcTemplate jdbc;

    public JdbcInvoiceDao(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces the run's draft invoices of the customers from the first to the last of
     * {@code invoices}, which are a contiguous run of customers in the database's customer-id order
     * (a chunk of the rating step): writing the same chunk twice leaves one copy. Six
     * statements whatever the number of invoices: a range delete per table, then one {@link BulkInsert} per table
     * (COPY on PostgreSQL, a JDBC batch on H2).
     */
    public void saveDrafts(long runId, String period, List<? extends Invoice> invoices) {
        if (invoices.isEmpty()) {
            return;
        }
        String first = invoices.get(0).customerId();
        String last = invoices.get(invoices.size() - 1).customerId();
        for (String table : List.of("invoice_line_tier", "invoice_line", "invoice")) {
            jdbc.update("delete from " + table + " where run_id = ? and customer_id between ? and ?", runId, first, last);
        }
        List<NumberedLine> lines = new ArrayList<>();
        List<NumberedTier> tiers = new ArrayList<>();
        for (Invoice i : invoices) {
            int position = 0;
            for (InvoiceLine l : i.lines()) {
                position++;
                lines.add(new NumberedLine(i.customerId(), position, l));
                for (TierLine t : l.tiers()) {
                    tiers.add(new NumberedTier(i.customerId(), position, t));
                }
            }
        }
        List<Object[]> invoiceRows = new ArrayList<>(invoices.size());
        for (Invoice i : invoices) {
            invoiceRows.add(new Object[] {runId, i.customerId(), period, "DRAFT", i.currency().getCurrencyCode(),
                i.subtotal().amount(), i.discounts().amount(), i.taxName(), i.taxRate(), i.tax().amount(), i.taxExempt(),
                i.total().amount(), i.credits().amount(), i.amountDue().amount(), i.taxation().category().name(),
                i.taxation().country(), i.taxation().notice(), i.taxation().customerTaxId()});
        }
        INVOICE_ROWS.insert(jdbc, invoiceRows);
        List<Object[]> lineRows = new ArrayList<>(lines.size());
        for (NumberedLine n : lines) {
            InvoiceLine l = n.line();
            lineRows.add(new Object[] {runId, n.customerId(), n.position(), l.kind().name(), l.description(),
                l.subscriptionId(), l.planId(), l.meter(), l.model(), l.condition() == null ? null : l.condition().name(),
                l.usage(), l.included(), l.quantity(), l.unitPrice(), l.amount().amount(), l.reference(),
                l.servicePeriod() == null ? null : l.servicePeriod().start(),
                l.servicePeriod() == null ? null : l.servicePeriod().end()});
        }
        LINE_ROWS.insert(jdbc, lineRows);
        List<Object[]> tierRows = new ArrayList<>(tiers.size());
        for (NumberedTier n : tiers) {
            TierLine t = n.tier();
            tierRows.add(new Object[] {runId, n.customerId(), n.position(), t.tier(), t.from(), t.upTo(), t.units(),
                t.unitPrice(), t.flatFee(), t.amount().amount()});
        }
        TIER_ROWS.insert(jdbc, tierRows);
    }

    private record NumberedLine(String customerId, int position, InvoiceLine line) {
    }

    private record NumberedTier(String customerId, int position, TierLine tier) {
    }

    /** The service period stored in a line row's period_start and period_end, or null. */
    static ServicePeriod servicePeriod(ResultSet rs) throws SQLException {
        java.sql.Date start = rs.getDate("period_start");
        java.sql.Date end = rs.getDate("period_end");
        return start == null || end == null ? null : new ServicePeriod(start.toLocalDate(), end.toLocalDate());
    }

    public static final String INVOICES_AFTER = "select customer_id from invoice where run_id = ? and customer_id > ?"
            + " order by run_id, customer_id";

    /**
     * Up to {@code size} invoices of the run whose customer id comes after {@code after} ("" for the first page), in
     * customer id order: four queries a page, so a caller can go through every invoice in bounded memory. (Ordered by
     * the whole primary key: ordered by customer_id alone, H2 sorted every later invoice of the run for each page.)
     */
    public List<StoredInvoice> invoicesAfter(long runId, String after, int size) {
        return invoices(runId, jdbc.queryForList(INVOICES_AFTER + " fetch first " + size + " rows only", String.class,
                runId, after));
    }

    /**
     * Up to {@code size} void invoices of earlier final runs of the period (kept, with their PDFs, after a correction
     * run) whose number comes after {@code after} ("" for the first page), in invoice number order.
     */
    public List<StoredInvoice> voidedAfter(String period, String after, int size) {
        List<Map<String, Object>> page = jdbc.queryForList("select run_id, customer_id, invoice_number from invoice"
                + " where period = ? and status = 'VOID' and invoice_number > ? order by invoice_number"
                + " fetch first " + size + " rows only", period, after);
        Map<Long, List<String>> byRun = new LinkedHashMap<>();
        page.forEach(r -> byRun.computeIfAbsent(((Number) r.get("run_id")).longValue(), k -> new ArrayList<>())
                .add((String) r.get("customer_id")));
        Map<String, StoredInvoice> byNumber = new HashMap<>();
        byRun.forEach((runId, customerIds) -> invoices(runId, customerIds).forEach(i -> byNumber.put(i.number(), i)));
        return page.stream().map(r -> byNumber.get((String) r.get("invoice_number"))).toList();
    }

    /**
     * The invoices of these customers in the run, in {@code customerIds} order (a customer without an invoice is left
     * out): three queries whatever the number of customers.
     */
    public List<StoredInvoice> invoices(long runId, List<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        String keys = RunKeys.join("%s", "customer_id", customerIds.size());
        Object[] args = RunKeys.args(customerIds, runId);
        Map<String, Header> headers = new HashMap<>();
        // the customer's own payment terms come along: the ledger prints each invoice's due date
        jdbc.query("select t.*, (select c.payment_terms_days from customer c where c.run_id = t.run_id"
                + " and c.customer_id = t.customer_id) as terms from " + keys.formatted("invoice"), rs -> {
            Currency currency = Currency.getInstance(rs.getString("currency"));
            headers.put(rs.getString("customer_id"), new Header(rs.getString("period"), rs.getString("status"),
                    rs.getString("invoice_number"), rs.getString("pdf_file"), currency, money(rs, "subtotal", currency),
                    money(rs, "discounts", currency), rs.getString("tax_name"), rs.getBigDecimal("tax_rate"),
                    money(rs, "tax", currency), rs.getBoolean("tax_exempt"), money(rs, "total", currency),
                    money(rs, "credits", currency), money(rs, "amount_due", currency),
                    new InvoiceTax(TaxCategory.valueOf(rs.getString("tax_category")), rs.getString("tax_country"),
                            rs.getString("tax_notice"), rs.getString("customer_tax_id")), rs.getString("corrects"),
                    (Integer) rs.getObject("terms", Integer.class)));
        }, args);
        // no ORDER BY: with one, H2 walks the whole run's primary key in order instead of looking each id up
        // (quadratic over a run's chunks); the rows are put in order here instead
        Map<String, Map<Integer, java.util.TreeMap<Integer, TierLine>>> tiers = new HashMap<>();
        jdbc.query("select t.* from " + keys.formatted("invoice_line_tier"),
                rs -> {
            String customerId = rs.getString("customer_id");
            Currency currency = headers.get(customerId).currency();
            tiers.computeIfAbsent(customerId, c -> new HashMap<>())
                    .computeIfAbsent(rs.getInt("position"), p -> new java.util.TreeMap<>()).put(rs.getInt("tier"),
                            new TierLine(rs.getInt("tier"),
                            rs.getBigDecimal("from_units"), rs.getBigDecimal("up_to"), rs.getBigDecimal("units"),
                            rs.getBigDecimal("unit_price"), rs.getBigDecimal("flat_fee"), money(rs, "amount", currency)));
        }, args);
        Map<String, java.util.TreeMap<Integer, InvoiceLine>> lines = new HashMap<>();
        jdbc.query("select t.* from " + keys.formatted("invoice_line"), rs -> {
            String customerId = rs.getString("customer_id");
            Currency currency = headers.get(customerId).currency();
            String condition = rs.getString("price_condition");
            lines.computeIfAbsent(customerId, c -> new java.util.TreeMap<>()).put(rs.getInt("position"), InvoiceLine.of(LineKind.valueOf(rs.getString("kind")),
                    rs.getString("description"), rs.getString("subscription_id"), rs.getString("plan_id"),
                    rs.getString("meter"), rs.getString("model"),
                    condition == null ? null : PriceCondition.valueOf(condition), rs.getBigDecimal("usage_quantity"),
                    rs.getBigDecimal("included"), rs.getBigDecimal("quantity"), rs.getBigDecimal("unit_price"),
                    money(rs, "amount", currency),
                    List.copyOf(tiers.getOrDefault(customerId, Map.of())
                            .getOrDefault(rs.getInt("position"), new java.util.TreeMap<>()).values()),
                    rs.getString("reference"), servicePeriod(rs)));
        }, args);
        List<StoredInvoice> result = new ArrayList<>(customerIds.size());
        for (String customerId : customerIds) {
            Header h = headers.get(customerId);
            if (h != null) {
                Invoice invoice = new Invoice(customerId, h.currency(),
                        List.copyOf(lines.getOrDefault(customerId, new java.util.TreeMap<>()).values()),
                        h.subtotal(), h.discounts(), h.taxName(), h.taxRate(), h.tax(), h.taxExempt(), h.total(),
                        h.credits(), h.amountDue(), h.taxation());
                result.add(new StoredInvoice(runId, h.period(), h.status(), h.number(), h.pdfFile(), invoice,
                        DocumentKind.INVOICE, h.corrects(), h.terms(), BillingPeriod.parse(h.period()).end()));
            }
        }
        return result;
    }

    /** Records the PDF file of each customer's invoice (customer id to file name), in one batch. */
    public void setPdfFiles(long runId, Map<String, String> fileNames) {
        List<Object[]> rows = new ArrayList<>(fileNames.size());
        fileNames.forEach((customerId, fileName) -> rows.add(new Object[] {fileName, runId, customerId}));
        jdbc.batchUpdate("update invoice set pdf_file = ? where run_id = ? and customer_id = ?", rows);
    }

    /**
     * The 64-bit hashes (murmur3) of the PDF file names of the run's invoices, sorted: 8 bytes an invoice, read in one
     * streaming query. Looking names up one page at a time instead made H2 read the whole run per page.
     */
    public long[] pdfFileHashes(long runId) {
        LongStream.Builder hashes = LongStream.builder();
        jdbc.query("select pdf_file from invoice where run_id = ? and pdf_file is not null", rs -> {
            hashes.add(fileNameHash(rs.getString(1)));
        }, runId);
        return hashes.build().sorted().toArray();
    }

    /** The hash {@link #pdfFileHashes} uses. */
    public static long fileNameHash(String fileName) {
        return Hashing.murmur3_128().hashString(fileName, StandardCharsets.UTF_8).asLong();
    }

    /** One row of the invoice table. */
    private record Header(String period, String status, String number, String pdfFile, Currency currency, Money subtotal,
            Money discounts, String taxName, BigDecimal taxRate, Money tax, boolean taxExempt, Money total, Money credits,
            Money amountDue, InvoiceTax taxation, String corrects, Integer terms) {
    }

    private static Money money(ResultSet rs, String column, Currency currency) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return Money.of(value.setScale(Money.minorUnits(currency), java.math.RoundingMode.UNNECESSARY), currency);
    }
}
