package dev.tokenbill.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link StoredLength} against the schema the migrations build: a column resized without the class, or a new text
 * column nobody classified, fails here rather than as a driver error in a billing run.
 */
class StoredLengthTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Text columns whose values the program makes itself, or that other code bounds (the usage pipeline cuts or
     * rejects its own fields; the paths come from the command line), so no input loader checks them against a size.
     */
    private static final Set<String> NOT_FROM_LOADED_INPUT = Set.of(
            "billing_run.period", "billing_run.mode", "billing_run.status", "billing_run.input_dir",
            "billing_run.output_dir", "usage_reject.file_name", "usage_reject.event_id", "usage_reject.reason",
            "usage_reject.raw_text", "usage_file.file_name", "usage_total.price_condition", "usage_daily.requests",
            "invoice.period", "credit_applied.period", "invoice.status", "invoice.pdf_file", "invoice_line.kind", "invoice_line.price_condition",
            "invoice_sequence.series", "run_input.file_name", "run_input.sha256", "billed_event.event_id",
            // checked against closed lists (Customer.LANGUAGES, EINVOICE_FORMATS), so no length can overflow
            "customer.language", "customer.einvoice",
            // a TaxCategory name, and a notice written by TaxRules
            "invoice.tax_category", "invoice.tax_notice", "credit_note.tax_category", "credit_note.tax_notice",
            // written by the program: a period label, a file name, a line kind, a price condition
            "credit_note.period", "credit_note.pdf_file", "credit_note_line.kind", "credit_note_line.price_condition");

    private static Map<String, String> schema;

    @BeforeAll
    static void readMigrations() throws IOException {
        schema = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<Path> ordered = files.filter(f -> f.getFileName().toString().matches("V\\d+(_\\d+)*__.*\\.sql"))
                    .sorted(Comparator.comparing(StoredLengthTest::version)).toList();
            assertThat(ordered).as("migrations in %s", MIGRATIONS).isNotEmpty();
            for (Path file : ordered) {
                apply(Files.readString(file, StandardCharsets.UTF_8), schema);
            }
        }
    }

    @Test
    void testEveryLimitIsTheSizeOfItsColumns() {
        for (StoredLength limit : StoredLength.values()) {
            assertThat(limit.columns()).as("%s names its columns", limit).isNotEmpty();
            for (String column : limit.columns()) {
                assertThat(schema.get(column)).as("%s: %s", limit, column).isEqualTo("varchar(" + limit.max() + ")");
            }
        }
    }

    @Test
    void testEveryTextColumnIsClassified() {
        Set<String> covered = new TreeSet<>(NOT_FROM_LOADED_INPUT);
        for (StoredLength limit : StoredLength.values()) {
            covered.addAll(limit.columns());
        }
        Set<String> textColumns = new TreeSet<>();
        schema.forEach((column, type) -> {
            if (type.startsWith("varchar")) {
                textColumns.add(column);
            }
        });
        // a new text column needs a StoredLength (and a loader check), or a place in NOT_FROM_LOADED_INPUT
        assertThat(covered).isEqualTo(textColumns);
    }

    @Test
    void testAmountDigitsAreThoseOfTheStoredAmounts() {
        // numeric(20, 4): 20 digits, 4 of them decimals, leave 16 before the point
        for (String column : List.of("invoice.total", "invoice_line.amount", "credit_grant.amount", "cost_pool.amount")) {
            assertThat(schema.get(column)).as(column).isEqualTo("numeric(20,4)");
        }
        assertThat(StoredLength.AMOUNT_INTEGER_DIGITS).isEqualTo(16);
    }

    @Test
    void testPlanNameLeavesRoomForTheRecurringFeeText() {
        String longestRest = " recurring fee (2026-10-21, 11/31 days, in advance)";
        assertThat(StoredLength.PLAN_NAME + longestRest.length()).isLessThanOrEqualTo(StoredLength.LINE_DESCRIPTION.max());
    }

    @Test
    void testTheParserSeesAResizedColumn() {
        Map<String, String> columns = new LinkedHashMap<>();
        apply("""
                -- a comment; with a semicolon
                create table plan_x (
                    run_id  bigint not null,
                    plan_id varchar(70) not null,
                    amount  numeric(20, 4),
                    primary key (run_id, plan_id)
                );
                alter table plan_x add column note varchar(12);
                create table gone (id varchar(1));
                drop table gone;
                """, columns);

        assertThat(columns).containsExactly(Map.entry("plan_x.run_id", "bigint"), Map.entry("plan_x.plan_id", "varchar(70)"),
                Map.entry("plan_x.amount", "numeric(20,4)"), Map.entry("plan_x.note", "varchar(12)"));
    }

    @Test
    void testTooLongNamesTheLengthAndTheLimit() {
        assertThat(StoredLength.PLAN_ID.problem("plan id", "p".repeat(70))).hasValue("plan id is 70 characters, at most 64 are stored");
        assertThat(StoredLength.PLAN_ID.problem("plan id", "p".repeat(64))).isEmpty();
        // characters, not UTF-16 units: 64 emoji fit a varchar(64)
        assertThat(StoredLength.PLAN_ID.problem("plan id", "\uD83D\uDE80".repeat(64))).isEmpty();
    }

    // a small reader of the migrations' DDL: create table, alter table ... add column, drop table, rename table

    private static final Pattern CREATE = Pattern.compile("(?is)create\\s+table\\s+(\\w+)\\s*\\((.*)\\)\\s*");
    private static final Pattern ADD = Pattern.compile("(?is)alter\\s+table\\s+(\\w+)\\s+add\\s+column\\s+(.*)");
    private static final Pattern DROP = Pattern.compile("(?is)drop\\s+table\\s+(\\w+)\\s*");
    private static final Pattern RENAME = Pattern.compile("(?is)alter\\s+table\\s+(\\w+)\\s+rename\\s+to\\s+(\\w+)\\s*");

    /** V10_1__x.sql is Flyway's version 10.1: after 10, before 11. */
    private static BigDecimal version(Path file) {
        String name = file.getFileName().toString();
        return new BigDecimal(name.substring(1, name.indexOf("__")).replaceFirst("_", "."));
    }

    static void apply(String sql, Map<String, String> columns) {
        String code = sql.replaceAll("--[^\n]*", "");
        for (String statement : code.split(";")) {
            Matcher m;
            if ((m = CREATE.matcher(statement.strip())).matches()) {
                for (String definition : topLevelParts(m.group(2))) {
                    column(m.group(1), definition, columns);
                }
            } else if ((m = ADD.matcher(statement.strip())).matches()) {
                column(m.group(1), m.group(2), columns);
            } else if ((m = DROP.matcher(statement.strip())).matches()) {
                String prefix = m.group(1).toLowerCase(Locale.ROOT) + ".";
                columns.keySet().removeIf(c -> c.startsWith(prefix));
            } else if ((m = RENAME.matcher(statement.strip())).matches()) {
                String from = m.group(1).toLowerCase(Locale.ROOT) + ".";
                String to = m.group(2).toLowerCase(Locale.ROOT) + ".";
                Map<String, String> renamed = new LinkedHashMap<>();
                columns.forEach((c, type) -> renamed.put(c.startsWith(from) ? to + c.substring(from.length()) : c, type));
                columns.clear();
                columns.putAll(renamed);
            }
        }
    }

    private static void column(String table, String definition, Map<String, String> columns) {
        String[] words = definition.strip().split("\\s+", 2);
        String name = words[0].toLowerCase(Locale.ROOT);
        if (name.equals("primary") || name.equals("constraint") || name.equals("unique")) {
            return;
        }
        Matcher type = Pattern.compile("(?i)(\\w+)(\\s*\\([^)]*\\))?").matcher(words[1]);
        assertThat(type.lookingAt()).as("type of %s.%s", table, name).isTrue();
        String size = type.group(2) == null ? "" : type.group(2).replaceAll("\\s", "");
        columns.put(table.toLowerCase(Locale.ROOT) + "." + name, type.group(1).toLowerCase(Locale.ROOT) + size);
    }

    /** The comma-separated parts of a column list, ignoring the commas inside numeric(20, 4) or primary key (a, b). */
    private static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }
}
