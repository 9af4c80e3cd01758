package dev.tokenbill.job.usage;

import dev.tokenbill.usage.pipeline.BilledEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the events that final runs billed back from billed_event_block, {@link #BLOCKS_PER_READ} blocks per query
 * (keyset on block_no, so memory is bounded on H2 and PostgreSQL alike, whatever their drivers buffer), in the order
 * they were recorded. A final run billed before migration V9 has no blocks: its events are read from billed_event.
 */
final class BilledEventReader implements BilledEvents {

    /** Memory holds at most this many blocks of {@link BilledEventBlocks#MAX_BYTES}. */
    private static final int BLOCKS_PER_READ = 8;
    private static final int LEGACY_FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    private final Map<String, Long> finalRuns;

    BilledEventReader(JdbcTemplate jdbc, Map<String, Long> finalRuns) {
        this.jdbc = jdbc;
        this.finalRuns = finalRuns;
    }

    private record StoredBlock(int blockNo, int events, byte[] packed) {
    }

    @Override
    public void forEach(String period, Consumer consumer) throws IOException {
        Long runId = finalRuns.get(period);
        if (runId == null) {
            return;
        }
        int lastBlock = -1;
        List<StoredBlock> page;
        do {
            page = jdbc.query("select block_no, events, packed from billed_event_block where run_id = ? and block_no > ?"
                    + " order by block_no fetch first " + BLOCKS_PER_READ + " rows only",
                    (rs, row) -> new StoredBlock(rs.getInt(1), rs.getInt(2), rs.getBytes(3)), runId, lastBlock);
            for (StoredBlock block : page) {
                String where = "billed_event_block run " + runId + " block " + block.blockNo();
                if (BilledEventBlocks.unpack(block.packed(), where, consumer) != block.events()) {
                    throw new IllegalStateException(where + " is damaged: its event count differs from its column");
                }
                lastBlock = block.blockNo();
            }
        } while (page.size() == BLOCKS_PER_READ);
        if (lastBlock < 0) {
            legacy(runId, consumer);
        }
    }

    /** A row per event, as final runs recorded them before migration V9 (nothing for later runs). */
    private void legacy(long runId, Consumer consumer) throws IOException {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(LEGACY_FETCH_SIZE);
        try {
            streaming.query("select event_id, content_high, content_low from billed_event where run_id = ?", rs -> {
                try {
                    consumer.accept(rs.getString(1), rs.getLong(2), rs.getLong(3));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, runId);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
