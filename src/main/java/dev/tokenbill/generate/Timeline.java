package dev.tokenbill.generate;

import dev.tokenbill.period.BillingPeriod;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * When events happen: maps a quantile in [0, 1) to an instant of the period, monotonically, so
 * sorted quantiles give sorted timestamps. A day's share is the event weight of the customers
 * active on it (weekends at 65%); within a day, traffic follows a diurnal curve peaking at 15:00
 * UTC (Europe's afternoon, America's morning) at 3.4 times its 03:00 trough. Times are UTC.
 */
final class Timeline {

    static final long DAY_MS = 86_400_000L;
    private static final int MINUTES = 1440;

    private final LocalDate first;
    private final long firstMillis;
    private final int days;
    private final double[] dayCumulative;
    private final double[] minuteCumulative = new double[MINUTES + 1];
    private final String[] prefixes;

    Timeline(BillingPeriod period, double[] activeWeightByDay) {
        this.first = period.start();
        this.firstMillis = first.toEpochDay() * DAY_MS;
        this.days = activeWeightByDay.length;
        this.dayCumulative = new double[days + 1];
        for (int d = 0; d < days; d++) {
            DayOfWeek dow = first.plusDays(d).getDayOfWeek();
            double weekday = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? 0.65 : 1.0;
            dayCumulative[d + 1] = dayCumulative[d] + weekday * activeWeightByDay[d];
        }
        normalise(dayCumulative);
        for (int m = 0; m < MINUTES; m++) {
            double hour = (m + 0.5) / 60.0;
            minuteCumulative[m + 1] = minuteCumulative[m] + 1 + 0.55 * StrictMath.cos(2 * Math.PI * (hour - 15) / 24);
        }
        normalise(minuteCumulative);
        prefixes = new String[days + 2];
        for (int d = -1; d <= days; d++) {
            prefixes[d + 1] = first.plusDays(d) + "T";
        }
    }

    private static void normalise(double[] cumulative) {
        double weightSum = cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= weightSum;
        }
        cumulative[cumulative.length - 1] = 1.0;
    }

    int days() {
        return days;
    }

    /** The instant of quantile {@code f} of one day's diurnal curve; {@code day} may be -1 or {@link #days()}. */
    long millisOn(int day, double f) {
        int i = Arrays.binarySearch(minuteCumulative, f);
        int minute = i >= 0 ? Math.min(i, MINUTES - 1) : -i - 2;
        return firstMillis + day * DAY_MS + inMinute(minute, f);
    }

    private long inMinute(int minute, double f) {
        double lo = minuteCumulative[minute];
        double within = (f - lo) / (minuteCumulative[minute + 1] - lo);
        return minute * 60_000L + Math.min(59_999, Math.max(0, (long) (within * 60_000)));
    }

    /** Appends {@code millis} (inside [day before, day after] the period) as {@code 2026-10-05T13:45:12.345Z}. */
    void appendIso(StringBuilder out, long millis) {
        long offset = millis - firstMillis;
        int day = (int) Math.floorDiv(offset, DAY_MS);
        int ms = (int) (offset - day * DAY_MS);
        out.append(prefixes[day + 1]);
        two(out, ms / 3_600_000).append(':');
        two(out, ms / 60_000 % 60).append(':');
        two(out, ms / 1000 % 60).append('.');
        int milli = ms % 1000;
        out.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10)).append('Z');
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Walks quantiles in ascending order, reusing its position: O(1) amortised per event. */
    final class Cursor {
        private int day;
        private int minute;

        /** The day (from the first of the period) of the last {@link #millis} call. */
        int day() {
            return day;
        }

        long millis(double g) {
            int before = day;
            while (day < days - 1 && g >= dayCumulative[day + 1]) {
                day++;
            }
            if (day != before) {
                minute = 0;
            }
            double lo = dayCumulative[day];
            double f = Math.min((g - lo) / (dayCumulative[day + 1] - lo), Math.nextDown(1.0));
            while (minute < MINUTES - 1 && f >= minuteCumulative[minute + 1]) {
                minute++;
            }
            return firstMillis + day * DAY_MS + inMinute(minute, f);
        }
    }
}
