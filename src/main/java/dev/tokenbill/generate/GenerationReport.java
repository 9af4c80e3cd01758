package dev.tokenbill.generate;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SyntheticInput#write} wrote. Usage rows = {@code events} clean in-period events plus
 * one row per dirt count; every clean event's id is unique and its first row is its clean row.
 */
public record GenerationReport(
        Path directory, List<Path> usageFiles, int customers, int subscriptions, long events,
        Map<DirtKind, Long> dirt, long bytes) {

    public GenerationReport {
        usageFiles = List.copyOf(usageFiles);
        Map<DirtKind, Long> ordered = new EnumMap<>(DirtKind.class);
        ordered.putAll(dirt);
        dirt = Collections.unmodifiableMap(ordered);
    }

    public long dirtRows() {
        return dirt.values().stream().mapToLong(Long::longValue).sum();
    }

    public long usageRows() {
        return events + dirtRows();
    }

    public long dirt(DirtKind kind) {
        return dirt.getOrDefault(kind, 0L);
    }
}
