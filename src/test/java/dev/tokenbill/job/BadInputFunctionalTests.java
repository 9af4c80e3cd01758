package dev.tokenbill.job;

import dev.tokenbill.job.usage.UsageSteps;
import static dev.tokenbill.testsupport.RunOutput.csv;
import static dev.tokenbill.testsupport.RunOutput.fileNames;
import static dev.tokenbill.testsupport.RunOutput.json;
import static dev.tokenbill.testsupport.RunOutput.pdfText;
import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import dev.tokenbill.generate.GeneratorSpec;
import dev.tokenbill.generate.SyntheticInput;
import dev.tokenbill.invoice.pdf.PdfText;
import dev.tokenbill.testsupport.BillingDatabase;
import dev.tokenbill.testsupport.BillingJobTest;
import dev.tokenbill.testsupport.Fixtures;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole billing job on input written to hurt it: customer text that is a spreadsheet formula,
 * control and bidi characters, path-like customer ids, a 10 MB field, a seeded 1 % of corrupted
 * usage rows, more rejects than the limit allows, and a customers.csv with a broken header or a 10 MB name.
 * Each input is built in a {@code @TempDir}; the catalog is the one of {@code fixtures/small}.
 */
@BillingJobTest
class BadInputFunctionalTests {

    private static final String PERIOD = "2026-10";
    private static final String CUSTOMER_HEADER = "customer_id,name,billing_email,address,country,currency,tax_exempt";
    private static final String SUBSCRIPTION_HEADER =
            "subscription_id,customer_id,plan_id,start_date,end_date,quantity,coupon_code";
    private static final String USAGE_HEADER = "event_id,timestamp,customer_id,model,input_tokens,output_tokens";
    private static final int TEN_MB = 10 * 1024 * 1024;
    /** The usage pipeline keeps this much of a rejected row's raw text. */
    private static final int MAX_RAW = 4000;
    private static final Set<Character> FORMULA_STARTS = Set.of('=', '+', '-', '@', '\t', '\r');

    @Autowired
    private BillingRuns runs;

    @Autowired
    private JdbcTemplate jdbc;

    @TempDir
    private Path tmp;

    @BeforeEach
    void startFromAnEmptyDatabase() {
        BillingDatabase.reset(jdbc);
    }

    /** A customer of the hostile input: its id, raw name and address as written to customers.csv, and its plan. */
    private record HostileCustomer(String id, String name, String address, String country, String currency,
            String plan, String model) {
    }

    private static final List<HostileCustomer> HOSTILE = List.of(
            new HostileCustomer("..", "=HYPERLINK(\"http://x\",\"y\")", "=HYPERLINK(\"http://x\",\"y\")\nLine 2\r\nLine 3",
                    "DE", "USD", "starter-usd", "gpt-4o"),
            new HostileCustomer(".hidden", "+cmd Hidden Holdings", "+cmd|' /C calc'!A0\n1 Dot Lane", "US", "USD",
                    "team-usd", "gpt-4o-mini"),
            new HostileCustomer("minus", "-2+3 Arithmetik GmbH", "-2+3\nRechenweg 1\n10115 Berlin", "DE", "EUR",
                    "tiered-eur", "mistral-small"),
            new HostileCustomer("at-sign", "@SUM(A1) Tableurs SARL", "@SUM(A1)\n2 rue des Cellules", "FR", "EUR",
                    "tiered-eur", "mistral-small"),
            new HostileCustomer("-rf", "Bell\u0007Escape\u001B[2J Null\u0000 Ltd", "\tTabbed Road 3\n\u0085Leeds", "GB",
                    "USD", "starter-usd", "gpt-4o"),
            new HostileCustomer("rtl_1", "Mallory \u202Efdp.exe\u202C Trading", "\u202E4 Reverse Street\u2066\n\u200FTel Aviv",
                    "US", "USD", "team-usd", "gpt-4o-mini"));

