package dev.tokenbill.usage.internal;

import dev.tokenbill.csv.InputFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The usage files of an input directory: {@code usage/*.csv}, in file-name order. */
public final class UsageFiles {

    private UsageFiles() {
    }

    public static List<Path> list(Path inputDir) {
        Path dir = inputDir.resolve("usage");
        if (!Files.isDirectory(dir)) {
            throw new InputFileException("usage/", 0, "directory not found (looked for " + dir + ")");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> csv = files.filter(f -> f.getFileName().toString().endsWith(".csv"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
            if (csv.isEmpty()) {
                throw new InputFileException("usage/", 0, "no usage file (*.csv) in " + dir);
            }
            return csv;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
