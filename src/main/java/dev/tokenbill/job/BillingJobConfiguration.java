package dev.tokenbill.job;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.customer.internal.JdbcCustomerDao;
import dev.tokenbill.allocation.internal.JdbcAllocationDao;
import dev.tokenbill.credit.internal.JdbcCreditDao;
import dev.tokenbill.job.allocation.AllocateCostsTasklet;
import dev.tokenbill.job.inputs.LoadCustomersTasklet;
import dev.tokenbill.job.inputs.RunInputs;
import dev.tokenbill.job.inputs.ValidateInputsTasklet;
import dev.tokenbill.job.numbering.NumberInvoicesTasklet;
import dev.tokenbill.job.rating.CustomerToRate;
import dev.tokenbill.job.rating.CustomerToRateReader;
import dev.tokenbill.job.rating.RatedCustomer;
import dev.tokenbill.job.numbering.CreditNoteIssuer;
import dev.tokenbill.invoice.internal.JdbcCreditNoteDao;
import dev.tokenbill.job.numbering.InvoiceNumbering;
import dev.tokenbill.invoice.internal.JdbcInvoiceDao;
import dev.tokenbill.invoice.internal.JdbcPrepaidFees;
import dev.tokenbill.job.rating.JdbcInvoiceWriter;
import dev.tokenbill.invoice.internal.JdbcUsageTotals;
import dev.tokenbill.job.rating.RateCustomerProcessor;
import dev.tokenbill.job.rendering.RenderCreditNotesTasklet;
import dev.tokenbill.job.rendering.RenderInvoicesWriter;
import dev.tokenbill.job.rendering.UnrenderedInvoiceReader;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.job.partition.CustomerRanges;
import dev.tokenbill.job.partition.LocalPartitions;
import dev.tokenbill.job.partition.PartitionLog;
import dev.tokenbill.job.usage.UsageSteps;
import dev.tokenbill.job.partition.Partitions;
import dev.tokenbill.job.reports.WriteReportsTasklet;
import dev.tokenbill.job.run.AbandonedOnStop;
import dev.tokenbill.job.run.BillingProperties;
import dev.tokenbill.job.run.RunContext;
import dev.tokenbill.job.run.RunParameters;
import dev.tokenbill.job.run.StepProgress;
import dev.tokenbill.job.run.StopAtChunkBoundary;
import dev.tokenbill.job.run.StopRequest;
import dev.tokenbill.job.partition.PartitionsLeft;
import dev.tokenbill.metrics.RunMetricsListener;
import dev.tokenbill.period.RunMode;
import dev.tokenbill.report.JdbcReportQueries;
import dev.tokenbill.report.pdf.SummaryPdfRenderer;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The billing job: nine steps, each restartable. Chunk steps commit their rows and their
 * checkpoint in one JDBC transaction (the job repository and the billing tables share the
 * database), so a crash between two commits loses nothing and duplicates nothing.
 */
@Configuration
@EnableConfigurationProperties(BillingProperties.class)
@Import(BillingInfrastructure.class)
public class BillingJobConfiguration {

    private static final String RUN_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";
    private static final String PERIOD = "#{jobParameters['period']}";
    private static final String MODE = "#{jobParameters['mode']}";
    private static final String INPUT = "#{jobParameters['input']}";
    private static final String OUTPUT = "#{jobParameters['output']}";
    private static final String FIRST_CUSTOMER = "#{stepExecutionContext['" + CustomerRanges.FIRST + "']}";
    private static final String LAST_CUSTOMER = "#{stepExecutionContext['" + CustomerRanges.LAST + "']}";

    // job

