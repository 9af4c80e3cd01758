package dev.tokenbill.usage.pipeline;

/**
 * A rejected usage row: where it is, its event id (may be empty), why, and its raw record (cut to
 * {@link UsagePipeline#MAX_RAW} characters; null for a conflicting duplicate, whose text is read
 * back from the file when rejects.csv is written).
 */
public record UsageReject(String file, long line, String eventId, String reason, String raw) {
}
