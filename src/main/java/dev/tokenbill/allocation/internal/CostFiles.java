package dev.tokenbill.allocation.internal;

import dev.tokenbill.csv.CsvRow;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.csv.InputFileException;
import dev.tokenbill.money.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the optional costs.csv and returns the cost pools of one period. All pools of a period
 * must be in one currency: costs are never converted.
 */
public final class CostFiles {

    private static final Set<String> COLUMNS = Set.of("period", "pool", "amount", "currency");

    private CostFiles() {
    }

    public static Map<String, Money> poolsOf(Path inputDir, String period) {
        Path file = inputDir.resolve("costs.csv");
        Map<String, Money> pools = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return pools;
        }
        try (CsvSource source = CsvSource.open(file, COLUMNS, Set.of(), false)) {
            String name = source.fileName();
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                if (!row.hasExpectedCellCount()) {
                    throw new InputFileException(name, row.line(), "expected " + row.expectedCount() + " columns, found "
                            + row.cellCount());
                }
                if (!row.get("period").strip().equals(period)) {
                    continue;
                }
                String pool = row.get("pool").strip();
                Money amount;
                try {
                    amount = Money.of(new BigDecimal(row.get("amount").strip()), Currency.getInstance(row.get("currency").strip()));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    throw new InputFileException(name, row.line(), "pool '" + pool + "': amount or currency is not valid");
                }
                if (amount.isNegative()) {
                    throw new InputFileException(name, row.line(), "pool '" + pool + "' has a negative amount");
                }
                for (Money other : pools.values()) {
                    if (!other.currency().equals(amount.currency())) {
                        throw new InputFileException(name, row.line(), "the cost pools of " + period + " mix "
                                + other.currency() + " and " + amount.currency() + "; one currency per period");
                    }
                }
                if (pools.put(pool, amount) != null) {
                    throw new InputFileException(name, row.line(), "pool '" + pool + "' appears twice for " + period);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pools;
    }
}
