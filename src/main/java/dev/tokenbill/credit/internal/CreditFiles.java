package dev.tokenbill.credit.internal;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the optional credits.csv (prepaid resource packs); any invalid record fails the file. */
public final class CreditFiles {

    private static final Set<String> COLUMNS = Set.of("grant_id", "customer_id", "granted_on", "amount", "currency",
            "expires_on");

    private CreditFiles() {
    }

    /** A grant as read: its full amount (the balance comes from the database). */
    public record Grant(String grantId, String customerId, LocalDate grantedOn, Money amount, LocalDate expiresOn) {
    }

    /** @param currencies every customer's invoice currency, by customer id */
    public static List<Grant> read(Path inputDir, Map<String, Currency> currencies) {
        Path file = inputDir.resolve("credits.csv");
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Grant> grants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (CsvSource source = CsvSource.open(file, COLUMNS, Set.of(), false)) {
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                String name = source.fileName();
                if (!row.hasExpectedCellCount()) {
                    throw new InputFileException(name, row.line(), "expected " + row.expectedCount() + " columns, found "
                            + row.cellCount());
                }
                String id = row.get("grant_id").strip();
                if (id.isEmpty()) {
                    throw new InputFileException(name, row.line(), "grant_id is empty");
                }
                check(name, row, StoredLength.GRANT_ID.problem("grant_id", id));
                if (!ids.add(id)) {
                    throw new InputFileException(name, row.line(), "grant_id '" + id + "' appears twice");
                }
                String customerId = row.get("customer_id").strip();
                Currency billedIn = currencies.get(customerId);
                if (billedIn == null) {
                    throw new InputFileException(name, row.line(), "grant " + id + " is for unknown customer '"
                            + row.get("customer_id") + "'");
                }
                Currency currency;
                BigDecimal amount;
                try {
                    currency = Currency.getInstance(row.get("currency").strip());
                    amount = new BigDecimal(row.get("amount").strip());
                } catch (IllegalArgumentException e) {
                    throw new InputFileException(name, row.line(), "grant " + id + ": amount or currency is not valid");
                }
                if (!currency.equals(billedIn)) {
                    throw new InputFileException(name, row.line(), "grant " + id + " is in " + currency + " but customer "
                            + customerId + " is billed in " + billedIn);
                }
                if (amount.signum() < 0) {
                    throw new InputFileException(name, row.line(), "grant " + id + " has a negative amount");
                }
                check(name, row, MoneyAmounts.problem("grant " + id + " amount", amount, currency));
                Money money = Money.of(amount.stripTrailingZeros(), currency);
                grants.add(new Grant(id, customerId, date(name, row, "granted_on", false), money,
                        date(name, row, "expires_on", true)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return grants;
    }

    private static void check(String file, CsvRow row, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new InputFileException(file, row.line(), problem.get());
        }
    }

    private static LocalDate date(String file, CsvRow row, String column, boolean optional) {
        String text = row.get(column).strip();
        if (text.isEmpty() && optional) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InputFileException(file, row.line(), column + " '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }
}
