package dev.tokenbill.csv;

/** One record of a CSV file as read: its first physical line number and its cells in file order. */
public record CsvRecord(long line, String[] cells) {
}
