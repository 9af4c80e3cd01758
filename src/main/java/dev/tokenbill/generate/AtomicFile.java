package dev.tokenbill.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A file written under a temporary name and renamed into place on {@link #commit()}; a failed write leaves no partial file. */
final class AtomicFile implements Closeable {

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean committed;

    AtomicFile(Path target) throws IOException {
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        this.stream = Files.newOutputStream(temp);
    }

    OutputStream stream() {
        return stream;
    }

    Path target() {
        return target;
    }

    /** Closes the stream and renames the file into place; returns its size in bytes. */
    long commit() throws IOException {
        stream.close();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        return Files.size(target);
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            stream.close();
            Files.deleteIfExists(temp);
        }
    }
}
