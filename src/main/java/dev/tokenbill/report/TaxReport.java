package dev.tokenbill.report;

import dev.tokenbill.csv.CsvSink;
import dev.tokenbill.invoice.TaxCategory;
import dev.tokenbill.money.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * tax-report.csv: the run's taxable amounts and tax per country, category, rate and currency, what an OSS or VAT return
 * needs. Only the run's own documents count: a final run's issued invoices (an earlier run's VOID invoices are not
 * this run's), a draft run's drafts, labelled DRAFT in the {@code status} column so a preview is never filed.
 */
public final class TaxReport {

    public static final List<String> HEADER = List.of("period", "status", "country", "category", "category_code",
            "rate", "currency", "taxable_amount", "tax", "documents");

    /** One line of the report; {@code country} is empty for invoices rated before countries were recorded. */
    public record Row(String status, String country, TaxCategory category, BigDecimal rate, Money taxable, Money tax,
            long documents) {
    }

    private TaxReport() {
    }

    /** The status of a credit note's rows: their amounts are the credited invoices', negated. */
    public static final String CREDIT_NOTE = "CREDIT_NOTE";

    /**
     * The run's non-void invoices and (a correction run) its credit notes added up by status, country, category, rate
     * and currency, in that order.
     */
    public static List<Row> rows(JdbcTemplate jdbc, long runId) {
        List<Row> rows = new ArrayList<>(jdbc.query("select status, tax_country, tax_category, tax_rate, currency,"
                + " sum(subtotal - discounts) as taxable, sum(tax) as tax, count(*) as documents from invoice"
                + " where run_id = ? and status <> 'VOID'"
                + " group by status, tax_country, tax_category, tax_rate, currency", (rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    String country = rs.getString("tax_country");
                    return new Row(rs.getString("status"), country == null ? "" : country,
                            TaxCategory.valueOf(rs.getString("tax_category")), rs.getBigDecimal("tax_rate"),
                            money(rs.getBigDecimal("taxable"), currency), money(rs.getBigDecimal("tax"), currency),
                            rs.getLong("documents"));
                }, runId));
        // a correction run's credit notes reverse the tax of the invoices they credit: their own rows, negative
        rows.addAll(jdbc.query("select tax_country, tax_category, tax_rate, currency, sum(subtotal - discounts) as taxable,"
                + " sum(tax) as tax, count(*) as documents from credit_note where run_id = ?"
                + " group by tax_country, tax_category, tax_rate, currency", (rs, n) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    String country = rs.getString("tax_country");
                    return new Row(CREDIT_NOTE, country == null ? "" : country,
                            TaxCategory.valueOf(rs.getString("tax_category")), rs.getBigDecimal("tax_rate"),
                            money(rs.getBigDecimal("taxable"), currency), money(rs.getBigDecimal("tax"), currency),
                            rs.getLong("documents"));
                }, runId));
        // sorted here: NULL and collation order differ between H2 and PostgreSQL
        rows.sort(Comparator.comparing(Row::status).thenComparing(Row::country).thenComparing(Row::category)
                .thenComparing(Row::rate).thenComparing(r -> r.taxable().currency().getCurrencyCode()));
        return rows;
    }

    /** Writes {@code rows} of {@code period} to {@code file}, atomically; rates as fractions (0.23 for 23 %). */
    public static void write(Path file, String period, List<Row> rows) throws IOException {
        try (CsvSink csv = new CsvSink(file, HEADER.toArray(String[]::new))) {
            for (Row r : rows) {
                String rate = r.rate().signum() == 0 ? "0" : r.rate().stripTrailingZeros().toPlainString();
                csv.row(period, r.status(), r.country(), r.category().name(), r.category().code(), rate,
                        r.taxable().currency().getCurrencyCode(), r.taxable().amount().toPlainString(),
                        r.tax().amount().toPlainString(), r.documents());
            }
            csv.commit();
        }
    }

    private static Money money(BigDecimal stored, Currency currency) {
        // stored with 4 decimals; sums of amounts already rounded to the currency's minor unit lose nothing here
        return Money.of(stored.setScale(Money.minorUnits(currency), RoundingMode.UNNECESSARY), currency);
    }
}
