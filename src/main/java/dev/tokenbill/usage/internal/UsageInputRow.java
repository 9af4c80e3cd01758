package dev.tokenbill.usage.internal;

import dev.tokenbill.csv.CsvRow;
import java.util.List;

/** A raw usage row with the file it came from and that file's meter columns. */
public record UsageInputRow(String file, CsvRow row, List<String> meterColumns) {
}
