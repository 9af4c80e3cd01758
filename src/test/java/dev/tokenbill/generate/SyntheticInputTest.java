package dev.tokenbill.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.period.BillingPeriod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticInputTest {

    private static final GeneratorSpec SPEC = GeneratorSpec.of(2_000, 50_000, "2026-10", 42).withFiles(3);

    @TempDir
    Path tmp;

    @Test
    void testSameSeed_ByteIdenticalFiles() throws Exception {
        // when
        SyntheticInput.write(tmp.resolve("a"), SPEC);
        SyntheticInput.write(tmp.resolve("b"), SPEC);

        // then
        Map<String, String> a = sha256(tmp.resolve("a"));
        assertThat(a).containsOnlyKeys("catalog.yaml", "customers.csv", "subscriptions.csv",
                "usage/part-0001.csv", "usage/part-0002.csv", "usage/part-0003.csv");
        assertThat(sha256(tmp.resolve("b"))).isEqualTo(a);
        assertThat(Files.readAllBytes(tmp.resolve("a/catalog.yaml"))).isEqualTo(SyntheticInput.catalogBytes());
    }

    @Test
    void testDifferentSeed_DifferentFiles() throws Exception {
        // when
        SyntheticInput.write(tmp.resolve("a"), SPEC);
        SyntheticInput.write(tmp.resolve("b"), SPEC.withSeed(43));

        // then: everything but the catalog differs
        Map<String, String> a = sha256(tmp.resolve("a"));
        Map<String, String> b = sha256(tmp.resolve("b"));
        assertThat(b).containsOnlyKeys(a.keySet());
        a.forEach((file, hash) -> {
            if (!file.equals("catalog.yaml")) {
                assertThat(b.get(file)).as(file).isNotEqualTo(hash);
            }
        });
    }

    @Test
    void testCleanInput_EveryRowIsAValidEventOfAnActiveSubscription() throws Exception {
        // given
        GeneratorSpec clean = SPEC.withBadRate(0);

        // when
        GenerationReport report = SyntheticInput.write(tmp, clean);

        // then
        GeneratedInput input = new GeneratedInput(tmp);
        assertThat(report.dirtRows()).isZero();
        assertThat(input.usage).hasSize(50_000);
        assertThat(input.customers).hasSize(2_000);
        assertSubscriptionsConsistent(input, report);
        Map<String, String[]> seen = new HashMap<>();
        BillingPeriod period = clean.period();
        for (String[] row : input.usage) {
            assertThat(input.classify(row, period.start(), period.end(), seen)).as(String.join(",", row)).isNull();
        }
        assertThat(seen).hasSize(50_000);
    }

    @Test
    void testDirtyInput_RowsAreTheEventsPlusTheReportedDirt() throws Exception {
        // given: 1% dirt gives about 500 dirty rows of every kind
        GeneratorSpec dirty = SPEC.withBadRate(0.01);

        // when
        GenerationReport report = SyntheticInput.write(tmp, dirty);

        // then
        GeneratedInput input = new GeneratedInput(tmp);
        Map<DirtKind, Long> found = new EnumMap<>(DirtKind.class);
        Map<String, String[]> seen = new HashMap<>();
        for (String[] row : input.usage) {
            DirtKind kind = input.classify(row, dirty.period().start(), dirty.period().end(), seen);
            if (kind != null) {
                found.merge(kind, 1L, Long::sum);
            }
        }
        assertThat(seen).as("valid in-period events, each counted once").hasSize(50_000);
        assertThat(input.usage).hasSize((int) report.usageRows());
        assertThat(found).isEqualTo(report.dirt());
        assertThat(found).containsOnlyKeys(DirtKind.values());
        assertThat(report.dirt(DirtKind.OUT_OF_PERIOD)).isEqualTo(DirtRows.outOfPeriodCount(50_000, 0.01)).isEqualTo(25);
    }

    @Test
    void testDirt_LeavesTheCleanEventsUnchanged() throws Exception {
        // when
        SyntheticInput.write(tmp.resolve("clean"), SPEC.withBadRate(0));
        SyntheticInput.write(tmp.resolve("dirty"), SPEC.withBadRate(0.01));

        // then: the first row of every clean event id is the same row in the same order
        List<String> clean = new GeneratedInput(tmp.resolve("clean")).usage.stream().map(r -> String.join(",", r)).toList();
        List<String> firsts = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (String[] row : new GeneratedInput(tmp.resolve("dirty")).usage) {
            if (!row[0].contains("-x") && seen.putIfAbsent(row[0], true) == null) {
                firsts.add(String.join(",", row));
            }
        }
        assertThat(firsts).isEqualTo(clean);
    }

    @Test
    void testDailyPeriod_MoreFilesThanEvents() throws Exception {
        // given
        GeneratorSpec spec = new GeneratorSpec(3, 5, BillingPeriod.parse("2026-11-21"), 7, 8, 0);

        // when
        GenerationReport report = SyntheticInput.write(tmp, spec);

        // then
        GeneratedInput input = new GeneratedInput(tmp);
        assertThat(report.usageFiles()).hasSize(8);
        assertThat(input.usage).hasSize(5).allSatisfy(row -> assertThat(row[1]).startsWith("2026-11-21T"));
    }

    @Test
    void testNonEmptyDirectory_RefusedUnlessReplacing() throws Exception {
        // given
        SyntheticInput.write(tmp, SPEC.withFiles(4));

        // when / then
        assertThatThrownBy(() -> SyntheticInput.write(tmp, SPEC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not empty");
        SyntheticInput.write(tmp, SPEC, true);
        assertThat(sha256(tmp).keySet()).filteredOn(f -> f.startsWith("usage/")).hasSize(3);
    }

    private static void assertSubscriptionsConsistent(GeneratedInput input, GenerationReport report) {
        int count = 0;
        for (String[] customer : input.customers.values()) {
            List<GeneratedInput.Subscription> subs = new ArrayList<>(input.subscriptions.get(customer[0]));
            subs.sort(Comparator.comparing(GeneratedInput.Subscription::start));
            count += subs.size();
            LocalDate previousEnd = null;
            for (GeneratedInput.Subscription sub : subs) {
                assertThat(input.catalog.plan(sub.plan()).orElseThrow().currency().getCurrencyCode())
                        .as(sub.id()).isEqualTo(customer[5]);
                assertThat(input.catalog.taxFor(customer[4])).as(customer[0]).isPresent();
                if (previousEnd != null) {
                    assertThat(sub.start()).as("a plan change starts the day the previous plan ends").isEqualTo(previousEnd);
                }
                previousEnd = sub.end() == null ? LocalDate.MAX : sub.end();
            }
        }
        assertThat(count).isEqualTo(report.subscriptions());
    }

    /** The sha-256 of every file under {@code dir}, by relative path. */
    private static Map<String, String> sha256(Path dir) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                    hashes.put(dir.relativize(file).toString().replace('\\', '/'), HexFormat.of().formatHex(hash));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return hashes;
    }
}
