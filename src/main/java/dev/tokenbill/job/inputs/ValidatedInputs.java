package dev.tokenbill.job.inputs;

import dev.tokenbill.allocation.internal.CostFiles;
import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.credit.internal.CreditFiles;
import dev.tokenbill.customer.internal.CustomerFiles;
import dev.tokenbill.money.Money;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * One checked pass over the customer, subscription, credit and cost files, for validateInputs and again for
 * loadCustomers. Nothing is kept between the two steps: customers and subscriptions stream through
 * ({@link CustomerFiles#read(Path, Catalog, CustomerFiles.Sink)}), so a run of 1,000,000 customers does not hold them
 * in the heap (it took about 800 MB when validateInputs kept them for loadCustomers); credits and costs are small
 * files, read twice.
 */
public final class ValidatedInputs {

    /** What was read from the input directory {@code input}. */
    public record Read(Path input, List<CreditFiles.Grant> grants, Map<String, Money> pools) {
    }

    /**
     * Reads and checks the customer, subscription, credit and cost files of {@code input}, handing each customer and
     * subscription to {@code sink} as read; a problem throws InputFileException.
     */
    public static Read read(Path input, Catalog catalog, String period, CustomerFiles.Sink sink) {
        Map<String, Currency> currencies = CustomerFiles.read(input, catalog, sink);
        return new Read(input, CreditFiles.read(input, currencies), CostFiles.poolsOf(input, period));
    }

    private ValidatedInputs() {
    }
}
