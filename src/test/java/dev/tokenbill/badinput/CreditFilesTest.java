package dev.tokenbill.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tokenbill.credit.internal.CreditFiles;
import dev.tokenbill.csv.InputFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The optional credits.csv: any bad grant fails the file, naming file, line and problem. */
class CreditFilesTest {

    private static final String HEADER = "grant_id,customer_id,granted_on,amount,currency,expires_on\n";
    private static final Map<String, Currency> CUSTOMERS = Map.of("acme", Currency.getInstance("USD"));

    @TempDir
    Path dir;

    private void credits(String text) throws IOException {
        Files.writeString(dir.resolve("credits.csv"), text);
    }

    private void assertProblem(String messageStart, String problem) {
        assertThatThrownBy(() -> CreditFiles.read(dir, CUSTOMERS))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(messageStart)
                .hasMessageContaining(problem);
    }

    @Test
    void testNoCreditsFile_NoGrants() {
        assertThat(CreditFiles.read(dir, CUSTOMERS)).isEmpty();
    }

    @Test
    void testValidGrant() throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,500.00,USD,2027-09-01\ng2,acme,2026-10-01,1E+2,USD,\n");

        assertThat(CreditFiles.read(dir, CUSTOMERS)).extracting(g -> g.amount().amount().toPlainString())
                .containsExactly("500.00", "100.00");
    }

    @Test
    void testEmptyCreditsFile() throws IOException {
        credits("");

        assertProblem("credits.csv: ", "file is empty");
    }

    @Test
    void testUnknownColumn() throws IOException {
        credits("grant_id,customer_id,granted_on,amount,currency,expires_on,note\n");

        assertProblem("credits.csv:1: ", "unknown column 'note'");
    }

    @Test
    void testGrantForUnknownCustomer() throws IOException {
        credits(HEADER + "g1,ghost,2026-09-01,500.00,USD,\n");

        assertProblem("credits.csv:2: ", "grant g1 is for unknown customer 'ghost'");
    }

    @Test
    void testGrantInAnotherCurrency() throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,500.00,EUR,\n");

        assertProblem("credits.csv:2: ", "grant g1 is in EUR but customer acme is billed in USD");
    }

    @Test
    void testGrantIdRepeated() throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,5,USD,\ng1,acme,2026-09-02,6,USD,\n");

        assertProblem("credits.csv:3: ", "grant_id 'g1' appears twice");
    }

    @ParameterizedTest(name = "amount \"{0}\"")
    @ValueSource(strings = {"ten", "NaN", "", "1,000.00"})
    void testAmountNotANumber(String amount) throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,\"" + amount + "\",USD,\n");

        assertProblem("credits.csv:2: ", "grant g1: amount or currency is not valid");
    }

    @Test
    void testNegativeAmount() throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,-5.00,USD,\n");

        assertProblem("credits.csv:2: ", "grant g1 has a negative amount");
    }

    @Test
    void testMoreDecimalsThanTheCurrency() throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,5.001,USD,\n");

        assertProblem("credits.csv:2: ", "grant g1 amount 5.001 has more decimals than USD allows (2)");
    }

    @ParameterizedTest(name = "amount \"{0}\"")
    @ValueSource(strings = {"1e17", "100000000000000000", "1e99999999", "1E+999999999"})
    void testAmountTooLarge_FailsFast(String amount) throws IOException {
        credits(HEADER + "g1,acme,2026-09-01," + amount + ",USD,\n");

        // scaling 1e99999999 to cents used to run for minutes
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertProblem("credits.csv:2: ", "grant g1 amount is too large: at most 16 digits before the decimal point"));
    }

    @ParameterizedTest(name = "amount \"{0}\"")
    @ValueSource(strings = {"1e-99999999", "1e-2147483647"})
    void testTinyAmount_FailsFast(String amount) throws IOException {
        credits(HEADER + "g1,acme,2026-09-01," + amount + ",USD,\n");

        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertProblem("credits.csv:2: ", "grant g1 amount " + amount.toUpperCase(java.util.Locale.ROOT)
                        + " has more decimals than USD allows (2)"));
    }

    @Test
    void testLargestStorableAmount_IsAccepted() throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,9999999999999999.99,USD,\n");

        assertThat(CreditFiles.read(dir, CUSTOMERS)).singleElement()
                .satisfies(g -> assertThat(g.amount().amount()).isEqualByComparingTo("9999999999999999.99"));
    }

    @Test
    void testExpiryNotADate() throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,5,USD,next year\n");

        assertProblem("credits.csv:2: ", "expires_on 'next year' is not a date (YYYY-MM-DD)");
    }

    @Test
    void testWrongCellCount() throws IOException {
        credits(HEADER + "g1,acme,2026-09-01,5,USD\n");

        assertProblem("credits.csv:2: ", "expected 6 columns, found 5");
    }

    @Test
    void testGrantIdLongerThanStored() throws IOException {
        credits(HEADER + "g".repeat(65) + ",acme,2026-09-01,5,USD,\n");

        assertProblem("credits.csv:2: ", "grant_id is 65 characters, at most 64 are stored");
    }

    @Test
    void testEmptyGrantId() throws IOException {
        credits(HEADER + ",acme,2026-09-01,5,USD,\n");

        assertProblem("credits.csv:2: ", "grant_id is empty");
    }

    @Test
    void testYenGrantWithHalfAYen() throws IOException {
        Map<String, Currency> yen = Map.of("kaisha", Currency.getInstance("JPY"));
        credits(HEADER + "g1,kaisha,2026-09-01,5000,JPY,\ng2,kaisha,2026-09-01,5000.5,JPY,\n");

        assertThatThrownBy(() -> CreditFiles.read(dir, yen))
                .isInstanceOf(InputFileException.class)
                .hasMessage("credits.csv:3: grant g2 amount 5000.5 has more decimals than JPY allows (0)");
    }
}