    @Bean
    public Job billingJob(JobRepository jobRepository, Step validateInputs, Step loadCustomers, Step prepareUsage,
            Step readUsage, Step sumUsage, Step checkUsage,
            Step allocateCosts, Step rateCustomers, Step numberInvoices, Step renderInvoices, Step renderCreditNotes,
            Step writeReports, RunMetricsListener runMetrics, UsageSteps usageSteps) {
        return new JobBuilder(RunParameters.JOB_NAME, jobRepository)
                .listener(runMetrics) // metrics.prom at the end of every run (README, "Metrics")
                .listener(usageSteps.stagingCleanup()) // readUsage's spill files, once the run has completed
                .start(validateInputs)
                .next(loadCustomers)
                .next(prepareUsage)
                .next(readUsage)
                .next(sumUsage)
                .next(checkUsage)
                .next(allocateCosts)
                .next(rateCustomers)
                .next(numberInvoices)
                .next(renderInvoices)
                .next(renderCreditNotes)
                .next(writeReports)
                .build();
    }

    /**
     * How partitioned steps run: on this JVM's threads unless remote partitioning is on
     * ({@code tokenbill.remote.enabled=true}: partition.remote.RemotePartitioningConfiguration's bean) or another
     * {@link Partitions} bean is configured.
     */
    @Bean
    @ConditionalOnProperty(name = "tokenbill.remote.enabled", havingValue = "false", matchIfMissing = true)
    @ConditionalOnMissingBean(Partitions.class)
    public Partitions partitions(JobRepository jobRepository, BillingProperties properties) {
        return new LocalPartitions(jobRepository, properties.effectiveThreads(), properties.effectivePartitions(false));
    }

    // step 1: validate the inputs

    @Bean
    public Step validateInputs(JobRepository jobRepository, JdbcTransactionManager tx, JdbcTemplate jdbc,
            RunInputs runInputs, BillingProperties properties) {
        return new StepBuilder("validateInputs", jobRepository)
                .tasklet(AbandonedOnStop.of(new ValidateInputsTasklet(jdbc, properties.invoiceNumberPrefix())), tx)
                .listener(runInputs.listener())
                .allowStartIfComplete(true).build();
    }

    /** The input files of each run with their hashes: a restart bills the files its run started with. */
    @Bean
    public RunInputs runInputs(JdbcTemplate jdbc) {
        return new RunInputs(jdbc);
    }

    // step 2: load customers and subscriptions

    @Bean
    public Step loadCustomers(JobRepository jobRepository, JdbcTransactionManager tx, JdbcCustomerDao customers,
            JdbcCreditDao credits, JdbcAllocationDao allocations, RunInputs runInputs) {
        return new StepBuilder("loadCustomers", jobRepository)
                .tasklet(AbandonedOnStop.of(new LoadCustomersTasklet(customers, credits, allocations, runInputs)), tx)
                .build();
    }

    // step 3: read, validate, de-duplicate and sum every usage row

    // (prepareUsage, then readUsage partitioned by file range and sumUsage by bucket of event ids, then checkUsage;
    // see UsageSteps)

    @Bean
    public UsageSteps usageSteps(JdbcTransactionManager tx, JdbcTemplate jdbc, JdbcCustomerDao customers,
            BillingProperties properties) {
        return new UsageSteps(jdbc, customers, new JdbcReportQueries(jdbc), properties, tx);
    }

    @Bean
    public Step prepareUsage(JobRepository jobRepository, JdbcTransactionManager tx, UsageSteps usageSteps,
            Partitions partitions) {
        return new StepBuilder("prepareUsage", jobRepository).tasklet(usageSteps.prepare(partitions.gridSize()), tx)
                .build();
    }

    @Bean
    public Step readUsagePartition(JobRepository jobRepository, JdbcTransactionManager tx, UsageSteps usageSteps) {
        return new StepBuilder("readUsagePartition", jobRepository).tasklet(usageSteps.readRange(), tx).build();
    }

    @Bean
    public Step readUsage(UsageSteps usageSteps, Partitions partitions, Step readUsagePartition) {
        return partitions.step("readUsage", usageSteps.ranges(), readUsagePartition);
    }

    @Bean
    public Step sumUsagePartition(JobRepository jobRepository, JdbcTransactionManager tx, UsageSteps usageSteps) {
        return new StepBuilder("sumUsagePartition", jobRepository).tasklet(usageSteps.sumBucket(), tx).build();
    }

