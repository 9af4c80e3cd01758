package dev.tokenbill.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.invoice.pdf.InvoiceViews;
import dev.tokenbill.invoice.pdf.PdfText;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Text from input files that ends up in output: invoice PDF file names never leave the invoices
 * directory, and customer text laid out in a PDF carries no control or bidi formatting characters.
 */
class HostileOutputTest {

    @TempDir
    Path dir;

    static Stream<Arguments> fileNames() {
        return Stream.of(
                Arguments.of("TB-000001", "cobalt-voice"),
                Arguments.of("TB-000001", "../../etc"),
                Arguments.of(null, "../../etc"),
                Arguments.of(null, ".."),
                Arguments.of(null, "."),
                Arguments.of(null, "/etc/passwd"),
                Arguments.of(null, "..\\..\\windows\\system32"),
                Arguments.of(null, "a/../../b"),
                Arguments.of(null, "C:\\evil"),
                Arguments.of(null, "\u202Egpj.exe"),
                Arguments.of(null, "nul\u0000byte"),
                Arguments.of("../TB-1", "x"),
                Arguments.of("..", "x"),
                Arguments.of("/abs/TB-1", "x"));
    }

    @ParameterizedTest(name = "number={0}, customer={1}")
    @MethodSource("fileNames")
    void testInvoiceFileName_StaysInTheInvoicesDirectory(String number, String customerId) {
        String name = InvoiceViews.fileName(number, customerId);

        assertThat(name).doesNotContain("/", "\\", "\u0000", "\u202E").endsWith(".pdf");
        assertThat(name).isNotIn(".", "..");
        Path resolved = dir.resolve(name).normalize();
        assertThat(resolved).startsWithRaw(dir);
        assertThat(resolved.getParent()).isEqualTo(dir);
    }

    @Test
    void testInvoiceFileName_NumberOrDraftCustomer() {
        assertThat(InvoiceViews.fileName("TB-000001", "../../etc")).isEqualTo("TB-000001.pdf");
        assertThat(InvoiceViews.fileName(null, "cobalt-voice")).isEqualTo("DRAFT-cobalt-voice.pdf");
        assertThat(InvoiceViews.fileName(null, "../../etc")).startsWith("DRAFT-");
    }

    @Test
    void testPdfText_StripsControlCharacters() {
        assertThat(PdfText.clean("a\u0000b\u0001c\u0007d\u001Be\u007Ff\u0085g\u009Fh")).isEqualTo("abcdefgh");
    }

    @Test
    void testPdfText_KeepsNewlineAndTab_NormalisesCarriageReturns() {
        assertThat(PdfText.clean("Line 1\r\nLine 2\rLine 3\n\tindented")).isEqualTo("Line 1\nLine 2\nLine 3\n\tindented");
    }

    @Test
    void testPdfText_StripsBidiMarksEmbeddingsOverridesAndIsolates() {
        String hostile = "\u200Einvoice\u200F \u061Cpaid\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069 in full";

        assertThat(PdfText.clean(hostile)).isEqualTo("invoice paid in full");
    }

    @Test
    void testPdfText_RightToLeftOverrideCannotReverseAFileExtension() {
        assertThat(PdfText.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void testPdfText_KeepsOrdinaryUnicodeText() {
        String text = "Technische Hochschule Rheinau, Labor f\u00fcr Sprachmodelle \u2014 B\u00e2timent B, \u05e9\u05dc\u05d5\u05dd";

        assertThat(PdfText.clean(text)).isSameAs(text);
    }

    @Test
    void testPdfText_NullAndEmpty() {
        assertThat(PdfText.clean(null)).isEmpty();
        assertThat(PdfText.clean("")).isEmpty();
    }
}
