/**
 * EN 16931 e-invoices: the Cross Industry Invoice XML of a final invoice or credit note (Factur-X/ZUGFeRD profile
 * EN 16931, or XRechnung), embedded into the PDF/A-3 invoice as {@code factur-x.xml}, with the Mustang project's
 * library. An edge adapter: it maps plain values ({@link dev.tokenbill.einvoice.EDocument}) and knows nothing of
 * Spring Batch or the database.
 */
package dev.tokenbill.einvoice;
