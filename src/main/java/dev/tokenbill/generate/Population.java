package dev.tokenbill.generate;

import java.util.SplittableRandom;

/**
 * The customers and their subscriptions, held as primitive arrays (about 30 bytes a customer) so
 * that events can be drawn for them. Days are counted from the first day of the period; a
 * subscription covers [start, end) and a plan change switches plans at {@code change}.
 * Each customer's share of events is Zipf-like, 1 / rank (rank a seeded shuffle), times its plan's
 * usage factor. The customer of rank 1, the anchor, subscribes from before the period with no
 * end, so every day of the period (and the day before and after) has an active customer.
 */
final class Population {

    static final int OPEN = Integer.MAX_VALUE;

    final int size;
    final int days;
    final PlanMix mix;
    final int[] start;
    final int[] change;
    final int[] end;
    final byte[] plan1;
    final byte[] plan2;
    final byte[] quantity1;
    final byte[] quantity2;
    final boolean[] code;
    final byte[] favourite;
    private final double[] cumulativeWeight;
    private int anchor;

    private Population(int size, int days, PlanMix mix) {
        this.size = size;
        this.days = days;
        this.mix = mix;
        start = new int[size];
        change = new int[size];
        end = new int[size];
        plan1 = new byte[size];
        plan2 = new byte[size];
        quantity1 = new byte[size];
        quantity2 = new byte[size];
        code = new boolean[size];
        favourite = new byte[size];
        cumulativeWeight = new double[size];
    }

    static Population generate(int size, int days, PlanMix mix, SplittableRandom rng) {
        Population p = new Population(size, days, mix);
        int[] rank = new int[size];
        for (int i = 0; i < size; i++) {
            rank[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = rank[i];
            rank[i] = rank[j];
            rank[j] = t;
        }
        double sum = 0;
        for (int c = 0; c < size; c++) {
            if (rank[c] == 0) {
                p.anchor = c;
            }
            p.subscribe(c, rank[c] == 0, rng);
            sum += 1.0 / (rank[c] + 1) * mix.plan(p.plan1[c]).usageFactor();
            p.cumulativeWeight[c] = sum;
        }
        return p;
    }

    private void subscribe(int c, boolean isAnchor, SplittableRandom rng) {
        plan1[c] = (byte) mix.draw(rng);
        plan2[c] = plan1[c];
        start[c] = -(1 + rng.nextInt(730));
        change[c] = OPEN;
        end[c] = OPEN;
        double u = rng.nextDouble();
        if (!isAnchor && u < 0.03) {
            start[c] = 0;
        } else if (!isAnchor && days >= 2 && u < 0.10) {
            start[c] = 1 + rng.nextInt(days - 1);
        } else if (!isAnchor && days >= 2 && u < 0.15) {
            end[c] = 1 + rng.nextInt(days - 1);
        } else if (!isAnchor && days >= 2 && u < 0.20) {
            int other = mix.drawOther(rng, plan1[c]);
            if (other >= 0) {
                plan2[c] = (byte) other;
                change[c] = 1 + rng.nextInt(days - 1);
            }
        } else if (!isAnchor && u < 0.23) {
            end[c] = days + 1 + rng.nextInt(60);
        }
        quantity1[c] = seats(plan1[c], rng);
        quantity2[c] = seats(plan2[c], rng);
        code[c] = rng.nextDouble() < 0.313;
        favourite[c] = (byte) rng.nextInt(120);
    }

    private byte seats(int plan, SplittableRandom rng) {
        return (byte) (mix.plan(plan).seats() && rng.nextDouble() < 0.1 ? 2 + rng.nextInt(4) : 1);
    }

    boolean active(int c, int day) {
        return start[c] <= day && day < end[c];
    }

    int planOn(int c, int day) {
        return day < change[c] ? plan1[c] : plan2[c];
    }

    int subscriptions() {
        int count = size;
        for (int c = 0; c < size; c++) {
            count += change[c] == OPEN ? 0 : 1;
        }
        return count;
    }

    /** The event weight of the customers active on each day of the period. */
    double[] activeWeightByDay() {
        double[] delta = new double[days + 1];
        for (int c = 0; c < size; c++) {
            double w = cumulativeWeight[c] - (c == 0 ? 0 : cumulativeWeight[c - 1]);
            int from = Math.max(0, start[c]);
            int to = (int) Math.min(days, (long) end[c]);
            if (from < to) {
                delta[from] += w;
                delta[to] -= w;
            }
        }
        double[] byDay = new double[days];
        double running = 0;
        for (int d = 0; d < days; d++) {
            running += delta[d];
            byDay[d] = Math.max(0, running);
        }
        return byDay;
    }

    /** A customer active on {@code day}, drawn by weight (rejection sampling; the anchor ends a long run of bad luck). */
    int drawActive(SplittableRandom rng, int day) {
        double weightSum = cumulativeWeight[size - 1];
        for (int attempt = 0; attempt < 10_000; attempt++) {
            int c = search(rng.nextDouble() * weightSum);
            if (active(c, day)) {
                return c;
            }
        }
        return anchor;
    }

    private int search(double u) {
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeWeight[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
