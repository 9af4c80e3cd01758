package dev.tokenbill.invoice.pdf;

/** The invoice template could not be compiled, or an invoice could not be filled or exported to PDF. */
public class InvoiceRenderingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvoiceRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
