package dev.tokenbill.csv;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output CSV with opencsv, atomically: rows go to a temporary file that replaces the
 * target on {@link #commit()}. Cells starting with =, +, -, @, tab or carriage return are
 * prefixed with a single quote (OWASP CSV-injection guidance) unless they are plain numbers.
 */
public final class CsvSink implements Closeable {

    private final Path target;
    private final Path temp;
    private final ICSVWriter writer;
    private boolean committed;

    public CsvSink(Path target, String... header) throws IOException {
        this.target = target;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        this.writer = new CSVWriter(out, ',', '"', '"', "\n");
        writer.writeNext(header, false);
    }

    public void row(Object... values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = neutralise(values[i] == null ? "" : String.valueOf(values[i]));
        }
        writer.writeNext(cells, false);
    }

    /** Makes a cell safe to open in a spreadsheet: formula-like text gets a leading quote. */
    public static String neutralise(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        if (risky && !cell.matches("[+-]?\\d+(\\.\\d+)?")) {
            return "'" + cell;
        }
        return cell;
    }

    public void commit() throws IOException {
        writer.close();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        if (!committed) {
            writer.close();
            Files.deleteIfExists(temp);
        }
    }
}
