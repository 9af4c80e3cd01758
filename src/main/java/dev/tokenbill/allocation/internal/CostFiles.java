package dev.tokenbill.allocation.internal;

import dev.tokenbill.catalog.MoneyAmounts;
import dev.tokenbill.catalog.StoredLength;
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
import java.util.regex.Pattern;

/**
 * Reads the optional costs.csv and returns the cost pools of one period. Every row is checked,
 * whatever its period, so a broken file fails the first run that reads it; all pools of the
 * period must be in one currency: costs are never converted.
 */
public final class CostFiles {

    private static final Set<String> COLUMNS = Set.of("period", "pool", "amount", "currency");
    private static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");

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
                String rowPeriod = row.get("period").strip();
                String pool = row.get("pool").strip();
                Money amount = pool(name, row, rowPeriod, pool);
                if (!rowPeriod.equals(period)) {
                    continue;
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

    /** One row's own checks: period, pool name, currency and amount. */
    private static Money pool(String name, CsvRow row, String period, String pool) {
        if (!row.hasExpectedCellCount()) {
            throw new InputFileException(name, row.line(), "expected " + row.expectedCount() + " columns, found "
                    + row.cellCount());
        }
        if (!PERIOD.matcher(period).matches()) {
            throw new InputFileException(name, row.line(), "period '" + period + "' is not YYYY-MM or YYYY-MM-DD");
        }
        if (pool.isEmpty()) {
            throw new InputFileException(name, row.line(), "pool is empty");
        }
        StoredLength.COST_POOL.problem("pool", pool).ifPresent(problem -> {
            throw new InputFileException(name, row.line(), problem);
        });
        Currency currency;
        BigDecimal amount;
        try {
            currency = Currency.getInstance(row.get("currency").strip());
            amount = new BigDecimal(row.get("amount").strip());
        } catch (IllegalArgumentException e) {
            throw new InputFileException(name, row.line(), "pool '" + pool + "': amount or currency is not valid");
        }
        if (amount.signum() < 0) {
            throw new InputFileException(name, row.line(), "pool '" + pool + "' has a negative amount");
        }
        MoneyAmounts.problem("pool '" + pool + "' amount", amount, currency).ifPresent(problem -> {
            throw new InputFileException(name, row.line(), problem);
        });
        return Money.of(amount.stripTrailingZeros(), currency);
    }
}
