package dev.tokenbill.job.rendering;

import dev.tokenbill.catalog.Seller;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.einvoice.CrossIndustryInvoice;
import dev.tokenbill.einvoice.EDocument;
import dev.tokenbill.einvoice.EDocumentMapper;
import dev.tokenbill.einvoice.EInvoiceFormat;
import dev.tokenbill.einvoice.FacturX;
import dev.tokenbill.invoice.StoredInvoice;
import dev.tokenbill.invoice.pdf.InvoicePdfRenderer;
import dev.tokenbill.invoice.pdf.InvoiceView;
import dev.tokenbill.period.BillingPeriod;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes one issued document's PDF, with its e-invoice when the customer receives one ({@link EInvoiceFormat}):
 * Factur-X (the PDF rendered as PDF/A-3 with the CII XML embedded), or XRechnung (the PDF as always and
 * {@code <period>/einvoices/<number>.xml}). Drafts never get an e-invoice: the caller passes only numbered documents.
 * Files are written atomically, so a render repeated after a crash writes the same files again.
 */
final class EInvoiceRendering {

    static final String PRODUCER = "tokenbill";

    private EInvoiceRendering() {
    }

    /**
     * @param correctsIssueDate the issue date of the invoice a credit note credits (null otherwise)
     */
    static void render(InvoicePdfRenderer renderer, InvoiceView view, StoredInvoice stored, Customer customer,
            Seller seller, BillingPeriod period, LocalDate correctsIssueDate, Path pdf) {
        EInvoiceFormat format = stored.number() == null ? EInvoiceFormat.NONE : EInvoiceFormat.of(customer, seller);
        if (format == EInvoiceFormat.NONE) {
            renderer.render(view, pdf);
            return;
        }
        EDocument document = EDocumentMapper.of(stored.invoice(), stored.kind(), stored.number(), stored.issueDate(),
                stored.paymentTermsDays(), customer, seller, period, stored.reference(), correctsIssueDate);
        if (format == EInvoiceFormat.FACTUR_X) {
            byte[] xml = CrossIndustryInvoice.xml(document, CrossIndustryInvoice.Format.FACTUR_X);
            InvoicePdfRenderer.write(FacturX.embed(renderer.renderPdfA3(view), xml, PRODUCER), pdf);
            return;
        }
        byte[] xml = CrossIndustryInvoice.xml(document, CrossIndustryInvoice.Format.XRECHNUNG);
        renderer.render(view, pdf);
        try {
            Path dir = Files.createDirectories(pdf.getParent().resolveSibling("einvoices"));
            InvoicePdfRenderer.write(xml, dir.resolve(stored.number() + ".xml"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the e-invoice directory for " + stored.number() + ": " + e, e);
        }
    }
}
