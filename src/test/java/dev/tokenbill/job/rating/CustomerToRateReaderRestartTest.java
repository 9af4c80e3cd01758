package dev.tokenbill.job.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.invoice.internal.JdbcUsageTotals;
import dev.tokenbill.testsupport.MigratedH2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a restarted rating step resumes, from the read count its last committed chunk saved. Spring
 * Batch counts the read that found the end too, so a process that died between the last chunk's
 * commit and the step's completion leaves a count one past the last customer.
 */
class CustomerToRateReaderRestartTest {

    private static final long RUN = 7;
    private JdbcTemplate jdbc;

    @BeforeEach
    void fiveCustomers() {
        jdbc = MigratedH2.create("reader");
        for (String id : List.of("c1", "c2", "c3", "c4", "c5")) {
            jdbc.update("insert into customer (run_id, customer_id, name, email, address, country, currency, tax_exempt)"
                    + " values (?, ?, ?, '', '', 'US', 'USD', false)", RUN, id, "Customer " + id);
        }
    }

    private List<String> readAfterRestartAt(int savedCount) throws Exception {
        return readAfterRestartAt(new CustomerToRateReader(new JdbcCustomerDao(jdbc), new JdbcUsageTotals(jdbc),
                new JdbcCreditDao(jdbc), new JdbcAllocationDao(jdbc), RUN, "2026-10", 2), savedCount);
    }

    private List<String> readAfterRestartAt(CustomerToRateReader reader, int savedCount) throws Exception {
        ExecutionContext saved = new ExecutionContext();
        saved.putInt(CustomerToRateReader.READ_COUNT_KEY, savedCount);
        reader.open(saved);
        List<String> read = new ArrayList<>();
        for (CustomerToRate c = reader.read(); c != null; c = reader.read()) {
            read.add(c.customer().id());
        }
        reader.close();
        return read;
    }

    @ParameterizedTest(name = "saved count {0}: reads {1}")
    @CsvSource({
            "0, c1 c2 c3 c4 c5",
            "2, c3 c4 c5",
            "5, ''",
            // the count after the last chunk: five customers plus the read that found the end
            "6, ''"})
    void testRestart_ResumesAfterTheSavedCount(int savedCount, String expected) throws Exception {
        assertThat(readAfterRestartAt(savedCount)).containsExactlyElementsOf(
                expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }

    /** A partition's reader of c2..c4 counts positions within its range. */
    @ParameterizedTest(name = "range c2..c4, saved count {0}: reads {1}")
    @CsvSource({
            "0, c2 c3 c4",
            "1, c3 c4",
            "3, ''",
            // three customers plus the read that found the end
            "4, ''"})
    void testRangeRestart_ResumesAfterTheSavedCountWithinTheRange(int savedCount, String expected) throws Exception {
        CustomerToRateReader reader = new CustomerToRateReader(new JdbcCustomerDao(jdbc), new JdbcUsageTotals(jdbc),
                new JdbcCreditDao(jdbc), new JdbcAllocationDao(jdbc), null, RUN, "2026-10", 2, "c2", "c4");
        assertThat(readAfterRestartAt(reader, savedCount)).containsExactlyElementsOf(
                expected.isEmpty() ? List.of() : List.of(expected.split(" ")));
    }
}