    @Test
    void hostileInput_CompletesAndWritesOnlySafeFilesInsideThePeriodDirectory() throws Exception {
        // given customers whose text is formulas, control characters and bidi overrides, path-like ids, and
        // 120 good usage rows (one with an event id starting with @) plus three bad ones: a formula as the model,
        // an unknown customer id full of control characters, and a 10 MB model field
        Path input = tmp.resolve("input");
        Path output = tmp.resolve("out");
        writeHostileInput(input);
        Set<Path> inputFiles = regularFiles(input);

        // when
        JobExecution execution = runs.start(PERIOD, false, input, output);

        // then the run completes, with the three bad rows rejected and every invoice issued
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        Path periodDir = output.resolve(PERIOD);
        JsonNode run = json(periodDir.resolve("run.json"));
        assertThat(run.get("files")).singleElement().satisfies(f -> {
            assertThat(f.get("rows_read").asLong()).isEqualTo(123);
            assertThat(f.get("accepted").asLong()).isEqualTo(120);
            assertThat(f.get("rejected").asLong()).isEqualTo(3);
        });
        assertThat(run.get("invoice_count").asInt()).isEqualTo(HOSTILE.size());

        // nothing is written outside out/<period>/, nothing is added to the input, no temporary file is left
        Set<Path> written = regularFiles(tmp);
        written.removeAll(inputFiles);
        assertThat(regularFiles(input)).isEqualTo(inputFiles);
        assertThat(written).isNotEmpty().allSatisfy(f -> {
            assertThat(f.normalize()).startsWith(periodDir);
            assertThat(f.getFileName().toString()).doesNotEndWith(".tmp");
        });
        assertThat(written).contains(periodDir.resolve("charges.csv"), periodDir.resolve("rejects.csv"),
                periodDir.resolve("summary.csv"), periodDir.resolve("margin.csv"), periodDir.resolve("plans-whatif.csv"));

        // no cell of any CSV output can start a spreadsheet formula
        for (String name : List.of("charges.csv", "rejects.csv", "summary.csv", "margin.csv", "plans-whatif.csv")) {
            for (String[] row : cells(periodDir.resolve(name))) {
                for (String cell : row) {
                    assertThat(isSpreadsheetSafe(cell)).as("cell %s of %s", printable(cell), name).isTrue();
                }
            }
        }
        // ... and the neutralising was really exercised, not vacuously true
        assertThat(csv(periodDir.resolve("charges.csv"))).extracting(r -> r.get("customer_id")).contains("'-rf");

        // rejects.csv holds each bad row with its reason; the 10 MB row's raw text is cut
        Map<String, Map<String, String>> rejects = new TreeMap<>();
        for (Map<String, String> r : csv(periodDir.resolve("rejects.csv"))) {
            rejects.put(r.get("line"), r);
        }
        assertThat(rejects).hasSize(3);
        assertThat(rejects.get("122")).satisfies(r -> {
            assertThat(r.get("file")).isEqualTo("a.csv");
            assertThat(r.get("event_id")).isEqualTo("'@SUM(1+1)");
            assertThat(r.get("reason")).contains("model '=cmd|' /C calc'!A0' is not priced by plan starter-usd");
            assertThat(r.get("raw_record")).startsWith("'@SUM(1+1),");
        });
        assertThat(rejects.get("123")).satisfies(r -> assertThat(r.get("reason")).contains("unknown customer"));
        assertThat(rejects.get("124")).satisfies(r -> {
            assertThat(r.get("reason")).contains("field model is longer than 256 characters");
            assertThat(r.get("raw_record")).startsWith("huge-1,2026-10-20T10:00:00Z,acme-like,xxxxxxxx")
                    .hasSizeLessThanOrEqualTo(MAX_RAW);
        });

        // every PDF renders, shows its own customer's name and no other's, and has a plain file name
        Path invoicesDir = periodDir.resolve("invoices");
        List<Map<String, Object>> invoices = jdbc.queryForList(
                "select customer_id, pdf_file from invoice where run_id = ? order by customer_id",
                execution.getJobInstanceId());
        assertThat(invoices).extracting(r -> r.get("customer_id"))
                .containsExactlyInAnyOrderElementsOf(HOSTILE.stream().map(HostileCustomer::id).toList());
        assertThat(fileNames(invoicesDir)).hasSize(HOSTILE.size()).allSatisfy(name -> {
            assertThat(name).doesNotContain("/", "\\", "\u0000").matches("[A-Za-z0-9._-]+\\.pdf");
            assertThat(invoicesDir.resolve(name).normalize().getParent()).isEqualTo(invoicesDir);
        });
        for (Map<String, Object> invoice : invoices) {
            String customerId = (String) invoice.get("customer_id");
            String pdfFile = (String) invoice.get("pdf_file");
            assertThat(pdfFile).doesNotContain("/", "\\").isNotIn(".", "..");
            String text = pdfText(invoicesDir.resolve(pdfFile));
            for (HostileCustomer customer : HOSTILE) {
                String printedName = PdfText.clean(customer.name());
                if (customer.id().equals(customerId)) {
                    assertThat(text).as("PDF of %s", customerId).contains(printedName);
                } else {
                    assertThat(text).as("PDF of %s", customerId).doesNotContain(printedName);
                }
            }
            assertThat(text).as("PDF of %s", customerId).doesNotContain("\u202E", "\u0007", "\u001B", "\u0000");
        }
    }

