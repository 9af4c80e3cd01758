package dev.tokenbill.report.pdf;

/** The summary template could not be compiled, or the run summary could not be filled, exported or written. */
public class SummaryRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SummaryRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
