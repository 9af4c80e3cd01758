package dev.tokenbill.usage.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.catalog.PriceCondition;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionSumsTest {

    @TempDir
    Path dir;

    /** Subscriptions given out of order: a/s1, a/s5, b/s9, c/s2 is their key order (customer, then subscription). */
    private static final SubscriptionIndex INDEX = index();

    private static SubscriptionIndex index() {
        return new SubscriptionIndex(new ArrayList<>(List.of(new String[] {"b", "s9"}, new String[] {"a", "s5"},
                new String[] {"c", "s2"}, new String[] {"a", "s1"})));
    }

    @Test
    void testSubscriptionIndex_NumbersInKeyOrder() {
        SubscriptionIndex index = index();
        assertThat(index.number("a", "s1")).isZero();
        assertThat(index.number("a", "s5")).isEqualTo(1);
        assertThat(index.number("b", "s9")).isEqualTo(2);
        assertThat(index.number("c", "s2")).isEqualTo(3);
        assertThat(index.customer(1)).isZero();
        assertThat(index.customer(3)).isEqualTo(2);
        assertThat(index.customerCount()).isEqualTo(3);
        // a row of a subscription under another customer is a bug, not a silent new key
        assertThatThrownBy(() -> index.number("b", "s1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subscription s1 of customer b");
        assertThatThrownBy(() -> new SubscriptionIndex(new ArrayList<>(List.of(new String[] {"a", "s1"},
                new String[] {"b", "s1"})))).hasMessageContaining("s1 appears twice");
    }

    @Test
    void testWrite_TotalsInUsageTotalKeyOrderAndRequestsPerDay() throws IOException {
        // meters as the ranges met them; written in name order within a key
        PartitionSums sums = new PartitionSums(index(), 31, List.of("output_tokens", "input_tokens"), dir, 0,
                Long.MAX_VALUE);
        int out = sums.meter("output_tokens");
        int in = sums.meter("input_tokens");
        PriceCondition longContext = PriceCondition.LONG_CONTEXT;
        PriceCondition standard = PriceCondition.STANDARD;
        // added in no order: c/s2, then b/s9, then a/s5 and a/s1 with two models and two conditions
        int c = sums.key(INDEX.number("c", "s2"), sums.model("gpt-z"), standard, 30);
        sums.add(c, in, 7);
        int b = sums.key(INDEX.number("b", "s9"), sums.model("gpt-z"), standard, 0);
        sums.add(b, out, new BigDecimal("0.5"));
        int b2 = sums.key(INDEX.number("b", "s9"), sums.model("gpt-z"), standard, 0);
        sums.add(b2, out, new BigDecimal("0.25"));
        int a5 = sums.key(INDEX.number("a", "s5"), sums.model("gpt-a"), standard, 3);
        sums.add(a5, in, 1);
        int a1z = sums.key(INDEX.number("a", "s1"), sums.model("gpt-z"), standard, 3);
        sums.add(a1z, in, 10);
        sums.add(a1z, out, 20);
        int a1zLong = sums.key(INDEX.number("a", "s1"), sums.model("gpt-z"), longContext, 4);
        sums.add(a1zLong, in, 100);
        sums.add(a1zLong, out, 200);
        int a1a = sums.key(INDEX.number("a", "s1"), sums.model("gpt-a"), standard, 3);
        sums.add(a1a, out, 5);
        sums.add(sums.key(INDEX.number("a", "s1"), sums.model("gpt-a"), standard, 3), out, 6);
        assertThat(b2).isEqualTo(b);

        assertThat(sums.finish()).isEqualTo(1);
        Path file = dir.resolve("s0-0");
        List<String> totals = new ArrayList<>();
        List<String> daily = new ArrayList<>();
        try (DataInputStream data = StagingFiles.read(file)) {
            for (int n = data.readInt(); n > 0; n--) {
                totals.add(String.join(" ", StagingFiles.string(data), StagingFiles.string(data),
                        StagingFiles.string(data), StagingFiles.condition(data).name(), StagingFiles.string(data),
                        StagingFiles.string(data)));
            }
            assertThat(data.readInt()).isEqualTo(31);
            for (int n = data.readInt(); n > 0; n--) {
                StringBuilder line = new StringBuilder(StagingFiles.string(data));
                for (int days = data.readShort(); days > 0; days--) {
                    line.append(' ').append(data.readShort()).append('=').append(data.readInt());
                }
                daily.add(line.toString());
            }
            assertThat(data.read()).isEqualTo(-1);
        }
        // customer, subscription, model, meter, condition name (LONG_CONTEXT before STANDARD); 5 + 6 = 11,
        // 0.5 + 0.25 = 0.75
        assertThat(totals).containsExactly(
                "a s1 gpt-a STANDARD output_tokens 11",
                "a s1 gpt-z LONG_CONTEXT input_tokens 100",
                "a s1 gpt-z STANDARD input_tokens 10",
                "a s1 gpt-z LONG_CONTEXT output_tokens 200",
                "a s1 gpt-z STANDARD output_tokens 20",
                "a s5 gpt-a STANDARD input_tokens 1",
                "b s9 gpt-z STANDARD output_tokens 0.75",
                "c s2 gpt-z STANDARD input_tokens 7");
        // one request per key() call: customer a 3 on day 3 (a5, a1z, a1a twice: 4) and 1 on day 4; b 2 on day 0
        assertThat(daily).containsExactly("a 3=4 4=1", "b 0=2", "c 30=1");
    }

    @Test
    void testDayCounts_PastTwoBytes_CountExactly() throws IOException {
        // a day's count is kept in two bytes with the bits above in a side table: 65,536 wraps the two bytes to 0
        // exactly once, 200,000 = 3 x 65,536 + 3,392 three times; neither may read as 0 or lose a wrap
        PartitionSums sums = new PartitionSums(index(), 31, List.of("input_tokens"), dir, 0, Long.MAX_VALUE);
        int model = sums.model("m");
        sums.key(INDEX.number("a", "s1"), model, PriceCondition.STANDARD, 2);
        for (int i = 0; i < 200_000; i++) {
            sums.key(INDEX.number("b", "s9"), model, PriceCondition.STANDARD, 5);
        }
        for (int i = 0; i < 65_536; i++) {
            sums.key(INDEX.number("c", "s2"), model, PriceCondition.STANDARD, 1);
        }
        assertThat(sums.finish()).isEqualTo(1);
        // no meter was added: no totals, only the day counts
        assertThat(run("s0-0")).containsExactly("days 31: a 2=1; b 5=200000; c 1=65536;");
    }

    @Test
    void testOverTheBudget_EachBucketWritesARun_AndARestartDeletesOnlyItsOwnRuns() throws IOException {
        Files.writeString(dir.resolve("s10-0"), "another partition's run");
        PartitionSums sums = new PartitionSums(index(), 31, List.of("input_tokens"), dir, 1, 1);
        sums.add(sums.key(INDEX.number("a", "s1"), sums.model("m"), PriceCondition.STANDARD, 0), 0, 5);
        sums.bucketDone(); // over the one-byte budget: run s1-0
        sums.bucketDone(); // nothing held: no run
        sums.add(sums.key(INDEX.number("a", "s1"), sums.model("m"), PriceCondition.STANDARD, 0), 0, 7);
        assertThat(sums.finish()).isEqualTo(2); // s1-1
        assertThat(PartitionSums.runFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("s1-0", "s1-1", "s10-0");
        // the partition again (a restart), with a big budget: its two runs go, the other partition's stays
        PartitionSums again = new PartitionSums(index(), 31, List.of("input_tokens"), dir, 1, Long.MAX_VALUE);
        assertThat(PartitionSums.runFiles(dir)).extracting(p -> p.getFileName().toString()).containsExactly("s10-0");
        again.add(again.key(INDEX.number("a", "s1"), again.model("m"), PriceCondition.STANDARD, 0), 0, 5);
        again.bucketDone();
        again.add(again.key(INDEX.number("a", "s1"), again.model("m"), PriceCondition.STANDARD, 0), 0, 7);
        assertThat(again.finish()).isEqualTo(1);
    }

    @Test
    void testDayCounts_GoWithTheLastRunOnly_EvenWhenItHasNoSums() throws IOException {
        // a one-byte budget: each bucket's sums go out as a run; the day counts only once, at finish, in a run of
        // their own when the last bucket's sums were already written
        PartitionSums sums = new PartitionSums(index(), 31, List.of("input_tokens"), dir, 0, 1);
        sums.add(sums.key(INDEX.number("a", "s1"), sums.model("m"), PriceCondition.STANDARD, 3), 0, 5);
        sums.bucketDone(); // s0-0
        sums.add(sums.key(INDEX.number("b", "s9"), sums.model("m"), PriceCondition.STANDARD, 4), 0, 7);
        sums.add(sums.key(INDEX.number("a", "s1"), sums.model("m"), PriceCondition.STANDARD, 3), 0, 1);
        sums.bucketDone(); // s0-1
        assertThat(sums.finish()).isEqualTo(3); // s0-2: no sums, the day counts

        assertThat(run("s0-0")).containsExactly("a s1 m STANDARD input_tokens 5", "days 31:");
        assertThat(run("s0-1")).containsExactly("a s1 m STANDARD input_tokens 1", "b s9 m STANDARD input_tokens 7",
                "days 31:");
        // a: 2 rows on day 3 (one per bucket), b: 1 on day 4
        assertThat(run("s0-2")).containsExactly("days 31: a 3=2; b 4=1;");
    }

    /** A run's totals, one per line, then "days N:" and each customer's "day=count" pairs. */
    private List<String> run(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        try (DataInputStream data = StagingFiles.read(dir.resolve(name))) {
            for (int n = data.readInt(); n > 0; n--) {
                lines.add(String.join(" ", StagingFiles.string(data), StagingFiles.string(data),
                        StagingFiles.string(data), StagingFiles.condition(data).name(), StagingFiles.string(data),
                        StagingFiles.string(data)));
            }
            StringBuilder daily = new StringBuilder("days " + data.readInt() + ":");
            for (int n = data.readInt(); n > 0; n--) {
                daily.append(' ').append(StagingFiles.string(data));
                for (int days = data.readShort(); days > 0; days--) {
                    daily.append(' ').append(data.readShort()).append('=').append(data.readInt());
                }
                daily.append(';');
            }
            lines.add(daily.toString());
            assertThat(data.read()).isEqualTo(-1);
        }
        return lines;
    }

    @Test
    void testMeterOfAnotherRange_IsAnError() throws IOException {
        PartitionSums sums = new PartitionSums(index(), 31, List.of("input_tokens"), dir, 0, Long.MAX_VALUE);
        assertThatThrownBy(() -> sums.meter("gpu_seconds")).hasMessageContaining("gpu_seconds");
    }
}
