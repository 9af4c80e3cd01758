package dev.tokenbill.generate;

/**
 * Identifier formats: customers {@code cust-000042}, subscriptions {@code sub-000042}, clean events
 * {@code e<tag>-0000000042} (numbered in time order) and extra rows {@code e<tag>-x00000042}, where
 * the tag is 8 hex digits drawn from the seed, so files generated from different seeds can be mixed.
 */
final class Ids {

    private Ids() {
    }

    static int width(long count) {
        return Math.max(6, Long.toString(count).length());
    }

    static StringBuilder customer(StringBuilder out, int index, int width) {
        return padded(out.append("cust-"), index + 1L, width);
    }

    static String customer(int index, int width) {
        return customer(new StringBuilder(16), index, width).toString();
    }

    static String subscription(int number, int width) {
        return padded(new StringBuilder(16).append("sub-"), number, width).toString();
    }

    static StringBuilder event(StringBuilder out, String tag, long sequence) {
        return padded(out.append('e').append(tag).append('-'), sequence, 10);
    }

    static StringBuilder extra(StringBuilder out, String tag, long sequence) {
        return padded(out.append('e').append(tag).append("-x"), sequence, 8);
    }

    static StringBuilder padded(StringBuilder out, long value, int width) {
        for (long limit = 10; width > 1; width--, limit *= 10) {
            if (value < limit) {
                out.append('0');
            }
        }
        return out.append(value);
    }
}
