/**
 * The streaming usage pipeline: reads the usage files once, classifies rows on worker threads,
 * de-duplicates by event id in bounded memory (hash partitions spilled to disk) and sums accepted
 * usage per subscription, model, meter and condition. Plain Java and files; results go to a
 * {@link dev.tokenbill.usage.pipeline.UsageSink} (the database, in the job).
 */
package dev.tokenbill.usage.pipeline;
