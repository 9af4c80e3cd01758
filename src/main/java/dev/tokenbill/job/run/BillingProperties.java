package dev.tokenbill.job.run;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the billing job ({@code tokenbill.*} in application.properties or the environment).
 *
 * @param renderChunkSize invoices per transaction in rendering, shared out over the threads (default 200: a chunk
 *     ends when its slowest render does, so longer chunks keep the threads busier; a restart renders at most that
 *     many again)
 * @param invoiceNumberPrefix text before the six-digit invoice number (default TB-)
 * @param maxRejects the run fails when more usage rows than this are rejected (default -1: no absolute limit)
 * @param maxRejectShare the run fails when a larger share of usage rows is rejected (default 0.05 = 5 %)
 * @param threads worker threads for reading usage, rating and rendering (default 0: one per CPU core);
 *     the results are the same for any thread count
 * @param usagePartitionMb megabytes of usage files at most per readUsage range and per de-duplication bucket
 *     (default 16): each thread holds one bucket's event ids in memory, some 13 MB of heap for 16 MB of CSV;
 *     smaller buckets also keep the de-duplication tables in the CPU's caches
 * @param spillDir where the usage steps stage their ranges and buckets (default: {@code <output>/.staging}, which
 *     remote workers see too); it needs free space of about the size of the usage files
 * @param ratingChunkSize customers per transaction in rating (default 500): each chunk is read with
 *     five queries and written with one batch per table, so larger chunks cost fewer statements and
 *     commits; on the 10,000-customer benchmark 200 to 500 used the least CPU, 50 about a fifth more
 * @param partitions partitions per partitioned step (default 0: one per thread, each with an equal share of the
 *     usage ranges, buckets or customers, so that they run in one wave and the JIT warms up on every thread at once;
 *     with remote workers four per thread of the manager when unset, best set to four per worker thread of all
 *     workers)
 */
@ConfigurationProperties("tokenbill")
public record BillingProperties(
        @DefaultValue("200") int renderChunkSize,
        @DefaultValue("TB-") String invoiceNumberPrefix,
        @DefaultValue("-1") long maxRejects,
        @DefaultValue("0.05") java.math.BigDecimal maxRejectShare,
        @DefaultValue("0") int threads,
        @DefaultValue("16") int usagePartitionMb,
        @DefaultValue("") String spillDir,
        @DefaultValue("500") int ratingChunkSize,
        @DefaultValue("0") int partitions) {

    /** The thread count to use: {@code threads}, or one per CPU core when it is 0 or less. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * The partitions to ask each partitioner for: {@code partitions}, or when it is 0 or less one per thread on one
     * machine and four per thread with remote workers (whose number the manager does not know).
     */
    public int effectivePartitions(boolean remote) {
        return partitions > 0 ? partitions : (remote ? 4 : 1) * effectiveThreads();
    }
}
