package dev.tokenbill.invoice;

/** What a billing document is: an invoice, or a credit note that reverses an issued invoice. */
public enum DocumentKind {
    INVOICE,
    CREDIT_NOTE
}
