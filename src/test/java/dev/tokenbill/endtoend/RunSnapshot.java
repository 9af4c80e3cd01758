package dev.tokenbill.endtoend;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * What a finished run leaves behind, in comparable form: the database's invoices, lines, tiers,
 * credit applications and sequence; charges.csv; and the text of every PDF by file name.
 */
record RunSnapshot(List<String> invoices, List<String> lines, List<String> tiers, List<String> credits,
        List<String> sequence, String charges, Map<String, String> pdfText) {

    /** What the run left in {@code database} (numbers in plain notation, so H2 and PostgreSQL compare) and in {@code periodDir}. */
    static RunSnapshot of(EndToEndDatabase.JarDatabase database, Path periodDir) throws Exception {
        try (Connection c = database.connect()) {
            return new RunSnapshot(
                    rows(c, "select customer_id, status, invoice_number, currency, subtotal, discounts, tax, total, credits,"
                            + " amount_due, pdf_file from invoice order by customer_id"),
                    rows(c, "select customer_id, position, kind, description, quantity, unit_price, amount from invoice_line"
                            + " order by customer_id, position"),
                    rows(c, "select customer_id, position, tier, units, amount from invoice_line_tier"
                            + " order by customer_id, position, tier"),
                    rows(c, "select customer_id, grant_id, amount from credit_applied order by customer_id, grant_id"),
                    rows(c, "select series, next_number from invoice_sequence order by series"),
                    Files.readString(periodDir.resolve("charges.csv")),
                    pdfText(periodDir.resolve("invoices")));
        }
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(md.getColumnType(i) == Types.NUMERIC || md.getColumnType(i) == Types.DECIMAL
                            ? plain(rs.getBigDecimal(i)) : rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private static Map<String, String> pdfText(Path dir) throws IOException {
        Map<String, String> text = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path pdf : files.toList()) {
                try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                    text.put(pdf.getFileName().toString(), new PDFTextStripper().getText(doc));
                }
            }
        }
        return text;
    }
}
