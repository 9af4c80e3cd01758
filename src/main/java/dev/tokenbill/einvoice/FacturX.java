package dev.tokenbill.einvoice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.mustangproject.ZUGFeRD.PDFAConformanceLevel;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/** A Factur-X / ZUGFeRD invoice: the PDF/A-3 invoice with its CII XML embedded as {@code factur-x.xml}, by Mustang. */
public final class FacturX {

    private FacturX() {
    }

    /**
     * @param pdfA3 the invoice rendered as PDF/A-3B; {@code xml} its EN 16931 CII XML
     * @return the Factur-X file: the same pages, the XML attached as the invoice's associated file, the XMP metadata
     *         that names the Factur-X profile
     */
    public static byte[] embed(byte[] pdfA3, byte[] xml, String producer) {
        try (ZUGFeRDExporterFromA3 exporter = new ZUGFeRDExporterFromA3()) {
            exporter.setZUGFeRDVersion(2)
                    .setProfile(CrossIndustryInvoice.Format.FACTUR_X.profile())
                    .setConformanceLevel(PDFAConformanceLevel.BASIC)
                    .setProducer(producer)
                    .setCreator(producer)
                    .load(pdfA3);
            exporter.setXML(xml);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdfA3.length + xml.length + 8192);
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed the e-invoice XML: " + e.getMessage(), e);
        }
    }
}
