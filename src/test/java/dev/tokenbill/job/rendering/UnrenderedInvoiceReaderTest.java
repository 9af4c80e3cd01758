package dev.tokenbill.job.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import java.util.ArrayList;
import java.util.List;
import dev.tokenbill.testsupport.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class UnrenderedInvoiceReaderTest {

    private static final long RUN = 3;
    private JdbcTemplate jdbc;

    @BeforeEach
    void invoices() {
        jdbc = MigratedH2.create("render");
        // c1..c7 in run 3 (c2 and c5 already rendered), and c0 / c9 of another run
        for (String id : List.of("c4", "c1", "c7", "c2", "c6", "c3", "c5")) {
            insert(RUN, id, id.equals("c2") || id.equals("c5") ? "DRAFT-" + id + ".pdf" : null);
        }
        insert(RUN + 1, "c0", null);
        insert(RUN + 1, "c9", null);
    }

    private void insert(long run, String customerId, String pdfFile) {
        jdbc.update("insert into invoice (run_id, customer_id, period, status, currency, subtotal, discounts, tax_name,"
                + " tax_rate, tax, tax_exempt, total, credits, amount_due, pdf_file)"
                + " values (?, ?, '2026-10', 'DRAFT', 'USD', 0, 0, 'VAT', 0, 0, false, 0, 0, 0, ?)", run, customerId, pdfFile);
    }

    private List<String> readAll(int pageSize) {
        UnrenderedInvoiceReader reader = new UnrenderedInvoiceReader(jdbc, RUN, pageSize);
        List<String> read = new ArrayList<>();
        for (String id = reader.read(); id != null; id = reader.read()) {
            read.add(id);
        }
        return read;
    }

    @Test
    void testPages_ReadTheRunsUnrenderedInvoicesInCustomerIdOrder() {
        List<String> expected = List.of("c1", "c3", "c4", "c6", "c7");
        assertThat(readAll(1)).containsExactlyElementsOf(expected);
        assertThat(readAll(2)).containsExactlyElementsOf(expected);
        assertThat(readAll(5)).containsExactlyElementsOf(expected);
        assertThat(readAll(100)).containsExactlyElementsOf(expected);
    }

    @Test
    void testRange_ReadsOnlyTheUnrenderedInvoicesFromItsFirstToItsLastCustomer() {
        // c2..c6 holds c2 (rendered) c3 c4 c5 (rendered) c6
        for (int pageSize : new int[] {1, 2, 100}) {
            UnrenderedInvoiceReader reader = new UnrenderedInvoiceReader(jdbc, RUN, pageSize, "c2", "c6");
            List<String> read = new ArrayList<>();
            for (String id = reader.read(); id != null; id = reader.read()) {
                read.add(id);
            }
            assertThat(read).as("page size " + pageSize).containsExactly("c3", "c4", "c6");
        }
    }

    @Test
    void testPagingQueries_ReadThePageFromThePrimaryKeyWithoutSorting() {
        // a page must cost its own rows, not the run's: H2 says "index sorted" when it needs no sort
        for (String sql : List.of(UnrenderedInvoiceReader.FIRST_PAGE, UnrenderedInvoiceReader.NEXT_PAGE,
                UnrenderedInvoiceReader.FIRST_PAGE_OF_RANGE, UnrenderedInvoiceReader.NEXT_PAGE_OF_RANGE,
                JdbcInvoiceDao.INVOICES_AFTER + " fetch first 2 rows only")) {
            String plan = jdbc.queryForObject("explain " + sql.replace("?", "1"), String.class);
            assertThat(plan).as(sql).contains("index sorted").containsIgnoringCase("PRIMARY_KEY");
        }
    }
}
