package dev.tokenbill.usage.pipeline;

import java.util.List;

/** Where the pipeline's results go. Called from the thread that runs the pipeline only, in batches. */
public interface UsageSink {

    /** Billed events per {@link #billed} call at most: large, so a store can pack them into a few big rows. */
    int BILLED_BATCH = 32_768;

    void rejects(List<UsageReject> rejects);

    void totals(List<AggregatedUsage> totals);

    void files(List<FileTally> files);

    /** Requests per day, one series per customer with accepted usage, in customer id order. */
    void daily(List<DailyRequests> daily);

    /**
     * The events a final run billed (accepted), in no particular order, up to {@link #BILLED_BATCH} per call; called
     * only when the pipeline records them.
     */
    default void billed(List<BilledEvent> billed) {
        throw new UnsupportedOperationException("this sink does not record billed events");
    }
}
