package dev.tokenbill.invoice.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sRGB ICC profile a PDF/A file declares as its output intent, taken from the JDK (JasperReports reads it from a
 * path): written once per process to a temporary file, so no profile needs to ship with tokenbill.
 */
final class SrgbProfile {

    private static Path path;

    private SrgbProfile() {
    }

    static synchronized Path path() {
        if (path == null) {
            try {
                Path file = Files.createTempFile("tokenbill-srgb-", ".icc");
                file.toFile().deleteOnExit();
                Files.write(file, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
                path = file;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the sRGB profile for PDF/A: " + e.getMessage(), e);
            }
        }
        return path;
    }
}
