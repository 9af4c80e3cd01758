package dev.tokenbill.einvoice;

import dev.tokenbill.invoice.DocumentKind;
import dev.tokenbill.invoice.TaxCategory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import java.time.LocalDate;
import java.util.Date;
import org.mustangproject.Allowance;
import org.mustangproject.BankDetails;
import org.mustangproject.Contact;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.SchemedID;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.Profile;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.TransactionCalculator;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;

/**
 * The UN/CEFACT Cross Industry Invoice (CII) XML of an {@link EDocument}, written by Mustang's ZUGFeRD 2 provider in
 * the EN 16931 profile (Factur-X / ZUGFeRD "EN 16931 (COMFORT)") or the XRechnung profile (the German CIUS of
 * EN 16931, in its CII syntax).
 *
 * <p>Each ledger line is one item of quantity 1 (unit code C62, "one") priced at the line's net amount: tokenbill's
 * line amounts are rounded once from exact per-token prices, and an item of N tokens at a rounded per-token price
 * would not give back the same amount. The line's quantity and unit price are in its description.
 */
public final class CrossIndustryInvoice {

    /** The profiles tokenbill writes. */
    public enum Format {
        /** Factur-X 1.0 / ZUGFeRD 2.x, profile EN 16931: the XML embedded in the PDF/A-3 invoice. */
        FACTUR_X("EN16931"),
        /** XRechnung 3 in CII syntax, a file of its own next to the PDF. */
        XRECHNUNG("XRECHNUNG");

        private final String profile;

        Format(String profile) {
            this.profile = profile;
        }

        Profile profile() {
            return Profiles.getByName(profile);
        }
    }

    private CrossIndustryInvoice() {
    }

    /**
     * The XML of {@code document} in {@code format}.
     *
     * @throws IllegalStateException if the XML's own totals (Mustang computes them from the lines, allowances and
     *         rate) differ from the ledger's: an e-invoice must say what the PDF says
     */
    public static byte[] xml(EDocument document, Format format) {
        Invoice invoice = invoice(document);
        requireLedgerTotals(document, new TransactionCalculator(invoice));
        ZUGFeRD2PullProvider provider = new ZUGFeRD2PullProvider();
        provider.setProfile(format.profile());
        provider.generateXML(invoice);
        byte[] xml = provider.getXML();
        return document.category() == TaxCategory.OUTSIDE_SCOPE ? withoutAllowanceRates(xml) : xml;
    }

    /**
     * EN 16931 BR-O-06: a document-level allowance "not subject to VAT" carries no VAT rate, but Mustang writes the
     * 0 % it computes with; the rate elements of the allowances' trade tax are removed.
     */
    private static byte[] withoutAllowanceRates(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            NodeList allowances = document.getElementsByTagNameNS(RAM, "SpecifiedTradeAllowanceCharge");
            for (int i = 0; i < allowances.getLength(); i++) {
                NodeList rates = ((Element) allowances.item(i)).getElementsByTagNameNS(RAM, "RateApplicablePercent");
                for (int r = rates.getLength() - 1; r >= 0; r--) {
                    rates.item(r).getParentNode().removeChild(rates.item(r));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(xml.length);
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot rewrite the e-invoice XML: " + e.getMessage(), e);
        }
    }

    private static final String RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";

    static Invoice invoice(EDocument d) {
        Invoice invoice = new Invoice()
                .setNumber(d.number())
                .setIssueDate(date(d.issueDate()))
                .setCurrency(d.currency().getCurrencyCode())
                .setDetailedDeliveryPeriod(date(d.firstDay()), date(d.lastDay()))
                .setDeliveryDate(date(d.lastDay()))
                .setSender(party(d.seller(), d, true))
                .setRecipient(party(d.buyer(), d, false))
                .setTotalPrepaidAmount(d.prepaid());
        if (!d.paymentTerms().isEmpty()) {
            invoice.setPaymentTermDescription(d.paymentTerms());
        }
        if (!d.buyer().reference().isEmpty()) {
            invoice.setReferenceNumber(d.buyer().reference());
        }
        if (d.dueDate() != null) {
            invoice.setDueDate(date(d.dueDate()));
        }
        if (d.kind() == DocumentKind.CREDIT_NOTE) {
            invoice.setCreditNote();
        }
        if (d.correctsNumber() != null) {
            invoice.setInvoiceReferencedDocumentID(d.correctsNumber());
            if (d.correctsIssueDate() != null) {
                invoice.setInvoiceReferencedIssueDate(date(d.correctsIssueDate()));
            }
        }
        if (d.category() != TaxCategory.STANDARD && d.exemptionReason() != null) {
            invoice.addTaxNote(d.exemptionReason());
        }
        int position = 0;
        for (EDocument.Line line : d.lines()) {
            position++;
            Product product = new Product(line.name(), line.description(), "C62", d.rate());
            taxCategory(product, d);
            invoice.addItem(new Item(product, line.amount(), BigDecimal.ONE).setId(Integer.toString(position)));
        }
        for (EDocument.Line allowance : d.allowances()) {
            Allowance a = new Allowance(allowance.amount());
            a.setReason(allowance.name());
            a.setTaxPercent(d.rate());
            a.setCategoryCode(d.category().code());
            invoice.addAllowance(a);
        }
        return invoice;
    }

    private static void taxCategory(Product product, EDocument d) {
        product.setTaxCategoryCode(d.category().code());
        if (d.category() != TaxCategory.STANDARD) {
            product.setTaxExemptionReason(d.exemptionReason());
        }
    }

    private static TradeParty party(EDocument.Party p, EDocument d, boolean seller) {
        TradeParty party = new TradeParty(p.name(), p.street(), p.postcode(), p.city(), p.country());
        if (p.additional() != null && !p.additional().isEmpty()) {
            party.setAdditionalAddress(p.additional());
        }
        // EN 16931 BR-O-02: a document "not subject to VAT" carries no VAT identifier of seller or buyer
        if (p.vatId() != null && d.category() != TaxCategory.OUTSIDE_SCOPE) {
            party.setVATID(p.vatId());
        } else if (p.vatId() != null && seller) {
            // BR-CO-26 still wants the seller identified: its VAT number as the plain seller identifier (BT-29)
            party.setID(p.vatId());
        }
        if (seller && !p.reference().isEmpty()) {
            party.setContact(new Contact(p.name(), p.reference(), p.email()));
        }
        if (p.email() != null && !p.email().isEmpty()) {
            party.setEmail(p.email());
            party.addUriUniversalCommunicationID(new SchemedID("EM", p.email()));
        }
        if (seller && d.bank() != null && !d.bank().iban().isEmpty()) {
            BankDetails bank = new BankDetails(d.bank().iban(), d.bank().bic().isEmpty() ? null : d.bank().bic());
            if (!d.bank().bankName().isEmpty()) {
                bank.setAccountName(p.name());
            }
            party.addBankDetails(bank);
        }
        return party;
    }

    private static void requireLedgerTotals(EDocument d, TransactionCalculator calculation) {
        check(d, "taxable amount", d.taxable(), calculation.getTaxBasis());
        check(d, "total", d.total(), calculation.getGrandTotal());
    }

    private static void check(EDocument d, String what, BigDecimal ledger, BigDecimal xml) {
        if (ledger.compareTo(xml) != 0) {
            throw new IllegalStateException("e-invoice of " + d.number() + ": the XML's " + what + " would be "
                    + xml.toPlainString() + " but the ledger says " + ledger.toPlainString());
        }
    }

    private static Date date(LocalDate day) {
        // Mustang formats dates in the JVM's zone: midnight there is the same calendar day
        return Date.from(day.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
    }
}
