package dev.tokenbill.job.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input files a run records, and the sentence a restart is refused with when they changed. */
class RunInputsTest {

    @TempDir
    Path input;

    @Test
    void testFingerprint_NamesEveryInputFileRelativeToTheDirectory_WithSizeAndSha256() throws Exception {
        // given
        write("catalog.yaml", "abc");
        write("customers.csv", "");
        write("usage/b.csv", "x");
        write("usage/a.csv", "y");
        write("usage/notes.txt", "not an input");

        // when
        Map<String, RunInputs.Fingerprint> files = RunInputs.fingerprint(input);

        // then: SHA-256("abc") and SHA-256("") are the FIPS 180-2 / NIST test vectors
        assertThat(files.keySet()).containsExactly("catalog.yaml", "customers.csv", "usage/a.csv", "usage/b.csv");
        assertThat(files.get("catalog.yaml")).isEqualTo(new RunInputs.Fingerprint(3,
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        assertThat(files.get("customers.csv")).isEqualTo(new RunInputs.Fingerprint(0,
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    @Test
    void testDifferences_ChangedGoneAndNewFiles_EachNamed() throws Exception {
        // given
        write("catalog.yaml", "abc");
        write("usage/a.csv", "1");
        write("usage/b.csv", "2");
        Map<String, RunInputs.Fingerprint> recorded = RunInputs.fingerprint(input);

        // when: one usage file changes (same size), one goes, one comes
        write("usage/a.csv", "3");
        Files.delete(input.resolve("usage/b.csv"));
        write("usage/c.csv", "4");

        // then
        String changes = RunInputs.differences(recorded, RunInputs.fingerprint(input)).orElseThrow();
        assertThat(changes).contains("usage/a.csv changed (1 bytes").contains("usage/b.csv is gone")
                .contains("usage/c.csv is new").doesNotContain("catalog.yaml");
    }

    @Test
    void testDifferences_SameFiles_None() throws Exception {
        write("catalog.yaml", "abc");
        assertThat(RunInputs.differences(RunInputs.fingerprint(input), RunInputs.fingerprint(input))).isEmpty();
    }

    @Test
    void testChangedSince_OnlyTheNamedFiles_AndNothingWhenNothingWasRecorded() throws Exception {
        // given: the files as validateInputs recorded them
        write("catalog.yaml", "abc");
        write("customers.csv", "customer_id\nacme\n");
        write("subscriptions.csv", "subscription_id\ns1\n");
        write("usage/a.csv", "1");
        Map<String, RunInputs.Fingerprint> recorded = RunInputs.fingerprint(input);
        assertThat(RunInputs.changedSince(recorded, input, RunInputs.LOADED)).isEmpty();

        // when: customers.csv is replaced before loadCustomers reads it again, a usage file too, credits.csv appears
        write("customers.csv", "customer_id\nacme\nbeta\n");
        write("usage/a.csv", "2");
        write("credits.csv", "grant_id\n");

        // then: the loaded files are named, the usage file is not loadCustomers' to check
        String changes = RunInputs.changedSince(recorded, input, RunInputs.LOADED).orElseThrow();
        assertThat(changes).contains("customers.csv changed (").contains("credits.csv is new")
                .doesNotContain("subscriptions.csv").doesNotContain("usage/a.csv");
        assertThat(RunInputs.changedSince(Map.of(), input, RunInputs.LOADED)).isEmpty();
    }

    private void write(String name, String text) throws Exception {
        Files.createDirectories(input.resolve(name).getParent());
        Files.writeString(input.resolve(name), text, StandardCharsets.UTF_8);
    }
}
