package dev.tokenbill.job;

import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.database.BatchSchemaMigration;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.report.pdf.SummaryPdfRenderer;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** Infrastructure of the billing job: the JDBC transaction manager, DAOs, the schema migration and the PDF renderers. */
@Configuration
public class BillingInfrastructure {

    @Bean
    public JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    public BatchSchemaMigration batchSchemaMigration() {
        return new BatchSchemaMigration();
    }

    @Bean
    public JdbcCustomerDao jdbcCustomerDao(JdbcTemplate jdbc) {
        return new JdbcCustomerDao(jdbc);
    }

    @Bean
    public JdbcCreditDao jdbcCreditDao(JdbcTemplate jdbc) {
        return new JdbcCreditDao(jdbc);
    }

    @Bean
    public JdbcAllocationDao jdbcAllocationDao(JdbcTemplate jdbc) {
        return new JdbcAllocationDao(jdbc);
    }

    @Bean
    public JdbcInvoiceDao jdbcInvoiceDao(JdbcTemplate jdbc) {
        return new JdbcInvoiceDao(jdbc);
    }

    /**
     * Compiled once per JVM (one run), on a thread of its own started on first use (the job asks for it when rating
     * starts if rating leaves a core free, so the compile overlaps rating; else rendering's first use):
     * {@code tokenbill.template}, by default templates/invoice.jrxml in the working directory, else the copy inside
     * the jar.
     */
    @Bean
    @Lazy
    public InvoicePdfRenderer invoicePdfRenderer(@Value("${tokenbill.template:templates/invoice.jrxml}") String template)
            throws java.io.IOException {
        Path path = Path.of(template);
        if (!java.nio.file.Files.exists(path)) {
            path = java.nio.file.Files.createTempFile("tokenbill-invoice", ".jrxml");
            path.toFile().deleteOnExit();
            try (var in = new org.springframework.core.io.ClassPathResource("templates/invoice.jrxml").getInputStream()) {
                java.nio.file.Files.copy(in, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return InvoicePdfRenderer.compileInBackground(path);
    }

    /**
     * Compiled once per JVM (one run), when the reports step first asks for it:
     * {@code tokenbill.summary-template}, by default templates/summary.jrxml in the working directory, else the copy
     * inside the jar.
     */
    @Bean
    @Lazy
    public SummaryPdfRenderer summaryPdfRenderer(
            @Value("${tokenbill.summary-template:templates/summary.jrxml}") String template) {
        return SummaryPdfRenderer.compile(Path.of(template));
    }
}
