package dev.tokenbill.metrics;

import dev.tokenbill.period.BillingPeriod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes metrics.prom (and its copy in the textfile directory) atomically, as run.json is written: a temporary file
 * in the same directory, then a rename. node_exporter's textfile collector reads only {@code *.prom}, so it never
 * sees the half-written temporary file.
 */
final class MetricsFile {

    static final String NAME = "metrics.prom";

    /**
     * The name of the copy in the textfile directory: one file per kind of run, {@code tokenbill-monthly-final.prom}
     * say, replaced by the next run of that kind, so the directory never fills up with old periods.
     */
    static String textfileName(BillingPeriod period, String mode) {
        return "tokenbill-" + period.interval().name().toLowerCase(Locale.ROOT) + "-" + mode.toLowerCase(Locale.ROOT)
                + ".prom";
    }

    private MetricsFile() {
    }

    /** Writes {@code text} to {@code dir/name}, creating {@code dir} if needed; returns the file. */
    static Path write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Path temp = dir.resolve(name + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file;
    }
}
