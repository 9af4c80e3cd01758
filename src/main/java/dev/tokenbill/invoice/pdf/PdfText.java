package dev.tokenbill.invoice.pdf;

/**
 * Makes customer-provided text safe to lay out in the invoice PDF.
 *
 * <p>Strips ISO control characters (keeping {@code \n} and {@code \t}; a {@code \r\n} or lone {@code \r} becomes
 * {@code \n}) and the invisible bidirectional formatting characters (LRM, RLM, ALM, the embeddings and overrides
 * U+202A..U+202E and the isolates U+2066..U+2069), which otherwise can reorder or hide the surrounding text.
 */
public final class PdfText {

    private PdfText() {
    }

    /** The cleaned text; {@code null} becomes "". */
    public static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean keep = !isRemoved(c);
            char replacement = c;
            if (c == '\r') {
                // "\r\n" -> "\n" (drop the \r), lone "\r" -> "\n"
                keep = !(i + 1 < length && text.charAt(i + 1) == '\n');
                replacement = '\n';
            }
            if (keep && replacement == c) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length);
                out.append(text, 0, i);
            }
            if (keep) {
                out.append(replacement);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isRemoved(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return Character.isISOControl(c) || isBidiControl(c);
    }

    private static boolean isBidiControl(char c) {
        return c == '\u200E' || c == '\u200F' || c == '\u061C'
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
