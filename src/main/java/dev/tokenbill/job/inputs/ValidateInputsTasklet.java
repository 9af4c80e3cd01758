package dev.tokenbill.job.inputs;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.StoredLength;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.csv.InputFileException;
import dev.tokenbill.job.run.RunContext;
import dev.tokenbill.usage.UsageClassifier;
import dev.tokenbill.usage.internal.UsageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Step 1: checks every input file before any billing work (catalog, customers, subscriptions,
 * credits, costs, the cost pools of billed cost-plus subscriptions, usage headers and UTF-8), and
 * records the run. Any problem fails the step with a one-line
 * message naming the file. Repeatable: it only reads, and upserts the run row. It keeps nothing of what it read
 * (customers and subscriptions stream through, see {@link ValidatedInputs}): loadCustomers reads the files again.
 */
public class ValidateInputsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ValidateInputsTasklet.class);
    private static final Pattern METER_COLUMN = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private final JdbcTemplate jdbc;
    private final String invoiceNumberPrefix;

    public ValidateInputsTasklet(JdbcTemplate jdbc, String invoiceNumberPrefix) {
        this.jdbc = jdbc;
        this.invoiceNumberPrefix = invoiceNumberPrefix;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        invoicePrefixProblem(invoiceNumberPrefix).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
        RunContext run = RunContext.of(contribution);
        Catalog catalog = run.catalog();
        CostPlusInputs costPlus = new CostPlusInputs(catalog);
        ValidatedInputs.Read read = ValidatedInputs.read(run.input(), catalog, run.period().label(), costPlus);
        costPlus.check(run.period(), read.pools(), Files.exists(run.input().resolve("costs.csv")));
        var files = UsageFiles.list(run.input());
        for (Path file : files) {
            try (CsvSource source = CsvSource.open(file, UsageClassifier.REQUIRED, Set.of(), true)) {
                for (String column : source.header()) {
                    if (!UsageClassifier.REQUIRED.contains(column) && !METER_COLUMN.matcher(column).matches()) {
                        throw new InputFileException(file.getFileName().toString(), 1, "meter column '" + column
                                + "' must be lower-case letters, digits and '_'");
                    }
                }
            }
            requireUtf8(file);
        }
        jdbc.update("delete from billing_run where run_id = ?", run.runId());
        jdbc.update("insert into billing_run (run_id, period, mode, status, input_dir, output_dir) values (?, ?, ?, ?, ?, ?)",
                run.runId(), run.period().label(), run.mode().name(), "STARTED", run.input().toString(), run.output().toString());
        log.info("inputs valid: {} plans, {} customers, {} subscriptions, {} usage files", catalog.plans().size(),
                costPlus.customers(), costPlus.subscriptions(), files.size());
        diskWarning(costPlus.customers(), usableSpace(run.output())).ifPresent(log::warn);
        return RepeatStatus.FINISHED;
    }

    /**
     * An invoice number is the prefix and at least six digits in a stored invoice number: a longer prefix would fail
     * numberInvoices of a final run, after all the rating. Empty when the prefix fits.
     */
    static Optional<String> invoicePrefixProblem(String prefix) {
        return StoredLength.tooLong("tokenbill.invoice-number-prefix", prefix, StoredLength.INVOICE_NUMBER.max() - 6)
                .map(problem -> problem + " (an invoice number is the prefix and 6 digits, at most "
                        + StoredLength.INVOICE_NUMBER.max() + " characters)");
    }

    /** Disk an invoice PDF takes, about: 90,629 invoices of a 10M-event run took 4.2 GB (46 KB each). */
    static final long PDF_BYTES = 50_000;

    /**
     * A warning when the output's disk has less room than one PDF per customer would take: a run that fills the disk
     * fails hours later, in renderInvoices. Empty when there is room or the free space is unknown (negative).
     */
    static Optional<String> diskWarning(long customers, long usableBytes) {
        long needed = customers * PDF_BYTES;
        if (usableBytes < 0 || usableBytes >= needed) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the output directory's disk has %.1f GB free, but %d customers'"
                + " invoice PDFs take about %.1f GB (%d KB each): free space before rendering, or renderInvoices will"
                + " fail when the disk is full", usableBytes / 1e9, customers, needed / 1e9, PDF_BYTES / 1000));
    }

    /** Usable bytes on the disk of {@code dir} (or of its nearest existing parent); -1 when unknown. */
    public static long usableSpace(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /**
     * Checks the whole file is strict UTF-8 in 64 KiB blocks, decoding only the blocks that are not plain ASCII;
     * fails with the line of the first bad byte. Lines are counted only then, in a second pass: a valid file is read
     * once and nothing more.
     */
    static void requireUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long consumed = 0;
        try (InputStream stream = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int carried = in.position();
                int n = stream.read(in.array(), in.position(), in.remaining());
                eof = n < 0;
                if (n > 0) {
                    in.position(in.position() + n);
                }
                in.flip();
                if (carried == 0 && isAscii(in.array(), in.limit())) {
                    // nothing carried over from a cut sequence and no byte above 0x7F: valid, and the next block
                    // starts on a character boundary (a usage file is nearly all ASCII: 8.4 GB took 21 s decoded)
                    consumed += in.limit();
                    in.clear();
                    continue;
                }
                CoderResult result = decoder.decode(in, out, eof);
                if (result.isError()) {
                    throw notUtf8(file, consumed + in.position());
                }
                consumed += in.position();
                out.clear();
                in.compact();
            }
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether the first {@code length} bytes are all ASCII (below 0x80), eight at a time. */
    static boolean isAscii(byte[] bytes, int length) {
        long high = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            high |= (long) LONGS.get(bytes, i);
        }
        for (; i < length; i++) {
            high |= bytes[i];
        }
        return (high & 0x8080808080808080L) == 0;
    }

    /** The error for a bad byte at {@code offset}: its line is 1 + the line feeds before it ('\n' is never part of a multi-byte sequence). */
    private static InputFileException notUtf8(Path file, long offset) throws IOException {
        long line = 1;
        byte[] block = new byte[1 << 16];
        try (InputStream stream = Files.newInputStream(file)) {
            long position = 0;
            for (int n = stream.read(block); n > 0 && position < offset; n = stream.read(block)) {
                for (int i = 0; i < n && position + i < offset; i++) {
                    line += block[i] == '\n' ? 1 : 0;
                }
                position += n;
            }
        }
        return new InputFileException(file.getFileName().toString(), line,
                "bytes that are not valid UTF-8 (save the file as UTF-8)");
    }
}
