package dev.tokenbill.csv;

import java.util.Map;

/**
 * One record of a CSV file: its first physical line number, its cells by column name (missing
 * cells are absent, so {@link #get} returns ""), the number of cells found and the raw text.
 */
public record CsvRow(long line, Map<String, String> cells, int cellCount, int expectedCount, String raw) {

    public String get(String column) {
        String value = cells.get(column);
        return value == null ? "" : value;
    }

    public boolean hasExpectedCellCount() {
        return cellCount == expectedCount;
    }
}
