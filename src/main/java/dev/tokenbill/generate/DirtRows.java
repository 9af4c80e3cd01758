package dev.tokenbill.generate;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes the dirty rows of {@link DirtKind}: after each clean row, with probability {@code rate},
 * one extra row derived from it. A third of the duplicates are held back and written at the top of
 * the next file (at most {@value #DEFER_LIMIT} at a time, so memory stays bounded).
 */
final class DirtRows {

    private static final String[] NON_NUMERIC = {"12k", "n/a", "\"1,024\"", "one hundred", "0x1F"};
    private static final String[] NOT_IN_CATALOG = {"gpt-3.5-turbo", "o1-preview", "claude-2.1", "llama-2-70b-chat"};
    private static final int DEFER_LIMIT = 10_000;
    private static final double DEFER = 1.0 / 3;
    private static final double OUT_OF_PERIOD_SHARE = 0.05;

    private final double rate;
    private final String tag;
    private final PlanMix mix;
    private final int customers;
    private final int customerWidth;
    private final Map<DirtKind, Long> counts = new EnumMap<>(DirtKind.class);
    private final ArrayDeque<String> deferred = new ArrayDeque<>();
    private final int weightTotal;
    private SplittableRandom rng;
    private long extraIds;

    DirtRows(double rate, String tag, PlanMix mix, int customers) {
        this.rate = rate;
        this.tag = tag;
        this.mix = mix;
        this.customers = customers;
        this.customerWidth = Ids.width(customers);
        int total = 0;
        for (DirtKind kind : DirtKind.values()) {
            total += kind.weight;
        }
        this.weightTotal = total;
        for (String model : NOT_IN_CATALOG) {
            if (mix.catalogModels().contains(model)) {
                throw new IllegalStateException("the catalog prices " + model + ", which the generator uses as an unknown model");
            }
        }
    }

    /** A few valid events on the day before and the day after the period: 5% of the expected dirt, at least 2. */
    static long outOfPeriodCount(long events, double rate) {
        return rate == 0 ? 0 : Math.max(2, Math.round(events * rate * OUT_OF_PERIOD_SHARE));
    }

    /** The random stream for the next file's decisions. */
    void use(SplittableRandom stream) {
        this.rng = stream;
    }

    Map<DirtKind, Long> counts() {
        return counts;
    }

    StringBuilder appendExtraId(StringBuilder out) {
        return Ids.extra(out, tag, ++extraIds);
    }

    void countOutOfPeriod() {
        counts.merge(DirtKind.OUT_OF_PERIOD, 1L, Long::sum);
    }

    void writeDeferred(UsageSink sink) throws IOException {
        while (!deferred.isEmpty()) {
            sink.line(deferred.poll());
        }
    }

    /** Called after each clean row: with probability {@code rate} writes (or holds back) one dirty row. */
    void maybeAfter(Event event, CharSequence row, UsageSink sink) throws IOException {
        if (rate == 0 || rng.nextDouble() >= rate) {
            return;
        }
        DirtKind kind = pick();
        counts.merge(kind, 1L, Long::sum);
        String[] f = row.toString().split(",", -1);
        switch (kind) {
            case EXACT_DUPLICATE -> emitOrDefer(row.toString(), sink);
            case CONFLICTING_DUPLICATE -> {
                int i = firstQuantity(f, 6, 7, 4);
                f[i] = f[i].contains(".") ? new BigDecimal(f[i]).add(BigDecimal.ONE).toPlainString()
                        : Long.toString(Long.parseLong(f[i]) + 1 + rng.nextInt(50));
                emitOrDefer(String.join(",", f), sink);
            }
            case NON_NUMERIC_QUANTITY -> sink.line(fresh(f, firstQuantity(f, 4, 6, 7, 5), NON_NUMERIC[rng.nextInt(NON_NUMERIC.length)]));
            case NEGATIVE_QUANTITY -> {
                int i = firstQuantity(f, 4, 6, 7, 5);
                sink.line(fresh(f, i, "-" + f[i]));
            }
            case UNPARSABLE_TIMESTAMP -> sink.line(fresh(f, 1, badTimestamp(f[1])));
            case UNKNOWN_CUSTOMER -> sink.line(fresh(f, 2, Ids.customer(customers + rng.nextInt(1000), customerWidth)));
            case UNKNOWN_MODEL -> sink.line(unpricedModel(event, f));
            case WRONG_COLUMN_COUNT -> {
                String line = fresh(f, 0, f[0]);
                sink.line(rng.nextBoolean() ? line.substring(0, line.lastIndexOf(',')) : line + ",1");
            }
            case OUT_OF_PERIOD -> throw new IllegalStateException("out-of-period rows are not drawn per event");
        }
    }

    private DirtKind pick() {
        int u = rng.nextInt(weightTotal);
        for (DirtKind kind : DirtKind.values()) {
            u -= kind.weight;
            if (u < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("dirt weights do not add up");
    }

    private void emitOrDefer(String line, UsageSink sink) throws IOException {
        if (rng.nextDouble() < DEFER && deferred.size() < DEFER_LIMIT) {
            deferred.add(line);
        } else {
            sink.line(line);
        }
    }

    /** The row with a fresh event id and cell {@code index} replaced. */
    private String fresh(String[] fields, int index, String value) {
        String[] f = fields.clone();
        f[index] = value;
        f[0] = appendExtraId(new StringBuilder(24)).toString();
        return String.join(",", f);
    }

    private static int firstQuantity(String[] f, int... candidates) {
        for (int i : candidates) {
            if (!f[i].isEmpty()) {
                return i;
            }
        }
        throw new IllegalStateException("a usage row without any quantity");
    }

    private String badTimestamp(String iso) {
        return switch (rng.nextInt(4)) {
            case 0 -> iso.substring(0, 19).replace('T', ' ');
            case 1 -> iso.substring(8, 10) + "/" + iso.substring(5, 7) + "/" + iso.substring(0, 4) + " " + iso.substring(11, 19);
            case 2 -> iso.substring(0, 11) + "25" + iso.substring(13);
            default -> "yesterday " + iso.substring(11, 16);
        };
    }

    /**
     * Half the time a model no plan knows, else one the catalog prices but the customer's plan does
     * not. A plan that prices every model (a dedicated endpoint) gets a model no plan knows, its
     * quantity moved to a meter that the plan does not price.
     */
    private String unpricedModel(Event event, String[] f) {
        PlanProfile plan = mix.plan(event.plan);
        String unknown = NOT_IN_CATALOG[rng.nextInt(NOT_IN_CATALOG.length)];
        if (plan.unpricedMeterOfAnyModel() >= 0) {
            String[] g = f.clone();
            g[plan.unpricedMeterOfAnyModel()] = f[firstQuantity(f, 4, 6, 7, 5)];
            for (int i = 4; i < 8; i++) {
                g[i] = i == plan.unpricedMeterOfAnyModel() ? g[i] : "";
            }
            return fresh(g, 3, unknown);
        }
        List<ModelProfile> priced = plan.models();
        List<String> others = mix.catalogModels().stream()
                .filter(m -> priced.stream().noneMatch(p -> p.model().equals(m))).toList();
        return fresh(f, 3, others.isEmpty() || rng.nextBoolean() ? unknown : others.get(rng.nextInt(others.size())));
    }
}
