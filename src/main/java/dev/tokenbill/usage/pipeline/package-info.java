/**
 * The streaming usage pipeline in units that run on their own, on the calling thread: a range of a
 * file is read and classified ({@link dev.tokenbill.usage.pipeline.RangeReader}), a bucket of event
 * ids de-duplicated and summed in bounded memory ({@link dev.tokenbill.usage.pipeline.BucketSummer}),
 * and the buckets added up ({@link dev.tokenbill.usage.pipeline.UsageMerge}). Plain Java and files
 * in a staging directory; the job runs the units as partitions (threads or remote workers), and
 * results go to a {@link dev.tokenbill.usage.pipeline.UsageSink} (the database, in the job).
 */
package dev.tokenbill.usage.pipeline;
