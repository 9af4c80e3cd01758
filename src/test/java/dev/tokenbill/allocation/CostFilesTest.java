package dev.tokenbill.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokenbill.allocation.internal.CostFiles;
import dev.tokenbill.csv.InputFileException;
import dev.tokenbill.money.Money;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional costs.csv: every row is checked, whatever its period; a bad one names file, line and problem. */
class CostFilesTest {

    private static final String HEADER = "period,pool,amount,currency\n";
    private static final Currency USD = Currency.getInstance("USD");

    @TempDir
    Path dir;

    private void costs(String text) throws IOException {
        Files.writeString(dir.resolve("costs.csv"), text);
    }

    private void assertProblem(String period, String message) {
        assertThatThrownBy(() -> CostFiles.poolsOf(dir, period))
                .isInstanceOf(InputFileException.class)
                .hasMessage(message);
    }

    @Test
    void testNoCostsFile_NoPools() {
        assertThat(CostFiles.poolsOf(dir, "2026-10")).isEmpty();
    }

    @Test
    void testThePoolsOfThePeriod() throws IOException {
        costs(HEADER + "2026-10,hardware,500.00,USD\n2026-11,hardware,250,USD\n2026-10,operations,200.5,USD\n");

        assertThat(CostFiles.poolsOf(dir, "2026-10")).containsExactly(
                java.util.Map.entry("hardware", Money.of("500.00", USD)),
                java.util.Map.entry("operations", Money.of("200.50", USD)));
    }

    @Test
    void testAmountWithHalfAYen() throws IOException {
        costs(HEADER + "2026-10,hardware,75000,JPY\n2026-10,software,1200.5,JPY\n");

        assertProblem("2026-10", "costs.csv:3: pool 'software' amount 1200.5 has more decimals than JPY allows (0)");
    }

    @Test
    void testAmountWithATenthOfACent() throws IOException {
        costs(HEADER + "2026-10,hardware,500.005,USD\n");

        assertProblem("2026-10", "costs.csv:2: pool 'hardware' amount 500.005 has more decimals than USD allows (2)");
    }

    @Test
    void testABadRowOfAnotherPeriod_FailsTooForTheFileIsBroken() throws IOException {
        costs(HEADER + "2026-09,hardware,1.001,USD\n2026-10,hardware,500.00,USD\n");

        assertProblem("2026-10", "costs.csv:2: pool 'hardware' amount 1.001 has more decimals than USD allows (2)");
    }

    @Test
    void testAmountTooLargeToStore() throws IOException {
        costs(HEADER + "2026-10,hardware,1e17,USD\n");

        assertProblem("2026-10",
                "costs.csv:2: pool 'hardware' amount is too large: at most 16 digits before the decimal point are stored");
    }

    @Test
    void testPoolNameLongerThanStored() throws IOException {
        costs(HEADER + "2026-10," + "p".repeat(65) + ",1.00,USD\n");

        assertProblem("2026-10", "costs.csv:2: pool is 65 characters, at most 64 are stored");
    }

    @Test
    void testEmptyPoolName() throws IOException {
        costs(HEADER + "2026-10,,1.00,USD\n");

        assertProblem("2026-10", "costs.csv:2: pool is empty");
    }

    @Test
    void testPeriodNotAPeriod() throws IOException {
        costs(HEADER + "October,hardware,1.00,USD\n");

        assertProblem("2026-10", "costs.csv:2: period 'October' is not YYYY-MM or YYYY-MM-DD");
    }

    @Test
    void testNegativeAmount() throws IOException {
        costs(HEADER + "2026-10,hardware,-1.00,USD\n");

        assertProblem("2026-10", "costs.csv:2: pool 'hardware' has a negative amount");
    }

    @Test
    void testPoolsOfOnePeriodInTwoCurrencies() throws IOException {
        costs(HEADER + "2026-10,hardware,1.00,USD\n2026-10,software,1.00,EUR\n");

        assertProblem("2026-10", "costs.csv:3: the cost pools of 2026-10 mix USD and EUR; one currency per period");
    }
}
