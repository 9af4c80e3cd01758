package dev.tokenbill.invoice.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer ids of the run's invoices without a PDF, in customer-id order, a keyset page at a
 * time. It keeps no restart state: the query itself resumes, since a committed render chunk has
 * set the pdf_file of its invoices.
 *
 * <p>Not Spring Batch's JdbcPagingItemReader: its next-page condition for a two-column sort key,
 * {@code (run_id > ?) or (run_id = ? and customer_id > ?)}, makes H2 scan the run from its first
 * invoice on every page, and sorting by customer_id alone makes H2 sort every remaining invoice per
 * page; both are quadratic (1.4 s a page at 900,000 invoices). Ordered by the whole primary key
 * and bounded by {@code customer_id > ?}, H2 reads just the page from the index.
 *
 * <p>A reader given a range (a partition of the rendering step) reads only the invoices of the customers from its
 * first to its last id, both included.
 */
public class UnrenderedInvoiceReader implements ItemReader<String> {

    static final String FIRST_PAGE = "select customer_id from invoice where run_id = ? and pdf_file is null"
            + " order by run_id, customer_id fetch first ? rows only";
    static final String NEXT_PAGE = "select customer_id from invoice where run_id = ? and customer_id > ?"
            + " and pdf_file is null order by run_id, customer_id fetch first ? rows only";

    static final String FIRST_PAGE_OF_RANGE = "select customer_id from invoice where run_id = ? and customer_id >= ?"
            + " and customer_id <= ? and pdf_file is null order by run_id, customer_id fetch first ? rows only";
    static final String NEXT_PAGE_OF_RANGE = "select customer_id from invoice where run_id = ? and customer_id > ?"
            + " and customer_id <= ? and pdf_file is null order by run_id, customer_id fetch first ? rows only";

    private final JdbcTemplate jdbc;
    private final long runId;
    private final int pageSize;
    private final String firstId;
    private final String lastId;
    private String last;
    private boolean lastPage;
    private Iterator<String> page = Collections.emptyIterator();

    public UnrenderedInvoiceReader(JdbcTemplate jdbc, long runId, int pageSize) {
        this(jdbc, runId, pageSize, null, null);
    }

    /** The unrendered invoices of the customers from {@code firstId} to {@code lastId} (both null: all of them). */
    public UnrenderedInvoiceReader(JdbcTemplate jdbc, long runId, int pageSize, String firstId, String lastId) {
        if ((firstId == null) != (lastId == null)) {
            throw new IllegalArgumentException("a range needs both ends, got " + firstId + " to " + lastId);
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, got " + pageSize);
        }
        this.jdbc = jdbc;
        this.runId = runId;
        this.pageSize = pageSize;
        this.firstId = firstId;
        this.lastId = lastId;
    }

    @Override
    public String read() {
        if (!page.hasNext()) {
            if (lastPage) {
                return null;
            }
            List<String> ids = nextPage();
            lastPage = ids.size() < pageSize;
            if (ids.isEmpty()) {
                return null;
            }
            last = ids.get(ids.size() - 1);
            page = ids.iterator();
        }
        return page.next();
    }

    private List<String> nextPage() {
        if (firstId == null) {
            return last == null ? jdbc.queryForList(FIRST_PAGE, String.class, runId, pageSize)
                    : jdbc.queryForList(NEXT_PAGE, String.class, runId, last, pageSize);
        }
        return last == null ? jdbc.queryForList(FIRST_PAGE_OF_RANGE, String.class, runId, firstId, lastId, pageSize)
                : jdbc.queryForList(NEXT_PAGE_OF_RANGE, String.class, runId, last, lastId, pageSize);
    }
}
