package dev.tokenbill.job.inputs;

import dev.tokenbill.allocation.internal.CostFiles;
import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.credit.internal.CreditFiles;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.internal.CustomerFiles;
import dev.tokenbill.money.Money;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The customers, subscriptions, credit grants and cost pools that validateInputs read and checked,
 * kept for loadCustomers of the same job execution so that those files are parsed once. A bean of
 * job scope: every execution, a restart in a new process included, validates before it loads, so
 * loadCustomers always finds what the files held when they were checked.
 */
public class ValidatedInputs {

    /** What was read from the input directory {@code input}. */
    public record Read(Path input, CustomerFiles.CustomerBook book, List<CreditFiles.Grant> grants,
            Map<String, Money> pools) {
    }

    private final AtomicReference<Read> kept = new AtomicReference<>();

    /** Reads and checks the customer, subscription, credit and cost files of {@code input}; a problem throws InputFileException. */
    public static Read read(Path input, Catalog catalog, String period) {
        CustomerFiles.CustomerBook book = CustomerFiles.read(input, catalog);
        Map<String, Customer> byId = book.customers().stream().collect(Collectors.toMap(Customer::id, Function.identity()));
        return new Read(input, book, CreditFiles.read(input, byId), CostFiles.poolsOf(input, period));
    }

    public void keep(Read read) {
        kept.set(read);
    }

    /** What was kept for {@code input}, handed over once (it is not held for the rest of the run); empty if nothing was. */
    public Optional<Read> take(Path input) {
        Read read = kept.getAndSet(null);
        return read != null && read.input().equals(input) ? Optional.of(read) : Optional.empty();
    }
}
