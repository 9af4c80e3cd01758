package dev.tokenbill.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The text a value becomes in a COPY row (PostgreSQL's text format: tab-separated, backslash escapes, \N for null). */
class BulkInsertTest {

    private static String copyText(Object value) {
        StringBuilder text = new StringBuilder();
        BulkInsert.appendCopyValue(text, value);
        return text.toString();
    }

    @Test
    void testCopyText_EscapesTheFormatsOwnCharacters() {
        assertEquals("\\N", copyText(null));
        // a string that reads "\N" is not a null: its backslash is doubled
        assertEquals("\\\\N", copyText("\\N"));
        assertEquals("a\\tb\\nc\\rd\\\\e", copyText("a\tb\nc\rd\\e"));
        assertEquals("Müller & Söhne, 12.345,67 €", copyText("Müller & Söhne, 12.345,67 €"));
        assertEquals("", copyText(""));
    }

    @Test
    void testCopyText_NumbersDatesAndBooleansAsPostgreSqlReadsThem() {
        // plain digits, never an exponent: 1E+3 is 1000, 0.000000025 stays as written
        assertEquals("1000", copyText(new BigDecimal("1E+3")));
        assertEquals("0.000000025", copyText(new BigDecimal("2.5E-8")));
        assertEquals("-12.3400", copyText(new BigDecimal("-12.3400")));
        assertEquals("42", copyText(42L));
        assertEquals("7", copyText(7));
        assertEquals("t", copyText(true));
        assertEquals("f", copyText(false));
        assertEquals("2026-10-01", copyText(LocalDate.of(2026, 10, 1)));
    }

    @Test
    void testCopyText_RefusesATypeItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> copyText(1.5d));
    }
}
