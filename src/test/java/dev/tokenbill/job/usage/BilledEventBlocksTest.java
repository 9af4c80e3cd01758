package dev.tokenbill.job.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.testsupport.MigratedH2;
import dev.tokenbill.usage.pipeline.BilledEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The packed billed events: what a final run records and a later run reads back must be the same events, in the same
 * order, whatever their ids (multi-byte UTF-8, the longest id a usage row may have) and wherever the block and page
 * boundaries fall.
 */
class BilledEventBlocksTest {

    /** 256 chars, the longest event id a usage row may have (UsageClassifier), at 3 UTF-8 bytes each. */
    private static final String LONGEST_WIDE = "€".repeat(256);
    private static final String LONGEST_ASCII = "x".repeat(256);

    private static List<BilledEvent> events(int count, String prefix) {
        return IntStream.range(0, count).mapToObj(i -> new BilledEvent(prefix + i, i, -i - 1L)).toList();
    }

    private static List<BilledEvent> unpackAll(List<BilledEventBlocks.Block> blocks) throws IOException {
        List<BilledEvent> out = new ArrayList<>();
        for (BilledEventBlocks.Block block : blocks) {
            int n = BilledEventBlocks.unpack(block.bytes(), "test block", (id, high, low) -> out.add(new BilledEvent(id, high, low)));
            assertThat(n).isEqualTo(block.events());
        }
        return out;
    }

    @Test
    void testRoundTrip_MultiByteAndLongestIds() throws IOException {
        List<BilledEvent> events = List.of(
                new BilledEvent("é", 1, 2),
                new BilledEvent("日本-42", Long.MIN_VALUE, Long.MAX_VALUE),
                new BilledEvent("emoji-😀", -1, 0),             // a surrogate pair: 4 UTF-8 bytes
                new BilledEvent("nul\u0000inside", 7, 8),       // PostgreSQL text refused NUL; bytes keep it
                new BilledEvent("", 0, 0),
                new BilledEvent(LONGEST_WIDE, 3, 4),
                new BilledEvent(LONGEST_ASCII, 5, 6));

        List<BilledEventBlocks.Block> blocks = BilledEventBlocks.pack(events);

        assertThat(blocks).hasSize(1);
        assertThat(unpackAll(blocks)).containsExactlyElementsOf(events);
    }

    @Test
    void testLayout_CountThenLengthUtf8AndHash() {
        // 4-byte count 1; length 2; "é" is C3 A9 in UTF-8; high 1 and low 2 as big-endian longs
        byte[] bytes = BilledEventBlocks.pack(List.of(new BilledEvent("é", 1, 2))).get(0).bytes();

        assertThat(HexFormat.of().formatHex(bytes))
                .isEqualTo("00000001" + "0002" + "c3a9" + "0000000000000001" + "0000000000000002");
    }

    @Test
    void testEmptySet_NoBlocks() throws IOException {
        assertThat(BilledEventBlocks.pack(List.of())).isEmpty();
    }

    @Test
    void testBlockBoundary_ExactlyFullThenOneOver() throws IOException {
        List<BilledEvent> full = events(BilledEventBlocks.MAX_EVENTS, "e-");
        List<BilledEvent> oneOver = events(BilledEventBlocks.MAX_EVENTS + 1, "e-");

        assertThat(BilledEventBlocks.pack(full)).extracting(BilledEventBlocks.Block::events).containsExactly(4096);
        assertThat(BilledEventBlocks.pack(oneOver)).extracting(BilledEventBlocks.Block::events).containsExactly(4096, 1);
        assertThat(unpackAll(BilledEventBlocks.pack(oneOver))).containsExactlyElementsOf(oneOver);
    }

    @Test
    void testByteBoundary_LongestWideIdsFill333PerBlock() throws IOException {
        // an event of a 768-byte id takes 2 + 768 + 16 = 786 bytes: 4 + 333 * 786 = 261,742 fits in 262,144 bytes,
        // 334 would take 262,528
        List<BilledEvent> wide = IntStream.range(0, 700).mapToObj(i -> new BilledEvent(LONGEST_WIDE, i, i)).toList();

        List<BilledEventBlocks.Block> blocks = BilledEventBlocks.pack(wide);

        assertThat(blocks).extracting(BilledEventBlocks.Block::events).containsExactly(333, 333, 34);
        assertThat(blocks.get(0).bytes()).hasSize(261_742);
        assertThat(unpackAll(blocks)).containsExactlyElementsOf(wide);
    }

    @Test
    void testDamagedBlock_Refused() {
        byte[] bytes = BilledEventBlocks.pack(events(3, "e-")).get(0).bytes();

        assertThatThrownBy(() -> BilledEventBlocks.unpack(Arrays.copyOf(bytes, bytes.length - 1), "block 7",
                (id, high, low) -> { })).hasMessage("block 7 is damaged: it ends inside an event");
        assertThatThrownBy(() -> BilledEventBlocks.unpack(Arrays.copyOf(bytes, bytes.length + 1), "block 7",
                (id, high, low) -> { })).hasMessage("block 7 is damaged: 1 bytes after its last event");
    }

    @Test
    void testStore_RoundTripThroughTheDatabaseAcrossCallsAndReadPages() throws IOException {
        // given a final run (7) that records 8 full blocks in one call and 4,097 events in a second: 10 blocks,
        // more than the 8 read per query
        JdbcTemplate jdbc = MigratedH2.create("blocks");
        JdbcUsageStore store = new JdbcUsageStore(jdbc, 7);
        store.clear();
        List<BilledEvent> first = events(8 * 4096, "a-");
        List<BilledEvent> second = new ArrayList<>(events(4096, "b-"));
        second.add(new BilledEvent(LONGEST_WIDE, 9, 9));
        store.billed(first);
        store.billed(second);

        // when a later run reads it back
        List<BilledEvent> read = new ArrayList<>();
        JdbcUsageStore.billedEvents(jdbc, Map.of("2026-10", 7L)).forEach("2026-10",
                (id, high, low) -> read.add(new BilledEvent(id, high, low)));

        // then
        assertThat(jdbc.queryForList("select events from billed_event_block where run_id = 7 order by block_no",
                Integer.class)).containsExactly(4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 1);
        List<BilledEvent> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(read).containsExactlyElementsOf(all);
    }

    @Test
    void testStore_ClearRemovesTheRunsBlocksAndARunWithoutBlocksReadsTheV8Rows() throws IOException {
        JdbcTemplate jdbc = MigratedH2.create("blocks");
        JdbcUsageStore store = new JdbcUsageStore(jdbc, 7);
        store.billed(events(5, "a-"));
        jdbc.update("insert into billed_event (run_id, event_id, content_high, content_low) values (3, 'old-1', 1, 2)");

        store.clear();

        assertThat(jdbc.queryForObject("select count(*) from billed_event_block", Integer.class)).isZero();
        List<BilledEvent> read = new ArrayList<>();
        JdbcUsageStore.billedEvents(jdbc, Map.of("2026-09", 3L, "2026-10", 7L)).forEach("2026-09",
                (id, high, low) -> read.add(new BilledEvent(id, high, low)));
        JdbcUsageStore.billedEvents(jdbc, Map.of("2026-09", 3L, "2026-10", 7L)).forEach("2026-10",
                (id, high, low) -> read.add(new BilledEvent(id, high, low)));
        assertThat(read).containsExactly(new BilledEvent("old-1", 1, 2));
    }
}
