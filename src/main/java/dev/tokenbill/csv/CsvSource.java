package dev.tokenbill.csv;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an RFC 4180 CSV input file with opencsv: strict UTF-8 (a BOM is skipped; other invalid
 * bytes fail the file), columns found by header name. The header must hold every required column,
 * no column twice, and no column outside {@code required + optional} unless {@code extraAllowed}.
 * File-level problems throw {@link InputFileException}; rows are returned as {@link CsvRow}s.
 */
public final class CsvSource implements Closeable {

    private final Path file;
    private final String fileName;
    private final CSVReader reader;
    private final List<String> header;
    private long linesRead;
    /** Lines before the reader's first (a range of a file): added to the reader's line count. */
    private final long lineOffset;

    private CsvSource(Path file, String fileName, CSVReader reader, List<String> header, long linesRead) {
        this(file, fileName, reader, header, linesRead, 0);
    }

    private CsvSource(Path file, String fileName, CSVReader reader, List<String> header, long linesRead,
            long lineOffset) {
        this.lineOffset = lineOffset;
        this.file = file;
        this.fileName = fileName;
        this.reader = reader;
        this.header = header;
        this.linesRead = linesRead;
    }

    public static CsvSource open(Path file, Set<String> required, Set<String> optional, boolean extraAllowed) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(name, 0, "file not found (looked for " + file + ")");
        }
        if (!Files.isReadable(file)) {
            throw new InputFileException(name, 0, "file is not readable");
        }
        try {
            CSVReader reader = reader(utf8(Files.newInputStream(file)));
            return new CsvSource(file, name, reader, readHeader(reader, name, required, optional, extraAllowed),
                    reader.getLinesRead());
        } catch (CharacterCodingException e) {
            throw notUtf8(file, name);
        } catch (IOException | CsvValidationException e) {
            throw new InputFileException(name, 0, "cannot read the file: " + describe(e));
        }
    }

    /**
     * The records in bytes [{@code from}, {@code to}) of a file, a range that starts at a record's first byte and
     * ends after a record's last (see {@code UsageRanges}): the header is read and checked as by {@link #open} from
     * the file's start, and the range's first record is numbered as the line after {@code linesBefore}.
     */
    public static CsvSource openRange(Path file, Set<String> required, Set<String> optional, boolean extraAllowed,
            long from, long to, long linesBefore) {
        if (from == 0) {
            CsvSource whole = open(file, required, optional, extraAllowed);
            try {
                whole.reader.close();
                CSVReader reader = reader(utf8(range(file, 0, to)));
                reader.readNext();
                return new CsvSource(file, whole.fileName, reader, whole.header, reader.getLinesRead());
            } catch (CharacterCodingException e) {
                throw notUtf8(file, whole.fileName);
            } catch (IOException | CsvValidationException e) {
                throw new InputFileException(whole.fileName, 0, "cannot read the file: " + describe(e));
            }
        }
        List<String> header;
        try (CsvSource whole = open(file, required, optional, extraAllowed)) {
            header = whole.header;
        } catch (IOException e) {
            throw new InputFileException(file.getFileName().toString(), 0, "cannot read the file: " + describe(e));
        }
        try {
            return new CsvSource(file, file.getFileName().toString(), reader(utf8(range(file, from, to))), header,
                    linesBefore, linesBefore);
        } catch (IOException e) {
            throw new InputFileException(file.getFileName().toString(), 0, "cannot read the file: " + describe(e));
        }
    }

    private static InputStream range(Path file, long from, long to) throws IOException {
        java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file);
        channel.position(from);
        InputStream in = java.nio.channels.Channels.newInputStream(channel);
        return new java.io.FilterInputStream(in) {
            private long left = to - from;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(n, 0);
                return n;
            }
        };
    }

    private static CSVReader reader(Reader input) {
        return new CSVReaderBuilder(input)
                    // RFC 4180 has no escape character: opencsv's default backslash escape dropped the
                    // backslashes of C:\dir and failed a file on a quoted cell ending in one. opencsv
                    // cannot switch escaping off, so NUL (never text) is the escape character.
                    .withCSVParser(new CSVParserBuilder().withStrictQuotes(false)
                            .withEscapeChar(ICSVParser.NULL_CHARACTER).build())
                    .withKeepCarriageReturn(false)
                    .withMultilineLimit(1000)
                    // no mark/read/reset of the reader before every line to see whether it is at its end (6 % of
                    // readUsage at 10M events): the end shows as readLine's null all the same
                    .withVerifyReader(false)
                    .build();
    }

    private static List<String> readHeader(CSVReader reader, String name, Set<String> required, Set<String> optional,
            boolean extraAllowed) throws IOException, CsvValidationException {
            String[] first = reader.readNext();
            if (first == null) {
                throw new InputFileException(name, 0, "file is empty: expected a header line");
            }
            List<String> header = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < first.length; i++) {
                String column = i == 0 ? stripBom(first[i]).strip() : first[i].strip();
                if (!seen.add(column)) {
                    throw new InputFileException(name, 1, "column '" + column + "' appears twice in the header");
                }
                if (!extraAllowed && !required.contains(column) && !optional.contains(column)) {
                    throw new InputFileException(name, 1, "unknown column '" + column + "' (expected: "
                            + String.join(",", required) + (optional.isEmpty() ? "" : "," + String.join(",", optional)) + ")");
                }
                header.add(column);
            }
            for (String column : required) {
                if (!seen.contains(column)) {
                    throw new InputFileException(name, 1, "missing column '" + column + "' in the header");
                }
            }
            return List.copyOf(header);
    }

    public List<String> header() {
        return header;
    }

    public String fileName() {
        return fileName;
    }

    /** The next record, or null at the end of the file. */
    public CsvRow next() {
        CsvRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        String[] cells = record.cells();
        Map<String, String> byName = new LinkedHashMap<>();
        for (int i = 0; i < cells.length && i < header.size(); i++) {
            byName.put(header.get(i), cells[i]);
        }
        return new CsvRow(record.line(), byName, cells.length, header.size(), String.join(",", cells));
    }

    /** The next record as its cells in header order (the fast path of the usage pipeline), or null at the end. */
    public CsvRecord nextRecord() {
        long startLine = linesRead + 1;
        String[] cells;
        try {
            cells = reader.readNext();
        } catch (CharacterCodingException e) {
            throw notUtf8(file, fileName);
        } catch (IOException | CsvValidationException e) {
            throw new InputFileException(fileName, startLine, "cannot parse the record: " + describe(e));
        }
        linesRead = lineOffset + reader.getLinesRead();
        return cells == null ? null : new CsvRecord(startLine, cells);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static Reader utf8(InputStream in) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    /**
     * The decoder reports a bad byte when it fills its buffer, up to 64 KiB ahead of the record being
     * parsed, so the line of the first bad byte is found by scanning the file again.
     */
    private static InputFileException notUtf8(Path file, String name) {
        long line;
        try {
            line = firstInvalidUtf8Line(file);
        } catch (IOException e) {
            line = 0;
        }
        return new InputFileException(name, line, "bytes that are not valid UTF-8 (save the file as UTF-8)");
    }

    /** The 1-based line of the first byte that is not valid UTF-8, or 0 if there is none. */
    static long firstInvalidUtf8Line(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            for (boolean eof = false; !eof; ) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                eof = n < 0;
                in.position(in.position() + Math.max(n, 0)).flip();
                CoderResult result = decoder.decode(in, out, eof);
                // '\n' (0x0A) never occurs inside a multi-byte UTF-8 sequence: count the bytes consumed
                for (int i = 0; i < in.position(); i++) {
                    line += in.get(i) == '\n' ? 1 : 0;
                }
                if (result.isError()) {
                    return line;
                }
                out.clear();
                in.compact();
            }
        }
        return 0;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
