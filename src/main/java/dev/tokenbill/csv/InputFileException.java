package dev.tokenbill.csv;

/** A whole input file is unusable; the message names the file (and the line when there is one) and the problem. */
public class InputFileException extends RuntimeException {

    public InputFileException(String file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
