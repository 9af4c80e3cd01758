package dev.tokenbill.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.period.BillingPeriod;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final long SEED = 2026;
    private static final BillingPeriod OCTOBER = BillingPeriod.parse("2026-10");
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static Timeline timeline() {
        double[] weights = new double[31];
        Arrays.fill(weights, 1.0);
        return new Timeline(OCTOBER, weights);
    }

    @Test
    void testAppendIso_SameAsJavaTime() {
        // given: instants from the day before to the day after the period
        Timeline timeline = timeline();
        SplittableRandom rng = new SplittableRandom(SEED);
        long from = OCTOBER.start().minusDays(1).toEpochDay() * Timeline.DAY_MS;
        for (int i = 0; i < 100_000; i++) {
            long millis = from + rng.nextLong(33 * Timeline.DAY_MS);
            StringBuilder out = new StringBuilder();

            // when
            timeline.appendIso(out, millis);

            // then
            assertThat(out.toString()).as("seed %d, case %d", SEED, i).isEqualTo(ISO_MILLIS.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void testCursor_SortedQuantilesGiveSortedInstantsInsideThePeriod() {
        // given
        Timeline.Cursor cursor = timeline().new Cursor();
        SortedUniforms quantiles = new SortedUniforms(new SplittableRandom(SEED), 200_000);
        long start = OCTOBER.start().toEpochDay() * Timeline.DAY_MS;
        long end = OCTOBER.end().toEpochDay() * Timeline.DAY_MS;
        long previous = start;
        int[] byHour = new int[24];
        for (int i = 0; i < 200_000; i++) {
            // when
            long millis = cursor.millis(quantiles.next());

            // then
            assertThat(millis).as("seed %d, case %d", SEED, i).isGreaterThanOrEqualTo(previous).isLessThan(end);
            assertThat((millis - start) / Timeline.DAY_MS).isEqualTo(cursor.day());
            byHour[(int) (millis / 3_600_000 % 24)]++;
            previous = millis;
        }
        // the diurnal curve: 15:00 UTC is about 3.4 times as busy as 03:00
        assertThat((double) byHour[15] / byHour[3]).isBetween(3.0, 3.8);
    }

    @Test
    void testSortedUniforms_AscendingAndUniform() {
        // given
        SortedUniforms draws = new SortedUniforms(new SplittableRandom(SEED), 100_000);
        double previous = 0;
        double sum = 0;
        int belowQuarter = 0;
        for (int i = 0; i < 100_000; i++) {
            // when
            double u = draws.next();

            // then
            assertThat(u).as("seed %d, case %d", SEED, i).isGreaterThanOrEqualTo(previous).isLessThan(1.0);
            sum += u;
            belowQuarter += u < 0.25 ? 1 : 0;
            previous = u;
        }
        assertThat(sum / 100_000).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.005));
        assertThat(belowQuarter).isBetween(24_500, 25_500);
    }
}
