package dev.tokenbill.customer.internal;

import dev.tokenbill.catalog.Catalog;
import dev.tokenbill.catalog.Plan;
import dev.tokenbill.catalog.StoredLength;
import dev.tokenbill.csv.CsvRow;
import dev.tokenbill.csv.CsvSource;
import dev.tokenbill.csv.InputFileException;
import dev.tokenbill.customer.Customer;
import dev.tokenbill.customer.Subscription;
import dev.tokenbill.tax.VatNumbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates customers.csv and subscriptions.csv. Any invalid record is a file-level
 * error ({@link InputFileException}): customers and subscriptions are master data, and billing a
 * period with a broken customer list would be wrong for everyone.
 */
public final class CustomerFiles {

    public static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9._-]{1," + StoredLength.CUSTOMER_ID.max() + "}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Set<String> CUSTOMER_COLUMNS = Set.of("customer_id", "name", "billing_email", "address",
            "country", "currency", "tax_exempt");
    /** The optional columns of customers.csv (SPEC): documents' language, own payment terms, tax id, e-invoice. */
    private static final Set<String> CUSTOMER_OPTIONAL = Set.of("tax_id", "language", "payment_terms_days", "einvoice");
    private static final Set<String> SUBSCRIPTION_COLUMNS = Set.of("subscription_id", "customer_id", "plan_id",
            "start_date", "end_date", "quantity", "coupon_code");

    private CustomerFiles() {
    }

    /** The customers and subscriptions as read; {@code subscriptionLines}: the line of each subscription id. */
    public record CustomerBook(List<Customer> customers, List<Subscription> subscriptions,
            Map<String, Long> subscriptionLines) {

        public CustomerBook {
            subscriptionLines = Map.copyOf(subscriptionLines);
        }

        /** The line of subscriptions.csv that holds {@code subscriptionId} (0 if unknown). */
        public long lineOf(String subscriptionId) {
            return subscriptionLines.getOrDefault(subscriptionId, 0L);
        }
    }

    /** Where a pass over the files hands each record as it is read and checked: every customer, then every subscription. */
    public interface Sink {

        void customer(Customer customer);

        /** @param line the subscription's line of subscriptions.csv */
        void subscription(Subscription subscription, long line);
    }

    /**
     * Reads and checks both files, in full, holding all they hold: for tests and tools. A billing run streams them
     * ({@link #read(Path, Catalog, Sink)}).
     */
    public static CustomerBook read(Path inputDir, Catalog catalog) {
        List<Customer> customers = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        Map<String, Long> lines = new java.util.HashMap<>();
        read(inputDir, catalog, new Sink() {
            @Override
            public void customer(Customer customer) {
                customers.add(customer);
            }

            @Override
            public void subscription(Subscription subscription, long line) {
                subscriptions.add(subscription);
                lines.put(subscription.id(), line);
            }
        });
        subscriptions.sort(Comparator.comparing(Subscription::customerId).thenComparing(Subscription::start));
        return new CustomerBook(List.copyOf(customers), List.copyOf(subscriptions), lines);
    }

    /**
     * Reads and checks customers.csv, then subscriptions.csv, handing each record to {@code sink} as it is read (in
     * file order); the first problem throws {@link InputFileException}, possibly after the sink had earlier records.
     * Holds only what the checks need, not the records: at 1,000,000 customers the records took about 800 MB of
     * heap, these checks about a third of that.
     *
     * @return every customer's invoice currency by customer id (what the credit file's checks need)
     */
    public static Map<String, Currency> read(Path inputDir, Catalog catalog, Sink sink) {
        Map<String, Currency> currencies = customers(inputDir.resolve("customers.csv"), catalog, sink);
        subscriptions(inputDir.resolve("subscriptions.csv"), currencies, catalog, sink);
        return currencies;
    }

    private static Map<String, Currency> customers(Path file, Catalog catalog, Sink sink) {
        Map<String, Currency> customers = new java.util.HashMap<>();
        try (CsvSource source = CsvSource.open(file, CUSTOMER_COLUMNS, CUSTOMER_OPTIONAL, false)) {
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                Customer customer = customer(source.fileName(), row, catalog);
                if (customers.put(customer.id(), customer.currency()) != null) {
                    throw error(source, row, "customer_id '" + customer.id() + "' appears twice");
                }
                sink.customer(customer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (customers.isEmpty()) {
            throw new InputFileException(file.getFileName().toString(), 0, "file has a header but no customer");
        }
        return customers;
    }

    private static Customer customer(String file, CsvRow row, Catalog catalog) {
        requireCellCount(file, row);
        String id = row.get("customer_id").strip();
        requireLength(file, row, "customer_id", StoredLength.CUSTOMER_ID);
        if (!CUSTOMER_ID.matcher(id).matches()) {
            throw new InputFileException(file, row.line(), "customer_id '" + id
                    + "' must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'");
        }
        String name = row.get("name").strip();
        if (name.isEmpty()) {
            throw new InputFileException(file, row.line(), "customer " + id + " has no name");
        }
        String country = row.get("country").strip();
        if (!COUNTRY.matcher(country).matches()) {
            throw new InputFileException(file, row.line(), "country '" + country + "' is not an ISO 3166-1 alpha-2 code");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(row.get("currency").strip());
        } catch (IllegalArgumentException e) {
            throw new InputFileException(file, row.line(), "currency '" + row.get("currency") + "' is not an ISO 4217 code");
        }
        String exempt = row.get("tax_exempt").strip().toLowerCase(java.util.Locale.ROOT);
        if (!exempt.equals("true") && !exempt.equals("false")) {
            throw new InputFileException(file, row.line(), "tax_exempt must be true or false, got '" + exempt + "'");
        }
        boolean taxExempt = exempt.equals("true");
        // the customer table's column sizes: a longer text would fail loadCustomers with a driver error
        requireLength(file, row, "name", StoredLength.CUSTOMER_NAME);
        requireLength(file, row, "billing_email", StoredLength.BILLING_EMAIL);
        requireLength(file, row, "address", StoredLength.ADDRESS);
        if (!taxExempt && catalog.taxFor(country).isEmpty()) {
            throw new InputFileException(file, row.line(), "customer " + id + " is in " + country
                    + " but the catalog has no tax rate for " + country + " (add one under taxes, or mark the customer tax_exempt)");
        }
        String taxId = row.get("tax_id").strip().replace(" ", "");
        requireLength(file, row, "tax_id", StoredLength.TAX_ID);
        if (!taxId.isEmpty()) {
            VatNumbers.problem(country, taxId).ifPresent(problem -> {
                throw new InputFileException(file, row.line(), problem);
            });
        }
        String language = row.get("language").strip();
        if (!language.isEmpty() && !Customer.LANGUAGES.contains(language)) {
            throw new InputFileException(file, row.line(), "language '" + language + "' must be one of "
                    + String.join(", ", Customer.LANGUAGES) + " (empty: en)");
        }
        String terms = row.get("payment_terms_days").strip();
        Integer paymentTermsDays = null;
        if (!terms.isEmpty()) {
            if (!terms.matches("[0-9]{1,3}") || Integer.parseInt(terms) > 365) {
                throw new InputFileException(file, row.line(), "payment_terms_days must be a whole number of days from 0"
                        + " to 365, got '" + terms + "'");
            }
            paymentTermsDays = Integer.parseInt(terms);
        }
        String einvoice = row.get("einvoice").strip();
        if (!einvoice.isEmpty() && !Customer.EINVOICE_FORMATS.contains(einvoice)) {
            throw new InputFileException(file, row.line(), "einvoice '" + einvoice + "' must be one of "
                    + String.join(", ", Customer.EINVOICE_FORMATS) + " (empty: the default)");
        }
        if (einvoice.equals("facturx") || einvoice.equals("xrechnung")) {
            // what an EN 16931 document needs and the catalog or the currency may lack: refused before any billing
            if (catalog.seller().country() == null) {
                throw new InputFileException(file, row.line(), "einvoice '" + einvoice + "' of customer " + id
                        + " needs the seller's country (seller.country in the catalog)");
            }
            if (einvoice.equals("xrechnung") && catalog.seller().phone().isEmpty()) {
                throw new InputFileException(file, row.line(), "einvoice 'xrechnung' of customer " + id
                        + " needs the seller's telephone (seller.phone in the catalog; XRechnung rule BR-DE-6)");
            }
            if (currency.getDefaultFractionDigits() != 2) {
                throw new InputFileException(file, row.line(), "einvoice '" + einvoice + "' of customer " + id
                        + " is written with amounts of 2 decimals, but " + currency.getCurrencyCode() + " has "
                        + currency.getDefaultFractionDigits());
            }
        }
        return new Customer(id, name, row.get("billing_email").strip(), row.get("address").strip(), country, currency,
                taxExempt, taxId.isEmpty() ? null : taxId, language.isEmpty() ? "en" : language, paymentTermsDays,
                einvoice.isEmpty() ? null : einvoice);
    }

    private static void subscriptions(Path file, Map<String, Currency> customers, Catalog catalog, Sink sink) {
        Set<String> ids = new java.util.HashSet<>();
        // each customer's earlier subscriptions as (start, end, number) in epoch days, end MAX when open: the overlap
        // check is per customer, not n x n, and holds no subscription
        Map<String, long[]> spansByCustomer = new java.util.HashMap<>();
        List<String> idOfNumber = new ArrayList<>();
        try (CsvSource source = CsvSource.open(file, SUBSCRIPTION_COLUMNS, Set.of(), false)) {
            for (CsvRow row = source.next(); row != null; row = source.next()) {
                Subscription subscription = subscription(source.fileName(), row, customers, catalog);
                if (!ids.add(subscription.id())) {
                    throw error(source, row, "subscription_id '" + subscription.id() + "' appears twice");
                }
                long start = subscription.start().toEpochDay();
                long end = subscription.end() == null ? Long.MAX_VALUE : subscription.end().toEpochDay();
                long[] spans = spansByCustomer.getOrDefault(subscription.customerId(), NO_SPANS);
                for (int i = 0; i < spans.length; i += 3) {
                    // [start, end) spans overlap unless one ends on or before the other starts
                    if (spans[i] < end && start < spans[i + 1]) {
                        throw error(source, row, "subscription " + subscription.id() + " of customer "
                                + subscription.customerId() + " overlaps subscription " + idOfNumber.get((int) spans[i + 2])
                                + " (end_date is exclusive: a plan change ends one on the day the next starts)");
                    }
                }
                long[] more = Arrays.copyOf(spans, spans.length + 3);
                more[spans.length] = start;
                more[spans.length + 1] = end;
                more[spans.length + 2] = idOfNumber.size();
                spansByCustomer.put(subscription.customerId(), more);
                idOfNumber.add(subscription.id());
                sink.subscription(subscription, row.line());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final long[] NO_SPANS = new long[0];

    private static Subscription subscription(String file, CsvRow row, Map<String, Currency> customers, Catalog catalog) {
        requireCellCount(file, row);
        String id = row.get("subscription_id").strip();
        if (id.isEmpty()) {
            throw new InputFileException(file, row.line(), "subscription_id is empty");
        }
        requireLength(file, row, "subscription_id", StoredLength.SUBSCRIPTION_ID);
        String customerId = row.get("customer_id").strip();
        Currency currency = customers.get(customerId);
        if (currency == null) {
            throw new InputFileException(file, row.line(), "subscription " + id + " refers to unknown customer '"
                    + customerId + "'");
        }
        String planId = row.get("plan_id").strip();
        Plan plan = catalog.plan(planId).orElseThrow(() -> new InputFileException(file, row.line(),
                "subscription " + id + " refers to plan '" + planId + "', which the catalog does not define"));
        if (!plan.currency().equals(currency)) {
            throw new InputFileException(file, row.line(), "subscription " + id + ": plan " + planId + " is priced in "
                    + plan.currency() + " but customer " + customerId + " is billed in " + currency);
        }
        LocalDate start = date(file, row, "start_date", false);
        LocalDate end = date(file, row, "end_date", true);
        if (end != null && !end.isAfter(start)) {
            throw new InputFileException(file, row.line(), "subscription " + id + " ends (" + end
                    + ") on or before it starts (" + start + "); end_date is exclusive");
        }
        int quantity = 1;
        String q = row.get("quantity").strip();
        if (!q.isEmpty()) {
            try {
                quantity = Integer.parseInt(q);
            } catch (NumberFormatException e) {
                quantity = 0;
            }
            if (quantity < 1) {
                throw new InputFileException(file, row.line(), "quantity must be a whole number >= 1, got '" + q + "'");
            }
        }
        String coupon = row.get("coupon_code").strip();
        if (!coupon.isEmpty()) {
            var defined = catalog.coupon(coupon).orElseThrow(() -> new InputFileException(file, row.line(),
                    "subscription " + id + " uses coupon '" + coupon + "', which the catalog does not define"));
            if (defined.currency() != null && !defined.currency().equals(plan.currency())) {
                throw new InputFileException(file, row.line(), "subscription " + id + ": coupon " + coupon + " is a fixed "
                        + defined.currency() + " amount but plan " + planId + " is priced in " + plan.currency());
            }
        }
        return new Subscription(id, customerId, planId, start, end, quantity, coupon.isEmpty() ? null : coupon);
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

    private static void requireLength(String file, CsvRow row, String column, StoredLength limit) {
        limit.problem(column, row.get(column).strip()).ifPresent(problem -> {
            throw new InputFileException(file, row.line(), problem);
        });
    }

    private static void requireCellCount(String file, CsvRow row) {
        if (!row.hasExpectedCellCount()) {
            throw new InputFileException(file, row.line(), "expected " + row.expectedCount() + " columns, found "
                    + row.cellCount());
        }
    }

    private static InputFileException error(CsvSource source, CsvRow row, String problem) {
        return new InputFileException(source.fileName(), row.line(), problem);
    }
}
