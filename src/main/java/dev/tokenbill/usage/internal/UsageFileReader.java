package dev.tokenbill.usage.internal;

import dev.tokenbill.csv.CsvRow;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.usage.UsageClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads every usage file in file-name order, one {@link UsageInputRow} per record. Restartable:
 * the checkpoint holds the file index and the records already read from it, and a restart skips
 * exactly those (they were committed with the checkpoint).
 */
public class UsageFileReader implements ItemStreamReader<UsageInputRow> {

    private static final String FILE_INDEX = "usage.reader.file";
    private static final String RECORDS = "usage.reader.records";

    private final List<Path> files;
    private int fileIndex;
    private long records;
    private CsvSource source;
    private List<String> meters;

    public UsageFileReader(List<Path> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public void open(ExecutionContext context) {
        fileIndex = context.containsKey(FILE_INDEX) ? context.getInt(FILE_INDEX) : 0;
        long skip = context.containsKey(RECORDS) ? context.getLong(RECORDS) : 0;
        if (fileIndex < files.size()) {
            openFile();
            for (long i = 0; i < skip && source.next() != null; i++) {
                records++;
            }
        }
    }

    @Override
    public UsageInputRow read() {
        while (fileIndex < files.size()) {
            CsvRow row = source.next();
            if (row != null) {
                records++;
                return new UsageInputRow(source.fileName(), row, meters);
            }
            closeFile();
            fileIndex++;
            if (fileIndex < files.size()) {
                openFile();
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, fileIndex);
        context.putLong(RECORDS, records);
    }

    @Override
    public void close() {
        closeFile();
    }

    private void openFile() {
        source = CsvSource.open(files.get(fileIndex), UsageClassifier.REQUIRED, java.util.Set.of(), true);
        List<String> columns = new ArrayList<>(source.header());
        columns.removeAll(UsageClassifier.REQUIRED);
        meters = List.copyOf(columns);
        records = 0;
    }

    private void closeFile() {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            source = null;
        }
    }
}
