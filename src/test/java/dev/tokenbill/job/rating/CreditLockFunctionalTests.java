package dev.tokenbill.job.rating;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.credit.internal.CreditFiles;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.database.BatchSchemaMigration;
import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.money.Money;
import dev.tokenbill.testsupport.EmbeddedPostgresServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepaid credit is never spent twice when two final runs of different periods write at once on PostgreSQL: the
 * second waits for the grant's lock and applies what the first left. Both commit orders.
 *
 * <p>The grant: 80.00 USD. Each period's invoice: total 50.00 USD. The first writer applies min(80.00, 50.00) =
 * 50.00 (amount due 0.00); the second min(80.00 - 50.00, 50.00) = 30.00 (amount due 50.00 - 30.00 = 20.00).
 * Applied in all: 80.00, the grant's amount. Without the lock the second writer reads the balance before the first
 * commits (READ COMMITTED), applies 50.00 too, and 100.00 is spent.
 */
class CreditLockFunctionalTests {

    private static final Currency USD = Currency.getInstance("USD");
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;

    @BeforeEach
    void migratedPostgres() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(EmbeddedPostgresServer.createDatabase());
        ds.setUser(EmbeddedPostgresServer.USER);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").javaMigrations(new BatchSchemaMigration())
                .load().migrate();
        jdbc = new JdbcTemplate(ds);
        tx = new TransactionTemplate(new JdbcTransactionManager(ds));
        JdbcCreditDao credits = new JdbcCreditDao(jdbc);
        var grant = new CreditFiles.Grant("G-80", "acme", LocalDate.parse("2026-09-01"), Money.of("80.00", USD), null);
        for (long run : new long[] {1, 2}) {
            tx.executeWithoutResult(s -> credits.replaceGrants(run, List.of(grant)));
        }
    }

    @Test
    void testOctoberCommitsFirst_NovemberAppliesTheRest() throws Exception {
        interleave(1, "2026-10", 2, "2026-11");
        assertApplied("2026-10", "50.00", "0.00");
        assertApplied("2026-11", "30.00", "20.00");
        assertThat(totalApplied()).isEqualByComparingTo("80.00");
    }

    @Test
    void testNovemberCommitsFirst_OctoberAppliesTheRest() throws Exception {
        interleave(2, "2026-11", 1, "2026-10");
        assertApplied("2026-11", "50.00", "0.00");
        assertApplied("2026-10", "30.00", "20.00");
        assertThat(totalApplied()).isEqualByComparingTo("80.00");
    }

    /** The first run writes its chunk and holds its transaction open while the second starts writing; then commits. */
    private void interleave(long firstRun, String firstPeriod, long secondRun, String secondPeriod) throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            writer(firstRun, firstPeriod).write(chunk());
            firstWritten.countDown();
            await(commitFirst);
        }));
        assertThat(firstWritten.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(
                s -> writer(secondRun, secondPeriod).write(chunk())));
        Thread.sleep(500);
        assertThat(second).as("the second run waits for the grant's lock").isNotDone();
        commitFirst.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
    }

    private JdbcInvoiceWriter writer(long runId, String period) {
        return new JdbcInvoiceWriter(new JdbcInvoiceDao(jdbc), new JdbcCreditDao(jdbc), jdbc, runId, period, true);
    }

    /** acme's invoice: 50.00 of charges, no tax, no credit yet (the writer applies it). */
    private static Chunk<RatedCustomer> chunk() {
        Money fifty = Money.of("50.00", USD);
        Money zero = Money.zero(USD);
        Invoice invoice = new Invoice("acme", USD, List.of(), fifty, zero, "Tax", BigDecimal.ZERO, zero, false, fifty, zero,
                fifty);
        return new Chunk<>(List.of(new RatedCustomer(invoice, List.of())));
    }

    private void assertApplied(String period, String credits, String due) {
        var row = jdbc.queryForMap("select credits, amount_due from invoice where period = ?", period);
        assertThat((BigDecimal) row.get("credits")).isEqualByComparingTo(credits);
        assertThat((BigDecimal) row.get("amount_due")).isEqualByComparingTo(due);
        assertThat(jdbc.queryForObject("select amount from credit_applied where period = ? and binding", BigDecimal.class,
                period)).isEqualByComparingTo(credits);
    }

    private BigDecimal totalApplied() {
        return jdbc.queryForObject("select sum(amount) from credit_applied where grant_id = 'G-80'", BigDecimal.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
