package dev.tokenbill.job.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.csv.InputFileException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ValidateInputsTasklet#requireUtf8}: the whole file is strict UTF-8, or the error names the bad byte's line. */
class RequireUtf8Test {

    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("2026-10-a.csv"), bytes);
    }

    private static byte[] withBadBytes(String before, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.write(0xC3);
        out.write(0x28);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void testBadBytesInACell_NamesFileAndLine() throws IOException {
        Path file = write(withBadBytes("event_id,timestamp\ne1,t1\ne2,", "\ne3,t3\n"));

        assertThatThrownBy(() -> ValidateInputsTasklet.requireUtf8(file))
                .isInstanceOf(InputFileException.class)
                .hasMessage("2026-10-a.csv:3: bytes that are not valid UTF-8 (save the file as UTF-8)");
    }

    @Test
    void testBadBytesOnTheFirstLine() throws IOException {
        Path file = write(withBadBytes("event_id", ",timestamp\n"));

        assertThatThrownBy(() -> ValidateInputsTasklet.requireUtf8(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("2026-10-a.csv:1: ");
    }

    @Test
    void testBadBytesFarBeyondTheFirstBlock() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < 30_000; i++) {
            text.append("evt-").append(i).append(",2026-10-05T13:45:12.345Z\n");
        }
        Path file = write(withBadBytes(text.toString(), "\n"));

        assertThatThrownBy(() -> ValidateInputsTasklet.requireUtf8(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("2026-10-a.csv:30000: ");
    }

    @Test
    void testTruncatedSequenceAtEndOfFile() throws IOException {
        byte[] text = "a,b\n1,\u20ac".getBytes(StandardCharsets.UTF_8);
        Path file = write(Arrays.copyOf(text, text.length - 2));

        assertThatThrownBy(() -> ValidateInputsTasklet.requireUtf8(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("2026-10-a.csv:2: ");
    }

    @Test
    void testBomAndMultiByteText_AreValid() throws IOException {
        Path file = write("\uFEFFevent_id,model\ne1,K\u00f6ln \u20ac \ud83d\ude80 \u05e9\u05dc\u05d5\u05dd\n".getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> ValidateInputsTasklet.requireUtf8(file)).doesNotThrowAnyException();
    }

    @Test
    void testEmptyFile_IsValidUtf8() throws IOException {
        Path file = write(new byte[0]);

        assertThatCode(() -> ValidateInputsTasklet.requireUtf8(file)).doesNotThrowAnyException();
    }

    @Test
    void testIsAscii_FindsAHighBitInTheWordsAndInTheTail() {
        byte[] bytes = new byte[21];
        Arrays.fill(bytes, (byte) 'a');
        assertThat(ValidateInputsTasklet.isAscii(bytes, 21)).isTrue();
        for (int at : new int[] {0, 7, 8, 15, 16, 20}) {
            byte[] one = bytes.clone();
            one[at] = (byte) 0x80;
            assertThat(ValidateInputsTasklet.isAscii(one, 21)).as("high bit at %d", at).isFalse();
            assertThat(ValidateInputsTasklet.isAscii(one, at)).as("only the bytes before %d", at).isTrue();
        }
    }

    @Test
    void testStrayContinuationByteRightAfterAnAsciiBlock_NamesItsLine() throws IOException {
        // the first 64 KiB block is ASCII (skipped undecoded) and the next starts with 0x80, which no lead byte
        // precedes: 4,096 lines of 16 bytes fill the first block exactly, so the bad byte is on line 4,097
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 4096; i++) {
            out.writeBytes("e,xxxxxxxxxxxxx\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(out.size()).isEqualTo(1 << 16);
        out.write(0x80);
        out.writeBytes(",t\n".getBytes(StandardCharsets.US_ASCII));
        Path file = write(out.toByteArray());

        assertThatThrownBy(() -> ValidateInputsTasklet.requireUtf8(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("2026-10-a.csv:4097: ");
    }

    @ParameterizedTest(name = "4-byte character starts {0} bytes before the 64 KiB block boundary")
    @ValueSource(ints = {1, 2, 3, 4})
    void testMultiByteCharacterAcrossTheBlockBoundary_IsValid(int before) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < (1 << 16) - before - 20) {
            out.writeBytes("e,xxxxxxxxxxxxxxx\n".getBytes(StandardCharsets.UTF_8));
        }
        while (out.size() < (1 << 16) - before) {
            out.write('y');
        }
        out.writeBytes("\ud83d\ude80\n".getBytes(StandardCharsets.UTF_8));
        Path file = write(out.toByteArray());

        assertThatCode(() -> ValidateInputsTasklet.requireUtf8(file)).doesNotThrowAnyException();
    }
}
