package dev.tokenbill.job.run;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.CatalogException;
import dev.tokenbill.catalog.CatalogLoader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The catalog of a run, parsed and validated once per JVM however many steps ask for it: each call reads the file's
 * bytes (a few KB) and parses them only when they differ from the last catalog parsed. The bytes' hash is also
 * what the run records for {@code catalog.yaml} (RunInputs), so every step bills the catalog the run validated.
 */
final class RunCatalog {

    private static byte[] lastDigest;
    private static String lastPath;
    private static Catalog last;

    private RunCatalog() {
    }

    static synchronized Catalog load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new CatalogException(path.toString(), 0, "cannot read the catalog: " + e.getMessage());
        }
        byte[] digest = sha256(bytes);
        if (last == null || !path.toString().equals(lastPath) || !Arrays.equals(digest, lastDigest)) {
            last = CatalogLoader.load(path.toString(), new StringReader(new String(bytes, StandardCharsets.UTF_8)));
            lastPath = path.toString();
            lastDigest = digest;
        }
        return last;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
