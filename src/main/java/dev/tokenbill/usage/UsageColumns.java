package dev.tokenbill.usage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The layout of one usage file's header: where the required columns are, which columns are
 * meters, and the column-name order in which a row's content is hashed (files may order their
 * columns differently; the same event must hash the same).
 */
public final class UsageColumns {

    final List<String> names;
    final int eventId;
    final int timestamp;
    final int customerId;
    final int model;
    final String[] meters;
    /** Index of each meter's cell, or -1 when the header has no such column (its quantity is empty). */
    final int[] meterIndex;
    /** Cell indexes sorted by column name. */
    final int[] hashOrder;

    private UsageColumns(List<String> names, List<String> meters) {
        this.names = List.copyOf(names);
        this.eventId = names.indexOf("event_id");
        this.timestamp = names.indexOf("timestamp");
        this.customerId = names.indexOf("customer_id");
        this.model = names.indexOf("model");
        this.meters = meters.toArray(String[]::new);
        this.meterIndex = meters.stream().mapToInt(names::indexOf).toArray();
        this.hashOrder = IntStream.range(0, names.size()).boxed()
                .sorted(Comparator.comparing(names::get)).mapToInt(Integer::intValue).toArray();
        for (String column : UsageClassifier.REQUIRED) {
            if (!names.contains(column)) {
                throw new IllegalArgumentException("usage header without " + column + ": " + names);
            }
        }
    }

    /** A usage file's header: every column that is not required is a meter, in header order. */
    public static UsageColumns of(List<String> header) {
        List<String> meters = new ArrayList<>(header);
        meters.removeAll(UsageClassifier.REQUIRED);
        return new UsageColumns(header, meters);
    }

    static UsageColumns of(List<String> header, List<String> meters) {
        return new UsageColumns(header, meters);
    }

    /** The number of cells a row of this file has. */
    public int width() {
        return names.size();
    }
}
