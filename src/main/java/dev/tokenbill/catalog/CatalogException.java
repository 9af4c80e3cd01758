package dev.tokenbill.catalog;

/** The catalog file is invalid; the message names the file, the line and the problem. */
public class CatalogException extends RuntimeException {

    public CatalogException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
