package dev.tokenbill.testsupport;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The hand-made input directories in src/test/resources/fixtures/, read from the test classpath. */
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
}