    @Test
    void onePercentCorruptedRows_AreEachRejectedAndLeaveEveryInvoiceAsTheCleanRunHasIt() throws Exception {
        // given a clean generated month, and a copy where a corrupted row (fresh event id) follows 1 % of the rows
        Path clean = tmp.resolve("clean");
        SyntheticInput.write(clean, GeneratorSpec.of(50, 5000, PERIOD, 7L).withBadRate(0).withFiles(1));
        Path corrupted = tmp.resolve("corrupted");
        copyTree(clean, corrupted);
        Path usageFile;
        try (Stream<Path> files = Files.list(corrupted.resolve("usage"))) {
            usageFile = files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        }
        long seed = 20261007L;
        Map<Long, Corruption> corruptedLines = corrupt(usageFile, new Random(seed));
        assertThat(corruptedLines).as("seed %d", seed).hasSize(50);
        JobExecution cleanRun = runs.start(PERIOD, false, clean, tmp.resolve("out-clean"));
        assertThat(cleanRun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(csv(tmp.resolve("out-clean").resolve(PERIOD).resolve("rejects.csv"))).isEmpty();
        Map<String, String> cleanTotals = invoiceTotals(cleanRun.getJobInstanceId());
        List<String> cleanLines = invoiceLines(cleanRun.getJobInstanceId());
        assertThat(cleanTotals).hasSizeGreaterThan(10);

        // when
        Path output = tmp.resolve("out-corrupted");
        JobExecution execution = runs.start(PERIOD, false, corrupted, output);

        // then the run completes; every corrupted row is rejected with its reason, and nothing else is
        assertThat(execution.getStatus()).as("seed %d", seed).isEqualTo(BatchStatus.COMPLETED);
        String fileName = usageFile.getFileName().toString();
        List<Map<String, String>> rejects = csv(output.resolve(PERIOD).resolve("rejects.csv"));
        assertThat(rejects).extracting(r -> r.get("file") + ":" + r.get("line")).as("seed %d", seed)
                .containsExactlyInAnyOrderElementsOf(corruptedLines.keySet().stream().map(l -> fileName + ":" + l).toList());
        for (Map<String, String> reject : rejects) {
            Corruption corruption = corruptedLines.get(Long.parseLong(reject.get("line")));
            assertThat(reject.get("reason")).as("line %s, %s, seed %d", reject.get("line"), corruption, seed)
                    .contains(corruption.reason);
            assertThat(reject.get("raw_record")).isNotEmpty();
        }
        JsonNode counts = json(output.resolve(PERIOD).resolve("run.json")).get("files").get(0);
        assertThat(counts.get("rejected").asLong()).isEqualTo(50);
        assertThat(counts.get("rows_read").asLong()).isEqualTo(5050);
        // ... and every invoice is what the clean run made of it
        assertThat(invoiceTotals(execution.getJobInstanceId())).as("seed %d", seed).isEqualTo(cleanTotals);
        assertThat(invoiceLines(execution.getJobInstanceId())).as("seed %d", seed).isEqualTo(cleanLines);
    }

    @Test
    void moreRejectsThanTheShareAllows_FailsTheRunWithTheCountsAndWritesRejectsCsv() throws Exception {
        // given the small fixture (1 reject in 21 rows) and a third usage file with two more bad rows: 3 of 23 = 13 %
        Path input = tmp.resolve("input");
        copyTree(Fixtures.input("small"), input);
        Files.writeString(input.resolve("usage").resolve("c.csv"), USAGE_HEADER + "\n"
                + "bad-1,2026-10-05T10:00:00Z,acme,gpt-4o,-5,10\n"
                + "bad-2,yesterday,acme,gpt-4o,5,10\n", StandardCharsets.UTF_8);
        Path output = tmp.resolve("out");

        // when
        JobExecution execution = runs.start(PERIOD, false, input, output);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
        assertThat(failedStep(execution)).isEqualTo("checkUsage");
        assertThat(execution.getAllFailureExceptions()).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(UsageSteps.RejectLimitExceededException.class);
            assertThat(e.getMessage()).contains("3 of 23 usage rows were rejected (13.04 %)",
                    "over the limit of 5 % (tokenbill.max-reject-share)", "rejects.csv").doesNotContain("\n");
        });
        assertThat(csv(output.resolve(PERIOD).resolve("rejects.csv")))
                .extracting(r -> r.get("file") + ":" + r.get("line") + " " + r.get("event_id"))
                .containsExactly("b.csv:7 e-012", "c.csv:2 bad-1", "c.csv:3 bad-2");
        assertThat(output.resolve(PERIOD).resolve("charges.csv")).doesNotExist();
        assertThat(jdbc.queryForObject("select count(*) from invoice", Integer.class)).isZero();
    }

    @Test
    void aDuplicatedHeaderColumnInCustomersCsv_FailsValidateInputsBeforeAnyUsageIsRead() throws Exception {
        // given the small fixture with "name" twice in the header of customers.csv
        Path input = tmp.resolve("input");
        copyTree(Fixtures.input("small"), input);
        Path customers = input.resolve("customers.csv");
        String content = Files.readString(customers, StandardCharsets.UTF_8);
        Files.writeString(customers, content.replaceFirst(CUSTOMER_HEADER, CUSTOMER_HEADER + ",name"),
                StandardCharsets.UTF_8);

        // when
        JobExecution execution = runs.start(PERIOD, false, input, tmp.resolve("out"));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("validateInputs");
        assertThat(failedStep(execution)).isEqualTo("validateInputs");
        assertThat(execution.getAllFailureExceptions()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("customers.csv:1: column 'name' appears twice in the header"));
        assertThat(jdbc.queryForObject("select count(*) from usage_file", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from customer", Integer.class)).isZero();
        assertThat(tmp.resolve("out").resolve(PERIOD).resolve("invoices")).doesNotExist();
    }

    @Test
    void aCustomerNameLongerThanTheDatabaseHolds_FailsValidateInputsNamingTheFileAndLine() throws Exception {
        // given the small fixture with a 10 MB name for bluefin (line 6 of customers.csv)
        Path input = tmp.resolve("input");
        copyTree(Fixtures.input("small"), input);
        Path customers = input.resolve("customers.csv");
        String content = Files.readString(customers, StandardCharsets.UTF_8);
        Files.writeString(customers, content.replace("\"Bluefin Analytics, LLC\"", "x".repeat(TEN_MB)),
                StandardCharsets.UTF_8);

        // when
        JobExecution execution = runs.start(PERIOD, false, input, tmp.resolve("out"));

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(failedStep(execution)).isEqualTo("validateInputs");
        assertThat(execution.getAllFailureExceptions()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo("customers.csv:6: name is " + TEN_MB + " characters, at most 1000 are stored"));
        assertThat(jdbc.queryForObject("select count(*) from usage_file", Integer.class)).isZero();
    }

    @Test
    void aPlanIdLongerThanTheDatabaseHolds_FailsValidateInputsNotLoadCustomers() throws Exception {
        // given the small fixture with plan starter-usd renamed to a 70-character id, in the catalog and subscriptions.csv
        Path input = tmp.resolve("input");
        copyTree(Fixtures.input("small"), input);
        String longId = "starter-" + "x".repeat(62);
        Path catalog = input.resolve("catalog.yaml");
        List<String> catalogLines = Files.readAllLines(catalog, StandardCharsets.UTF_8);
        int idLine = catalogLines.indexOf("  - id: starter-usd") + 1;
        assertThat(idLine).isPositive();
        replace(catalog, "starter-usd", longId);
        replace(input.resolve("subscriptions.csv"), "starter-usd", longId);

        // when
        JobExecution execution = runs.start(PERIOD, false, input, tmp.resolve("out"));

        // then
        assertFailedInValidateInputs(execution, catalog + ":" + idLine + ": plan id is 70 characters, at most 64 are stored");
    }

    @Test
    void aFixedYenCouponWithHalfAYen_FailsValidateInputsNamingTheCatalogLine() throws Exception {
        // given the small fixture whose catalog ends with a fixed coupon of JPY 100.5 (a yen has no decimals)
        Path input = tmp.resolve("input");
        copyTree(Fixtures.input("small"), input);
        Path catalog = input.resolve("catalog.yaml");
        String content = Files.readString(catalog, StandardCharsets.UTF_8);
        long couponLine = content.lines().count() + 2;
        Files.writeString(catalog, content + "coupons:\n"
                + "  - {code: YEN, type: fixed, amount: \"100.5\", currency: JPY, duration: once}\n", StandardCharsets.UTF_8);

        // when
        JobExecution execution = runs.start(PERIOD, false, input, tmp.resolve("out"));

        // then it stops before rating, where Money.of used to fail with "Rounding necessary" and no file or line
        assertFailedInValidateInputs(execution,
                catalog + ":" + couponLine + ": coupon YEN amount 100.5 has more decimals than JPY allows (0)");
    }

    @Test
    void aCostPlusSubscriptionWithoutThePeriodsCostPools_FailsValidateInputsNamingItsLine() throws Exception {
        // given the money fixture (foxtrot on cost-plus plan infra-usd, line 7 of subscriptions.csv) whose costs.csv
        // keeps only November's pools, billed for October
        Path input = tmp.resolve("input");
        copyTree(Fixtures.input("money"), input);
        List<String> subscriptions = Files.readAllLines(input.resolve("subscriptions.csv"), StandardCharsets.UTF_8);
        assertThat(subscriptions.get(6)).startsWith("sub-foxtrot,foxtrot,infra-usd,");
        Path costs = input.resolve("costs.csv");
        Files.write(costs, Files.readAllLines(costs, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith(PERIOD)).toList(), StandardCharsets.UTF_8);

        // when
        JobExecution execution = runs.start(PERIOD, false, input, tmp.resolve("out"));

        // then
        assertFailedInValidateInputs(execution, "subscriptions.csv:7: subscription sub-foxtrot is on cost-plus plan"
                + " infra-usd, but costs.csv has no cost pool for 2026-10: it would bill 0.00 (add the period's pools to"
                + " costs.csv)");
    }

    /** The run failed in its first step with exactly {@code message}, before any customer, usage or invoice was stored. */
    private void assertFailedInValidateInputs(JobExecution execution, String message) {
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("validateInputs");
        assertThat(execution.getAllFailureExceptions()).singleElement().satisfies(e -> assertThat(e.getMessage())
                .isEqualTo(message));
        assertThat(jdbc.queryForObject("select count(*) from customer", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from usage_file", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from invoice", Integer.class)).isZero();
        assertThat(tmp.resolve("out").resolve(PERIOD).resolve("invoices")).doesNotExist();
    }

    private static void replace(Path file, String text, String replacement) throws IOException {
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace(text, replacement),
                StandardCharsets.UTF_8);
    }

    /** The reject share is a setting: lowered to 1 %, the small fixture's one reject in 21 rows fails the run. */
    @Nested
    @TestPropertySource(properties = "tokenbill.max-reject-share=0.01")
    class WithALowerRejectShare {

        // its own context (another property), so its own beans and database: the outer fields belong to the other one
        @Autowired
        private BillingRuns lowShareRuns;

        @Autowired
        private JdbcTemplate lowShareJdbc;

        @TempDir
        private Path output;

        @Test
        void theSmallFixturesOneRejectFailsTheRun() throws Exception {
            // given the small fixture (1 of 21 rows rejected: 4.76 %) and no earlier run
            BillingDatabase.reset(lowShareJdbc);

            // when
            JobExecution execution = lowShareRuns.start(PERIOD, false, Fixtures.input("small"), output);

            // then
            assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
            assertThat(failedStep(execution)).isEqualTo("checkUsage");
            assertThat(execution.getAllFailureExceptions()).singleElement().satisfies(e -> assertThat(e.getMessage())
                    .contains("1 of 21 usage rows were rejected (4.76 %)", "over the limit of 1 % (tokenbill.max-reject-share)"));
            assertThat(csv(output.resolve(PERIOD).resolve("rejects.csv"))).singleElement()
                    .satisfies(r -> assertThat(r.get("event_id")).isEqualTo("e-012"));
        }
    }

    // the hostile input

    private static void writeHostileInput(Path input) throws IOException {
        Files.createDirectories(input.resolve("usage"));
        Files.copy(Fixtures.input("small").resolve("catalog.yaml"), input.resolve("catalog.yaml"));
        try (Writer out = Files.newBufferedWriter(input.resolve("customers.csv"), StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n")) {
            csv.writeNext(CUSTOMER_HEADER.split(","), false);
            for (HostileCustomer c : HOSTILE) {
                csv.writeNext(new String[] {c.id(), c.name(), "=cmd|' /C calc'!A0@" + c.id() + ".example", c.address(),
                        c.country(), c.currency(), "false"});
            }
        }
        try (Writer out = Files.newBufferedWriter(input.resolve("subscriptions.csv"), StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n")) {
            csv.writeNext(SUBSCRIPTION_HEADER.split(","), false);
            int n = 0;
            for (HostileCustomer c : HOSTILE) {
                csv.writeNext(new String[] {"sub-" + ++n, c.id(), c.plan(), "2026-01-01", "", "1", ""});
            }
        }
        try (Writer out = Files.newBufferedWriter(input.resolve("usage").resolve("a.csv"), StandardCharsets.UTF_8);
                ICSVWriter csv = new CSVWriter(out, ',', '"', '"', "\n")) {
            csv.writeNext(USAGE_HEADER.split(","), false);
            int n = 0;
            for (int day = 1; day <= 20; day++) {
                for (HostileCustomer c : HOSTILE) {
                    String eventId = ++n == 1 ? "@accepted-1" : "ev-" + n;
                    csv.writeNext(new String[] {eventId, String.format("2026-10-%02dT12:00:00Z", day), c.id(), c.model(),
                            Integer.toString(1000 * day), Integer.toString(100 * day)});
                }
            }
            // lines 122 to 124: three bad rows
            csv.writeNext(new String[] {"@SUM(1+1)", "2026-10-20T10:00:00Z", "..", "=cmd|' /C calc'!A0", "1", "1"});
            csv.writeNext(new String[] {"ghost-1", "2026-10-20T10:00:00Z", "gh\u0007ost\u202E", "gpt-4o", "1", "1"});
            csv.writeNext(new String[] {"huge-1", "2026-10-20T10:00:00Z", "acme-like", "x".repeat(TEN_MB), "1", "1"});
        }
    }

    private static boolean isSpreadsheetSafe(String cell) {
        return cell.isEmpty() || !FORMULA_STARTS.contains(cell.charAt(0)) || cell.matches("[+-]?\\d+(\\.\\d+)?");
    }

    private static String printable(String cell) {
        String cut = cell.length() > 80 ? cell.substring(0, 80) + "..." : cell;
        return cut.codePoints().mapToObj(c -> c < 0x20 || (c >= 0x200E && c <= 0x2069)
                ? String.format("\\u%04X", c) : Character.toString(c)).collect(Collectors.joining());
    }

    // the corrupted copy

    /** The ways a copied usage row is corrupted, each with the reason the run must give. */
    private enum Corruption {
        BAD_TIMESTAMP("is not an ISO-8601 instant"),
        NEGATIVE_QUANTITY("is negative"),
        NON_NUMERIC_QUANTITY("is not a number"),
        UNKNOWN_CUSTOMER("unknown customer 'no-such-customer'"),
        WRONG_COLUMN_COUNT("wrong number of columns");

        final String reason;

        Corruption(String reason) {
            this.reason = reason;
        }

        List<String> apply(List<String> cells, int meterFrom) {
            List<String> out = new ArrayList<>(cells);
            switch (this) {
                case BAD_TIMESTAMP -> out.set(1, "2026-10-32T25:61:00Z");
                case NEGATIVE_QUANTITY -> out.set(positiveMeter(out, meterFrom), "-" + out.get(positiveMeter(out, meterFrom)));
                case NON_NUMERIC_QUANTITY -> out.set(positiveMeter(out, meterFrom), "twelve");
                case UNKNOWN_CUSTOMER -> out.set(2, "no-such-customer");
                case WRONG_COLUMN_COUNT -> out.remove(out.size() - 1);
            }
            return out;
        }

        private static int positiveMeter(List<String> cells, int meterFrom) {
            for (int i = meterFrom; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty() && new BigDecimal(cells.get(i)).signum() > 0) {
                    return i;
                }
            }
            throw new IllegalStateException("a generated row without a positive quantity: " + cells);
        }
    }

    /**
     * Inserts after 1 % of the in-period data rows (chosen by {@code random}) a corrupted copy with a fresh event
     * id, the kinds taken in turn. Returns the corrupted rows' line numbers (generated usage rows are one line each).
     */
    private static Map<Long, Corruption> corrupt(Path usageFile, Random random) throws IOException {
        List<String> lines = Files.readAllLines(usageFile, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int meterFrom = 4;
        assertThat(header.subList(0, meterFrom)).containsExactly("event_id", "timestamp", "customer_id", "model");
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i)).doesNotContain("\"");
            String timestamp = lines.get(i).split(",", -1)[1];
            if (Instant.parse(timestamp).toString().startsWith(PERIOD)) {
                candidates.add(i);
            }
        }
        int count = Math.round((lines.size() - 1) / 100f);
        Collections.shuffle(candidates, random);
        Set<Integer> chosen = new TreeSet<>(candidates.subList(0, count));
        List<String> out = new ArrayList<>();
        Map<Long, Corruption> corrupted = new LinkedHashMap<>();
        Corruption[] kinds = Corruption.values();
        for (int i = 0; i < lines.size(); i++) {
            out.add(lines.get(i));
            if (chosen.contains(i)) {
                Corruption kind = kinds[corrupted.size() % kinds.length];
                List<String> cells = new ArrayList<>(Arrays.asList(lines.get(i).split(",", -1)));
                cells.set(0, "corrupt-" + (corrupted.size() + 1));
                out.add(String.join(",", kind.apply(cells, meterFrom)));
                corrupted.put((long) out.size(), kind);
            }
        }
        Files.write(usageFile, out, StandardCharsets.UTF_8);
        return corrupted;
    }

    // helpers

    /** Subtotal, discounts, tax, total and amount due of each invoice of a run, by customer. */
    private Map<String, String> invoiceTotals(long runId) {
        Map<String, String> totals = new TreeMap<>();
        jdbc.query("select * from invoice where run_id = ?", rs -> {
            totals.put(rs.getString("customer_id"), rs.getString("currency") + " " + plain(rs.getBigDecimal("subtotal"))
                    + " - " + plain(rs.getBigDecimal("discounts")) + " + " + plain(rs.getBigDecimal("tax")) + " = "
                    + plain(rs.getBigDecimal("total")) + ", due " + plain(rs.getBigDecimal("amount_due")));
        }, runId);
        return totals;
    }

    private List<String> invoiceLines(long runId) {
        return jdbc.query("select * from invoice_line where run_id = ? order by customer_id, position",
                (rs, n) -> rs.getString("customer_id") + "#" + rs.getInt("position") + " " + rs.getString("kind") + " "
                        + rs.getString("description") + " " + plain(rs.getBigDecimal("amount")), runId);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static String failedStep(JobExecution execution) {
        return execution.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(StepExecution::getStepName).findFirst().orElse(null);
    }

    private static List<String[]> cells(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(reader)) {
            return csv.readAll();
        }
    }

    private static Set<Path> regularFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(Path::normalize).collect(Collectors.toCollection(HashSet::new));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