    @Bean
    public Step sumUsage(UsageSteps usageSteps, Partitions partitions, Step sumUsagePartition) {
        return partitions.step("sumUsage", usageSteps.buckets(), sumUsagePartition);
    }

    @Bean
    public Step checkUsage(JobRepository jobRepository, JdbcTransactionManager tx, UsageSteps usageSteps) {
        return new StepBuilder("checkUsage", jobRepository).tasklet(usageSteps.check(), tx).build();
    }

    // step 5: allocate infrastructure cost

    @Bean
    public Step allocateCosts(JobRepository jobRepository, JdbcTransactionManager tx, JdbcCustomerDao customers,
            JdbcTemplate jdbc, JdbcAllocationDao allocations) {
        return new StepBuilder("allocateCosts", jobRepository)
                .tasklet(AbandonedOnStop.of(new AllocateCostsTasklet(customers, new JdbcUsageTotals(jdbc), allocations)), tx)
                .build();
    }

    // step 6: rate each customer

    /**
     * Partitioned by customer range ({@link CustomerRanges} over the run's customers): each partition is a chunk
     * step over its range, so the written rows are the same for any thread, partition and chunk count. One progress
     * line for the step, not one per partition.
     */
    @Bean
    public Step rateCustomers(Partitions partitions, Partitioner ratingRanges,
            Step rateCustomersPartition, StepProgress ratingProgress, ObjectProvider<InvoicePdfRenderer> invoicePdfRenderer) {
        Step step = partitions.step("rateCustomers", ratingRanges, rateCustomersPartition);
        listen(step, ratingProgress);
        listen(step, PartitionLog.manager("rateCustomersPartition"));
        if (!partitions.occupiesEveryCore()) {
            // the invoice template (step 7) compiles on a thread of its own while customers are rated, on the core
            // rating leaves free; when rating has every core, it compiles when rendering first asks for it: beside
            // two rating threads on two cores the compile cost rating 1.5-1.9 s and gained rendering nothing
            listen(step, new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution stepExecution) {
                    invoicePdfRenderer.getObject();
                }
            });
        }
        return step;
    }

    /**
     * One partition of rateCustomers: a chunk is one page of the reader (five queries) and one batched write. A
     * restarted partition continues after its last committed chunk (the reader's count, in the partition's context).
     */
    @Bean
    public Step rateCustomersPartition(JobRepository jobRepository, JdbcTransactionManager tx,
            BillingProperties properties, CustomerToRateReader customerReader, RateCustomerProcessor rateProcessor,
            JdbcInvoiceWriter invoiceWriter, StepProgress ratingProgress) {
        return new StepBuilder("rateCustomersPartition", jobRepository)
                .<CustomerToRate, RatedCustomer>chunk(properties.ratingChunkSize())
                .transactionManager(tx)
                .reader(customerReader)
                .processor(rateProcessor)
                .writer(invoiceWriter)
                .listener(new StopAtChunkBoundary())
                .listener(ratingProgress.items())
                .listener(PartitionLog.partition("invoices"))
                .build();
    }

    /** The customer ranges of rateCustomers' partitions. */
    @Bean
    @StepScope
    public CustomerRanges ratingRanges(JdbcTemplate jdbc, @Value(RUN_ID) long runId) {
        return new CustomerRanges(jdbc, "customer", runId);
    }

    /** "rateCustomers: N customers to do": on a restart, what the unfinished partitions have left. */
    @Bean
    public StepProgress ratingProgress(JobRepository jobRepository, Partitions partitions, JdbcTemplate jdbc) {
        return new StepProgress("customers", execution -> PartitionsLeft.of(jobRepository, execution,
                new CustomerRanges(jdbc, "customer", runIdOf(execution)), partitions.gridSize(), "rateCustomersPartition",
                context -> context.getLong(CustomerRanges.COUNT)
                        - Math.min(context.getLong(CustomerRanges.COUNT),
                                context.getInt(CustomerToRateReader.READ_COUNT_KEY, 0))));
    }

    private static long runIdOf(StepExecution execution) {
        return execution.getJobExecution().getJobInstance().getInstanceId();
    }

    /** Adds a listener to a step built by {@link Partitions} (a Spring Batch step, which takes listeners). */
    private static void listen(Step step, StepExecutionListener listener) {
        if (!(step instanceof AbstractStep abstractStep)) {
            throw new IllegalStateException("a partitioned step must be an AbstractStep to take listeners: " + step);
        }
        abstractStep.registerStepExecutionListener(listener);
    }

    /**
     * No destroy method: {@code JobOperator.stop} called in the running job's JVM closes the step's scope, and a
     * close there zeroes the read count that the next chunk commit saves, so a restart would rate every customer
     * again (seen with SIGTERM before GracefulStop stopped using it). The step itself closes the reader when it ends.
     */
    @Bean(destroyMethod = "")
    @StepScope
    public CustomerToRateReader customerReader(JdbcCustomerDao customers, JdbcTemplate jdbc, JdbcCreditDao credits,
            JdbcAllocationDao allocations, BillingProperties properties, @Value(RUN_ID) long runId,
            @Value(PERIOD) String period, @Value(FIRST_CUSTOMER) String firstCustomer,
            @Value(LAST_CUSTOMER) String lastCustomer) {
        return new CustomerToRateReader(customers, new JdbcUsageTotals(jdbc), credits, allocations,
                new JdbcPrepaidFees(jdbc), runId, period, properties.ratingChunkSize(), firstCustomer, lastCustomer);
    }

    @Bean
    @StepScope
    public RateCustomerProcessor rateProcessor(@Value(RUN_ID) long runId, @Value(PERIOD) String period,
            @Value(MODE) String mode, @Value(INPUT) String input, @Value(OUTPUT) String output) {
        RunContext run = RunContext.of(runId, period, mode, input, output);
        return new RateCustomerProcessor(run.catalog(), run.period());
    }

    @Bean
    @StepScope
    public JdbcInvoiceWriter invoiceWriter(JdbcInvoiceDao invoices, JdbcCreditDao credits, JdbcTemplate jdbc,
            @Value(RUN_ID) long runId, @Value(PERIOD) String period, @Value(MODE) String mode) {
        return new JdbcInvoiceWriter(invoices, credits, jdbc, runId, period, RunMode.of(mode) == RunMode.FINAL);
    }

    // step 7: number the invoices (final runs)

    @Bean
    public Step numberInvoices(JobRepository jobRepository, JdbcTransactionManager tx, JdbcTemplate jdbc,
            BillingProperties properties) {
        return new StepBuilder("numberInvoices", jobRepository)
                .tasklet(AbandonedOnStop.of(
                        new NumberInvoicesTasklet(new InvoiceNumbering(jdbc, properties.invoiceNumberPrefix()),
                                new CreditNoteIssuer(jdbc))), tx)
                .build();
    }

    // step 8: render one PDF per invoice

    /**
     * Partitioned by customer range ({@link CustomerRanges} over the run's invoices, which rendering does not add
     * to or remove, so a restart cuts the same ranges); each partition renders its range's invoices still without a
     * PDF, one after the other.
     */
    @Bean
    public Step renderInvoices(Partitions partitions, Partitioner renderingRanges,
            Step renderInvoicesPartition, StepProgress renderingProgress) {
        Step step = partitions.step("renderInvoices", renderingRanges, renderInvoicesPartition);
        listen(step, renderingProgress);
        listen(step, PartitionLog.manager("renderInvoicesPartition"));
        return step;
    }

    /** One partition of renderInvoices: chunks of invoices rendered in turn; a stop ends it at a chunk boundary. */
    @Bean
    public Step renderInvoicesPartition(JobRepository jobRepository, JdbcTransactionManager tx,
            BillingProperties properties, UnrenderedInvoiceReader unrenderedInvoiceReader, RenderInvoicesWriter pdfWriter,
            StepProgress renderingProgress) {
        return new StepBuilder("renderInvoicesPartition", jobRepository)
                .<String, String>chunk(properties.renderChunkSize())
                .transactionManager(tx)
                .reader(unrenderedInvoiceReader)
                .writer(pdfWriter)
                .listener(new StopAtChunkBoundary())
                .listener(renderingProgress.items())
                .listener(PartitionLog.partition("invoices"))
                .build();
    }

    /** The customer ranges of renderInvoices' partitions. */
    @Bean
    @StepScope
    public CustomerRanges renderingRanges(JdbcTemplate jdbc, @Value(RUN_ID) long runId) {
        return new CustomerRanges(jdbc, "invoice", runId);
    }

    /** "renderInvoices: N invoices to do": the reader keeps no state, the invoices without a PDF are what is left. */
    @Bean
    public StepProgress renderingProgress(JdbcTemplate jdbc) {
        return new StepProgress("invoices", execution -> count(jdbc,
                "select count(*) from invoice where run_id = ? and pdf_file is null", execution));
    }

    // step 8b: render the credit notes of a correction run (issue 17)

    @Bean
    public Step renderCreditNotes(JobRepository jobRepository, JdbcTransactionManager tx, JdbcTemplate jdbc,
            JdbcCustomerDao customers, ObjectProvider<InvoicePdfRenderer> invoicePdfRenderer) {
        return new StepBuilder("renderCreditNotes", jobRepository)
                .tasklet(AbandonedOnStop.of(new RenderCreditNotesTasklet(invoicePdfRenderer::getObject,
                        new JdbcCreditNoteDao(jdbc), customers)), tx)
                .build();
    }

    private static long count(JdbcTemplate jdbc, String sql, StepExecution execution) {
        Long count = jdbc.queryForObject(sql, Long.class, execution.getJobExecution().getJobInstance().getInstanceId());
        return count == null ? 0 : count;
    }

    /** The customer ids of the run's invoices without a PDF, a page at a time (see UnrenderedInvoiceReader). */
    @Bean
    @StepScope
    public UnrenderedInvoiceReader unrenderedInvoiceReader(JdbcTemplate jdbc, BillingProperties properties,
            @Value(RUN_ID) long runId, @Value(FIRST_CUSTOMER) String firstCustomer,
            @Value(LAST_CUSTOMER) String lastCustomer) {
        return new UnrenderedInvoiceReader(jdbc, runId, properties.renderChunkSize(), firstCustomer, lastCustomer);
    }

    @Bean
    @StepScope
    public RenderInvoicesWriter pdfWriter(InvoicePdfRenderer renderer, JdbcInvoiceDao invoices, JdbcCustomerDao customers,
            JdbcTemplate jdbc, BillingProperties properties, @Value(RUN_ID) long runId, @Value(PERIOD) String period,
            @Value(MODE) String mode, @Value(INPUT) String input, @Value(OUTPUT) String output,
            @Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
        RunContext run = RunContext.of(runId, period, mode, input, output);
        Catalog catalog = run.catalog();
        return new RenderInvoicesWriter(renderer, invoices, customers, jdbc, run, catalog,
                new StopRequest(jdbc, jobExecutionId));
    }

    // step 9: reconcile and write the reports

    @Bean
    public Step writeReports(JobRepository jobRepository, JdbcTransactionManager tx, JdbcTemplate jdbc,
            JdbcInvoiceDao invoices, JdbcAllocationDao allocations, ObjectProvider<SummaryPdfRenderer> summaryPdf) {
        return new StepBuilder("writeReports", jobRepository)
                .tasklet(AbandonedOnStop.of(new WriteReportsTasklet(jdbc, invoices, new JdbcReportQueries(jdbc), allocations,
                        summaryPdf::getObject)), tx).build();
    }
}
