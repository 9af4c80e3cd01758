package dev.tokenbill.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes the usage files, streaming. File k (of F) holds the events whose time quantile lies in
 * [k/F, (k+1)/F), so the files split the period in time order and hold M/F events each; within a
 * file the events are drawn already sorted (see {@link SortedUniforms}), so memory does not depend
 * on M. The out-of-period rows open the first file (day before) and close the last (day after).
 */
final class UsageWriter {

    private final GeneratorSpec spec;
    private final Timeline timeline;
    private final EventFactory factory;
    private final DirtRows dirt;
    private final String tag;
    private final Event event = new Event();
    private final StringBuilder row = new StringBuilder(256);
    private long sequence;
    private long bytes;

    UsageWriter(GeneratorSpec spec, Timeline timeline, EventFactory factory, DirtRows dirt, String tag) {
        this.spec = spec;
        this.timeline = timeline;
        this.factory = factory;
        this.dirt = dirt;
        this.tag = tag;
    }

    /**
     * @param files one stream per file is split from it in file order
     * @param outOfPeriod the stream of the out-of-period rows
     */
    List<Path> write(Path usageDir, SplittableRandom files, SplittableRandom outOfPeriod) throws IOException {
        int count = spec.files();
        int width = Math.max(4, Integer.toString(count).length());
        long extra = DirtRows.outOfPeriodCount(spec.events(), spec.badRate());
        List<Path> written = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            SplittableRandom events = files.split();
            dirt.use(files.split());
            Path path = usageDir.resolve("part-" + Ids.padded(new StringBuilder(), k + 1L, width) + ".csv");
            try (UsageSink sink = new UsageSink(path)) {
                if (k == 0) {
                    outOfPeriod(sink, -1, extra / 2, outOfPeriod);
                }
                dirt.writeDeferred(sink);
                long n = spec.events() / count + (k < spec.events() % count ? 1 : 0);
                events(sink, n, (double) k / count, (double) (k + 1) / count, events);
                if (k == count - 1) {
                    dirt.writeDeferred(sink);
                    outOfPeriod(sink, timeline.days(), extra - extra / 2, outOfPeriod);
                }
                bytes += sink.commit();
            }
            written.add(path);
        }
        return written;
    }

    long bytes() {
        return bytes;
    }

    private void events(UsageSink sink, long n, double from, double to, SplittableRandom rng) throws IOException {
        SortedUniforms quantiles = new SortedUniforms(rng, n);
        Timeline.Cursor cursor = timeline.new Cursor();
        for (long i = 0; i < n; i++) {
            long millis = cursor.millis(from + (to - from) * quantiles.next());
            factory.draw(event, rng, millis, cursor.day());
            row.setLength(0);
            Ids.event(row, tag, ++sequence);
            factory.appendFields(row, event);
            sink.line(row);
            dirt.maybeAfter(event, row, sink);
        }
    }

    private void outOfPeriod(UsageSink sink, int day, long n, SplittableRandom rng) throws IOException {
        SortedUniforms quantiles = new SortedUniforms(rng, n);
        for (long i = 0; i < n; i++) {
            factory.draw(event, rng, timeline.millisOn(day, quantiles.next()), day);
            row.setLength(0);
            dirt.appendExtraId(row);
            factory.appendFields(row, event);
            sink.line(row);
            dirt.countOutOfPeriod();
        }
    }
}
