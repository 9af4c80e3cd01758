package dev.tokenbill.report;

/** What one step of the run did, for run.json. */
public record StepTiming(String name, String status, long read, long written, long skipped, double seconds) {
}
