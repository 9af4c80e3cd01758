package dev.tokenbill.invoice.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders an {@link InvoiceView} to PDF with the JasperReports template {@code templates/invoice.jrxml}.
 *
 * <p>The template is compiled once, in the constructor or (see {@link #compileInBackground}) on a thread of its own;
 * every render fills and exports on its own, so one renderer can serve concurrent {@code render} calls. Every string of the view goes through {@link PdfText#clean} first.
 *
 * <p>What the template receives:
 * <ul>
 * <li>the page's resource bundle and locale ({@code REPORT_RESOURCE_BUNDLE}, {@code REPORT_LOCALE}) of the view's
 * {@code language}, for the template's fixed words ({@code $R{...}});</li>
 * <li>parameters: every {@code String} component of {@link InvoiceView} under its own name ({@code title},
 * {@code number}, {@code issueDate}, ..., {@code amountDue}, {@code notices}, {@code bank}), {@code draft} (Boolean),
 * {@code adjustments} and {@code taxes} ({@code JRDataSource}s with fields {@code label}, {@code amount}),
 * {@code usage} (a {@code JRDataSource} with fields {@code model}, {@code meter}, {@code quantity}),
 * {@code dailyChart} (a {@link DailyChart} of requests per day, null when the view has no printed chart) with the
 * texts {@code dailyFirst}, {@code dailyLast} and {@code dailyPeak};</li>
 * <li>the main data source: one record per charge or tier {@link InvoiceView.LineView}, then an end marker
 * ({@code row} END, printing nothing: it ends the template's column-header group before the totals), with fields
 * {@code row} ({@code CHARGE}, {@code TIER} or {@code END}), {@code description}, {@code quantity}, {@code unitPrice}, {@code amount}, and the
 * headings above it: {@code subscription} and {@code model} (texts, "" for none) with {@code subscriptionKey} and
 * {@code modelKey} (Integer, distinct per heading: the template's group expressions).</li>
 * </ul>
 * Records are handed over as maps ({@code JRMapCollectionDataSource}): the JavaBean data source of JasperReports
 * 7.0 reads properties through commons-beanutils, which does not see record accessors.
 *
 * <p>The PDF is not byte-for-byte reproducible: OpenPDF (under JasperReports' PDF exporter) stamps a creation date,
 * a random document id and random font subset tags; the page content itself is the same for the same view.
 */
public final class InvoicePdfRenderer {

    private final CompletableFuture<JasperReport> report;

    /** Compiles the JRXML template at {@code template}. */
    public InvoicePdfRenderer(Path template) {
        this(CompletableFuture.completedFuture(compile(template)));
    }

    private InvoicePdfRenderer(CompletableFuture<JasperReport> report) {
        this.report = report;
    }

    /**
     * A renderer whose template compiles on a thread of its own, started now (the compile takes a second or two):
     * the first renders wait for it. A template that does not compile fails every render with the compile's
     * {@link InvoiceRenderingException}.
     */
    public static InvoicePdfRenderer compileInBackground(Path template) {
        CompletableFuture<JasperReport> report = new CompletableFuture<>();
        Thread compiler = new Thread(() -> {
            try {
                report.complete(compile(template));
            } catch (RuntimeException e) {
                report.completeExceptionally(e);
            }
        }, "invoice-template");
        compiler.setDaemon(true);
        compiler.start();
        return new InvoicePdfRenderer(report);
    }

    private static JasperReport compile(Path template) {
        try (InputStream in = Files.newInputStream(template)) {
            JasperReport report = JasperCompileManager.compileReport(in);
            FastFontCompression.apply(report);
            return report;
        } catch (JRException | JRRuntimeException | IOException e) {
            throw new InvoiceRenderingException("Cannot compile the invoice template " + template + ": "
                    + e.getMessage(), e);
        }
    }

    /** The compiled template, once it is there. */
    private JasperReport report() {
        try {
            return report.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Renders {@code view} to {@code target}, atomically: the PDF is written to {@code <target>.tmp} in the same
     * directory and then moved over {@code target}, so readers never see a partial file. Concurrent calls are fine
     * as long as they write to different targets (two renders to one target would share the temp file).
     *
     * @throws InvoiceRenderingException if the invoice cannot be filled, exported or written (the temp file is
     *         removed; {@code target} is left as it was)
     */
    public void render(InvoiceView view, Path target) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            InvoiceView clean = clean(view);
            JasperPrint print = fill(clean);
            try (OutputStream out = Files.newOutputStream(temp)) {
                export(print, clean, out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (JRException | JRRuntimeException e) {
            deleteQuietly(temp);
            throw new InvoiceRenderingException("Cannot render invoice " + view.number() + " to " + target + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new InvoiceRenderingException("Cannot write invoice " + view.number() + " to " + target + ": "
                    + e, e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * Renders {@code view} to PDF in memory.
     *
     * @throws InvoiceRenderingException if the invoice cannot be filled or exported
     */
    public byte[] renderBytes(InvoiceView view) {
        try {
            InvoiceView clean = clean(view);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            export(fill(clean), clean, out);
            return out.toByteArray();
        } catch (JRException | JRRuntimeException e) {
            throw new InvoiceRenderingException("Cannot render invoice " + view.number() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders {@code view} to PDF/A-3B in memory (embedded fonts, an sRGB output intent, XMP metadata): the base of a
     * Factur-X e-invoice.
     *
     * @throws InvoiceRenderingException if the invoice cannot be filled or exported
     */
    public byte[] renderPdfA3(InvoiceView view) {
        try {
            InvoiceView clean = clean(view);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            JRPdfExporter exporter = new InMemoryPixelPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(fill(clean)));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            SimplePdfExporterConfiguration configuration = configuration(clean);
            configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_3B);
            configuration.setIccProfilePath(SrgbProfile.path().toString());
            exporter.setConfiguration(configuration);
            exporter.exportReport();
            return out.toByteArray();
        } catch (JRException | JRRuntimeException e) {
            throw new InvoiceRenderingException("Cannot render invoice " + view.number() + " as PDF/A-3: "
                    + e.getMessage(), e);
        }
    }

    /** Writes a rendered document (a PDF, an e-invoice XML) to {@code target} atomically: a temp file, then a move. */
    public static void write(byte[] pdf, Path target) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(temp, pdf);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new InvoiceRenderingException("Cannot write " + target + ": " + e, e);
        }
    }

    private JasperPrint fill(InvoiceView view) throws JRException {
        // JasperReports adds built-in parameters (REPORT_PARAMETERS_MAP, ...) to this map: it must be mutable.
        Map<String, Object> parameters = new HashMap<>();
        Labels labels = Labels.of(view.language());
        parameters.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels.bundle());
        parameters.put(JRParameter.REPORT_LOCALE, labels.bundle().getLocale());
        parameters.put("title", view.title());
        parameters.put("creditNote", view.creditNote());
        parameters.put("reference", view.reference());
        parameters.put("number", view.number());
        parameters.put("draft", view.draft());
        parameters.put("issueDate", view.issueDate());
        parameters.put("payment", view.payment());
        parameters.put("period", view.period());
        parameters.put("currency", view.currency());
        parameters.put("sellerName", view.sellerName());
        parameters.put("sellerAddress", view.sellerAddress());
        parameters.put("sellerTaxId", view.sellerTaxId());
        parameters.put("sellerEmail", view.sellerEmail());
        parameters.put("customerId", view.customerId());
        parameters.put("customerName", view.customerName());
        parameters.put("customerAddress", view.customerAddress());
        parameters.put("customerCountry", view.customerCountry());
        parameters.put("customerEmail", view.customerEmail());
        parameters.put("customerTaxId", view.customerTaxId());
        parameters.put("subtotal", view.subtotal());
        parameters.put("adjustments", new JRMapCollectionDataSource(totalRecords(view.adjustments())));
        parameters.put("taxes", new JRMapCollectionDataSource(totalRecords(view.taxes())));
        parameters.put("total", view.total());
        parameters.put("credits", view.credits());
        parameters.put("amountDue", view.amountDue());
        parameters.put("notices", view.notices());
        parameters.put("bank", view.bank());
        parameters.put("usage", new JRMapCollectionDataSource(usageRecords(view.usage())));
        InvoiceView.DailyView daily = view.daily();
        parameters.put("dailyChart", daily.printed() ? new DailyChart(daily.requests()) : null);
        parameters.put("dailyFirst", daily.firstDay());
        parameters.put("dailyLast", daily.lastDay());
        parameters.put("dailyPeak", daily.peak());
        return JasperFillManager.fillReport(report(), parameters, new JRMapCollectionDataSource(lineRecords(view.lines())));
    }

    private static void export(JasperPrint print, InvoiceView view, OutputStream out) throws JRException {
        JRPdfExporter exporter = new InMemoryPixelPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(configuration(view));
        exporter.exportReport();
    }

    private static SimplePdfExporterConfiguration configuration(InvoiceView view) {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        String document = Labels.of(view.language()).get(view.creditNote() ? "document.creditNote" : "document.invoice");
        configuration.setMetadataTitle(document + " " + view.number());
        configuration.setMetadataAuthor(view.sellerName());
        configuration.setMetadataSubject(document + " " + view.number() + " / " + view.customerName());
        configuration.setMetadataCreator("tokenbill");
        configuration.setDisplayMetadataTitle(true);
        configuration.setCompressed(true);
        return configuration;
    }

    /**
     * One record per charge or tier row, carrying the headings above it: the template prints a subscription's and a
     * model's heading as group headers, so JasperReports keeps each heading on the page of its first row.
     */
    static List<Map<String, ?>> lineRecords(List<InvoiceView.LineView> lines) {
        List<Map<String, ?>> records = new ArrayList<>(lines.size());
        String subscription = "";
        String model = "";
        int subscriptions = 0;
        int models = 0;
        for (InvoiceView.LineView line : lines) {
            switch (line.row()) {
                case SUBSCRIPTION -> {
                    subscription = line.description();
                    subscriptions++;
                    model = "";
                    models++;
                }
                case MODEL -> {
                    model = line.description();
                    models++;
                }
                case CHARGE, TIER -> records.add(record(line.row().name(), subscription, subscriptions, model, models,
                        line));
            }
        }
        // the end marker: it prints nothing, and keeps the column header from being reprinted over the totals
        records.add(record("END", "", -1, "", -1, InvoiceView.LineView.charge("", "", "", "")));
        return records;
    }

    private static Map<String, ?> record(String row, String subscription, int subscriptionKey, String model,
            int modelKey, InvoiceView.LineView line) {
        Map<String, Object> record = new HashMap<>(16);
        record.put("row", row);
        record.put("subscription", subscription);
        record.put("subscriptionKey", subscriptionKey);
        record.put("model", model);
        record.put("modelKey", modelKey);
        record.put("description", line.description());
        record.put("quantity", line.quantity());
        record.put("unitPrice", line.unitPrice());
        record.put("amount", line.amount());
        return record;
    }

    private static List<Map<String, ?>> totalRecords(List<InvoiceView.TotalView> rows) {
        List<Map<String, ?>> records = new ArrayList<>(rows.size());
        for (InvoiceView.TotalView row : rows) {
            records.add(Map.of("label", row.label(), "amount", row.amount()));
        }
        return records;
    }

    private static List<Map<String, ?>> usageRecords(List<InvoiceView.UsageView> usage) {
        List<Map<String, ?>> records = new ArrayList<>(usage.size());
        for (InvoiceView.UsageView row : usage) {
            Map<String, Object> record = new HashMap<>(4);
            record.put("model", row.model());
            record.put("meter", row.meter());
            record.put("quantity", row.quantity());
            records.add(record);
        }
        return records;
    }

    /** The view with every string cleaned by {@link PdfText#clean} and null lists replaced by empty ones. */
    static InvoiceView clean(InvoiceView v) {
        List<InvoiceView.LineView> lines = new ArrayList<>();
        for (InvoiceView.LineView l : nonNull(v.lines())) {
            lines.add(new InvoiceView.LineView(l.row() == null ? InvoiceView.Row.CHARGE : l.row(),
                    PdfText.clean(l.description()), PdfText.clean(l.quantity()), PdfText.clean(l.unitPrice()),
                    PdfText.clean(l.amount())));
        }
        List<InvoiceView.UsageView> usage = new ArrayList<>();
        for (InvoiceView.UsageView u : nonNull(v.usage())) {
            usage.add(new InvoiceView.UsageView(PdfText.clean(u.model()), PdfText.clean(u.meter()),
                    PdfText.clean(u.quantity())));
        }
        InvoiceView.DailyView d = v.daily() == null ? InvoiceView.DailyView.NONE : v.daily();
        InvoiceView.DailyView daily = new InvoiceView.DailyView(d.requests() == null ? new long[0] : d.requests(),
                PdfText.clean(d.firstDay()), PdfText.clean(d.lastDay()), PdfText.clean(d.peak()));
        return new InvoiceView(
                PdfText.clean(v.language()), PdfText.clean(v.title()), PdfText.clean(v.number()), v.draft(),
                PdfText.clean(v.issueDate()), PdfText.clean(v.payment()), PdfText.clean(v.period()),
                PdfText.clean(v.currency()),
                PdfText.clean(v.sellerName()), PdfText.clean(v.sellerAddress()), PdfText.clean(v.sellerTaxId()),
                PdfText.clean(v.sellerEmail()),
                PdfText.clean(v.customerId()), PdfText.clean(v.customerName()), PdfText.clean(v.customerAddress()),
                PdfText.clean(v.customerCountry()), PdfText.clean(v.customerEmail()), PdfText.clean(v.customerTaxId()),
                List.copyOf(lines), PdfText.clean(v.subtotal()), clean(v.adjustments()), clean(v.taxes()),
                PdfText.clean(v.total()), PdfText.clean(v.credits()), PdfText.clean(v.amountDue()),
                PdfText.clean(v.notices()), PdfText.clean(v.bank()), List.copyOf(usage), daily,
                v.creditNote(), PdfText.clean(v.reference()));
    }

    private static List<InvoiceView.TotalView> clean(List<InvoiceView.TotalView> rows) {
        List<InvoiceView.TotalView> clean = new ArrayList<>();
        for (InvoiceView.TotalView row : nonNull(rows)) {
            clean.add(new InvoiceView.TotalView(PdfText.clean(row.label()), PdfText.clean(row.amount())));
        }
        return List.copyOf(clean);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
