package dev.tokenbill.testsupport;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a run's output files in tests: CSV files as rows keyed by header, PDFs as text, run.json as a tree. */
public final class RunOutput {

    private RunOutput() {
    }

    /** The data rows of a CSV file, each a map from header name to cell, in file order. */
    public static List<Map<String, String>> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(reader)) {
            List<String[]> all = csv.readAll();
            String[] header = all.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String[] cells : all.subList(1, all.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (CsvException e) {
            throw new IOException(file + " is not valid CSV: " + e.getMessage(), e);
        }
    }

    /** The text of every page of a PDF, as PDFBox extracts it. */
    public static String pdfText(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The names of the files in a directory (not recursive), in no particular order. */
    public static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }

    public static JsonNode json(Path file) {
        return JsonMapper.builder().build().readTree(file.toFile());
    }
}
