package dev.tokenbill.report.pdf;

import dev.tokenbill.invoice.pdf.PdfText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRVirtualizer;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders a {@link SummaryView} to summary.pdf with the JasperReports template {@code templates/summary.jrxml}.
 * The template is compiled once, by {@link #compile}; renders share nothing else, so one renderer serves a run.
 *
 * <p>What the template receives: every scalar component of the view as a parameter of the same name, the tables
 * {@code currencies}, {@code plans} and {@code files} as {@code JRDataSource} parameters, and the margin lines as
 * the main data source, read one at a time; filled pages beyond a few go to a swap file in the temporary directory. Each table row is a map from the record's component names to its values (the JavaBean
 * data source of JasperReports 7.0 does not see record accessors), its strings cleaned by {@link PdfText#clean}.
 */
public final class SummaryPdfRenderer {

    /** Where the jar carries the template (the pom packages {@code templates/} as classpath resources). */
    public static final String CLASSPATH_TEMPLATE = "templates/summary.jrxml";

    /** Filled pages kept in memory; the others wait in a swap file, so a long margin page needs no more heap. */
    private static final int PAGES_IN_MEMORY = 20;
    private static final int SWAP_BLOCK_SIZE = 4096;
    private static final int SWAP_MIN_GROW = 256;

    private final JasperReport report;

    private SummaryPdfRenderer(JasperReport report) {
        this.report = report;
    }

    /**
     * Compiles the JRXML at {@code template} or, when there is no such file, the copy inside the jar.
     *
     * @throws SummaryRenderingException if the template cannot be read or compiled
     */
    public static SummaryPdfRenderer compile(Path template) {
        boolean file = Files.isRegularFile(template);
        String source = file ? template.toString() : "classpath:" + CLASSPATH_TEMPLATE;
        try (InputStream in = file ? Files.newInputStream(template)
                : SummaryPdfRenderer.class.getClassLoader().getResourceAsStream(CLASSPATH_TEMPLATE)) {
            if (in == null) {
                throw new IOException("no such file, and no " + CLASSPATH_TEMPLATE + " on the classpath");
            }
            return new SummaryPdfRenderer(JasperCompileManager.compileReport(in));
        } catch (JRException | JRRuntimeException | IOException e) {
            throw new SummaryRenderingException("Cannot compile the summary template " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders {@code view} to {@code target} atomically: the PDF is written to {@code <target>.tmp} and moved over
     * {@code target}, so readers never see a partial file.
     *
     * @throws SummaryRenderingException if the summary cannot be filled, exported or written (the temp file is
     *         removed; {@code target} is left as it was)
     */
    public void render(SummaryView view, Path target) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                new JRSwapFile(System.getProperty("java.io.tmpdir"), SWAP_BLOCK_SIZE, SWAP_MIN_GROW), true);
        try {
            JasperPrint print = fill(view, virtualizer);
            virtualizer.setReadOnly(true);
            try (OutputStream out = Files.newOutputStream(temp)) {
                export(print, view, out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (JRException | JRRuntimeException | IOException e) {
            deleteQuietly(temp);
            throw new SummaryRenderingException("Cannot write the run summary " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        } finally {
            virtualizer.cleanup();
        }
    }

    private JasperPrint fill(SummaryView view, JRVirtualizer virtualizer) throws JRException {
        // JasperReports adds its built-in parameters to this map: it must be mutable
        Map<String, Object> parameters = new HashMap<>(row(view));
        parameters.put("currencies", new JRMapCollectionDataSource(rows(view.currencies())));
        parameters.put("plans", new JRMapCollectionDataSource(rows(view.plans())));
        parameters.put("files", new JRMapCollectionDataSource(rows(view.files())));
        parameters.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        return JasperFillManager.fillReport(report, parameters, new RecordDataSource(view.margins().iterator()));
    }

    /** The rows of a data source made one at a time, as the report reaches them (the margin page may be long). */
    private static final class RecordDataSource implements JRDataSource {

        private final Iterator<? extends Record> records;
        private Map<String, Object> current;

        RecordDataSource(Iterator<? extends Record> records) {
            this.records = records;
        }

        @Override
        public boolean next() {
            if (!records.hasNext()) {
                return false;
            }
            current = row(records.next());
            return true;
        }

        @Override
        public Object getFieldValue(JRField field) {
            return current.get(field.getName());
        }
    }

    private static void export(JasperPrint print, SummaryView view, OutputStream out) throws JRException {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle("Billing run summary " + PdfText.clean(view.period()));
        configuration.setMetadataSubject(PdfText.clean(view.mode()) + " run " + PdfText.clean(view.runId()));
        configuration.setMetadataCreator("tokenbill");
        configuration.setDisplayMetadataTitle(true);
        configuration.setCompressed(true);
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.setConfiguration(configuration);
        exporter.exportReport();
    }

    private static List<Map<String, ?>> rows(List<? extends Record> records) {
        List<Map<String, ?>> rows = new ArrayList<>(records.size());
        records.forEach(r -> rows.add(row(r)));
        return rows;
    }

    /** The record's scalar components by name, strings cleaned; list components are left to the caller. */
    private static Map<String, Object> row(Record record) {
        Map<String, Object> row = new HashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component, e);
            }
            if (component.getType() == String.class) {
                value = PdfText.clean((String) value);
            }
            if (component.getType() != List.class) {
                row.put(component.getName(), value);
            }
        }
        return row;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the original failure is the one worth reporting
        }
    }
}
