package dev.tokenbill.usage.pipeline;

import dev.tokenbill.catalog.PriceCondition;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Small helpers for the staging files that the usage partitions leave for the next step: written to a temporary
 * name and moved into place, so a file that exists is complete (a partition killed while writing leaves none).
 */
final class StagingFiles {

    private StagingFiles() {
    }

    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    static void writeAtomically(Path file, Body body) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
            body.write(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static DataInputStream read(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String string(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static void condition(DataOutputStream out, PriceCondition c) throws IOException {
        out.writeInt(c.band());
        out.writeBoolean(c.offPeak());
        out.writeLong(c.priceDate() == null ? Long.MIN_VALUE : c.priceDate().toEpochDay());
    }

    static PriceCondition condition(DataInputStream in) throws IOException {
        int band = in.readInt();
        boolean offPeak = in.readBoolean();
        long day = in.readLong();
        return new PriceCondition(band, offPeak, day == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(day));
    }

    /** Deletes a directory and everything in it; nothing when it does not exist. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
