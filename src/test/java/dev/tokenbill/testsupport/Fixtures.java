package dev.tokenbill.testsupport;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The hand-made input directories in src/test/resources/fixtures/, read from the test classpath, and the sample. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The input directory {@code fixtures/<name>} (catalog.yaml, customers.csv, subscriptions.csv, usage/). */
    public static Path input(String name) {
        URL url = Fixtures.class.getResource("/fixtures/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture directory fixtures/" + name + " on the test classpath");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the shipped sample ({@code input/}: October 2026, thirteen customers) at {@code target}, to change freely. */
    public static Path copyOfSample(Path target) throws IOException {
        Path sample = Path.of("input");
        try (Stream<Path> files = Files.walk(sample)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(sample.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(f, copy);
                }
            }
        }
        return target;
    }
}
