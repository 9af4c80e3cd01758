package dev.tokenbill.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-read timestamp shape must agree with {@link OffsetDateTime#parse} on everything: same
 * instant when both accept, an exception when the general parser refuses. Property cases mutate
 * well-formed timestamps character by character (seeded; the seed is in every message).
 */
class TimestampsTest {

    private static final long BASE_SEED = 20261123L;
    private static final String CHARS = "0123456789-:TZtz+.  ";

    @Test
    void testCommonShapes_AreReadByHand() {
        assertThat(Timestamps.parseCommon("2026-10-05T13:45:12Z")).isEqualTo(Instant.parse("2026-10-05T13:45:12Z"));
        assertThat(Timestamps.parseCommon("2026-10-05T13:45:12.345Z")).isEqualTo(Instant.parse("2026-10-05T13:45:12.345Z"));
        // 15:45:12.000000001 at +02:00 is 13:45:12.000000001 UTC
        assertThat(Timestamps.parseCommon("2026-10-05T15:45:12.000000001+02:00"))
                .isEqualTo(Instant.parse("2026-10-05T13:45:12.000000001Z"));
        // 23:30 at -01:30 is 01:00 the next day UTC
        assertThat(Timestamps.parseCommon("2026-10-31T23:30:00-01:30")).isEqualTo(Instant.parse("2026-11-01T01:00:00Z"));
    }

    @Test
    void testOtherShapes_GoToTheGeneralParser() {
        assertThat(Timestamps.parseCommon("2026-10-05T13:45Z")).isNull();
        assertThat(Timestamps.parse("2026-10-05T13:45Z")).isEqualTo(Instant.parse("2026-10-05T13:45:00Z"));
        assertThat(Timestamps.parseCommon("2026-10-05t13:45:12z")).isNull();
        assertThat(Timestamps.parse("2026-10-05t13:45:12z")).isEqualTo(Instant.parse("2026-10-05T13:45:12Z"));
        assertThat(Timestamps.parse("+12026-10-05T13:45:12Z")).isEqualTo(OffsetDateTime.parse("+12026-10-05T13:45:12Z").toInstant());
    }

    @Test
    void testImpossibleDates_AreRefusedLikeTheGeneralParser() {
        for (String bad : new String[] {"2026-02-30T00:00:00Z", "2026-10-05T24:00:00Z", "2026-10-05T13:60:00Z",
                "2026-10-05T13:45:60Z", "2026-13-05T13:45:12Z", "2026-10-05T13:45:12+18:01", "2026-10-05T13:45:12+02:60",
                "2026-10-05T13:45:12.1234567890Z", "2026-10-05 13:45:12Z"}) {
            assertThatThrownBy(() -> Timestamps.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }

    static LongStream seeds() {
        return new SplittableRandom(BASE_SEED).longs(500);
    }

    @ParameterizedTest(name = "seed={0}")
    @MethodSource("seeds")
    void testAgreesWithOffsetDateTimeParse(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String text = mutate(random, wellFormed(random));
            Instant expected;
            try {
                expected = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException refused) {
                assertThatThrownBy(() -> Timestamps.parse(text)).as("seed=%d: '%s'", seed, text)
                        .isInstanceOf(DateTimeException.class);
                continue;
            }
            assertThat(Timestamps.parse(text)).as("seed=%d: '%s'", seed, text).isEqualTo(expected);
        }
    }

    private static String wellFormed(Random r) {
        String fraction = switch (r.nextInt(4)) {
            case 0 -> "";
            case 1 -> "." + digits(r, 3);
            case 2 -> "." + digits(r, 1 + r.nextInt(9));
            default -> "." + digits(r, 6);
        };
        String offset = r.nextBoolean() ? "Z" : (r.nextBoolean() ? "+" : "-") + two(r.nextInt(19)) + ":" + two(r.nextInt(60));
        return (1990 + r.nextInt(60)) + "-" + two(1 + r.nextInt(12)) + "-" + two(1 + r.nextInt(31)) + "T"
                + two(r.nextInt(25)) + ":" + two(r.nextInt(61)) + ":" + two(r.nextInt(61)) + fraction + offset;
    }

    /** Most cases stay intact; others get a character replaced, inserted or removed. */
    private static String mutate(Random r, String text) {
        StringBuilder b = new StringBuilder(text);
        int edits = r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0;
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = r.nextInt(b.length());
            char c = CHARS.charAt(r.nextInt(CHARS.length()));
            switch (r.nextInt(3)) {
                case 0 -> b.setCharAt(at, c);
                case 1 -> b.insert(at, c);
                default -> b.deleteCharAt(at);
            }
        }
        return b.toString();
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
