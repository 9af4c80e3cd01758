package dev.tokenbill.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes metrics.prom atomically, as run.json is written: a temporary file in the same directory, then a rename.
 * node_exporter's textfile collector reads only {@code *.prom}, so it never sees the half-written temporary file.
 */
final class MetricsFile {

    static final String NAME = "metrics.prom";

    private MetricsFile() {
    }

    /** Writes {@code text} to {@code dir/metrics.prom}, creating {@code dir} if needed; returns the file. */
    static Path write(Path dir, String text) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(NAME);
        Path temp = dir.resolve(NAME + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
