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
 * @param usagePartitionMb megabytes of usage files per de-duplication partition (default 16): each
 *     worker holds one partition's event ids in memory, some 13 MB of heap for 16 MB of CSV
 * @param spillDir where the usage step spills its partitions (default: the system temp directory);
 *     it needs free space of about the size of the usage files
 * @param ratingChunkSize customers per transaction in rating (default 500): each chunk is read with
 *     five queries and written with one batch per table, so larger chunks cost fewer statements and
 *     commits; on the 10,000-customer benchmark 200 to 500 used the least CPU, 50 about a fifth more
 * @param partitions partitions per partitioned step (default 0: four per thread, so that partitions of
 *     unequal size even out; with remote workers, four per worker thread of all workers)
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

    /** The partitions to ask each partitioner for: {@code partitions}, or four per thread when it is 0 or less. */
    public int effectivePartitions() {
        return partitions > 0 ? partitions : 4 * effectiveThreads();
    }
}
