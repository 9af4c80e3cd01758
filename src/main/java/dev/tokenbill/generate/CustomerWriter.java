package dev.tokenbill.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Writes customers.csv and subscriptions.csv for a {@link Population}: a customer's currency is its
 * plan's, its country one with a catalog tax rate, 2% are tax exempt. Subscription dates are
 * {@code YYYY-MM-DD}, end exclusive, empty = open-ended; a plan change gives two rows that meet on one day.
 */
final class CustomerWriter {

    static final String CUSTOMERS = "customer_id,name,billing_email,address,country,currency,tax_exempt";
    static final String SUBSCRIPTIONS = "subscription_id,customer_id,plan_id,start_date,end_date,quantity,coupon_code";
    private static final double EXEMPT_SHARE = 0.02;

    private CustomerWriter() {
    }

    /** Writes both files; returns their size in bytes. */
    static long write(Path dir, Population p, LocalDate first, SplittableRandom rng) throws IOException {
        int customerWidth = Ids.width(p.size);
        int subscriptionWidth = Ids.width(2L * p.size);
        int subscription = 0;
        try (AtomicFile customers = new AtomicFile(dir.resolve("customers.csv"));
                AtomicFile subscriptions = new AtomicFile(dir.resolve("subscriptions.csv"))) {
            Writer c = writer(customers);
            Writer s = writer(subscriptions);
            c.write(CUSTOMERS + "\n");
            s.write(SUBSCRIPTIONS + "\n");
            for (int i = 0; i < p.size; i++) {
                String id = Ids.customer(i, customerWidth);
                PlanProfile plan = p.mix.plan(p.plan1[i]);
                String country = Companies.country(plan.currency(), rng);
                String[] company = Companies.company(country, rng);
                boolean exempt = rng.nextDouble() < EXEMPT_SHARE;
                c.write(String.join(",", id, quote(company[0]), company[1], quote(company[2]), country, plan.currency(),
                        Boolean.toString(exempt)) + "\n");
                int firstEnd = p.change[i] != Population.OPEN ? p.change[i] : p.end[i];
                s.write(row(Ids.subscription(++subscription, subscriptionWidth), id, plan.id(), first, p.start[i], firstEnd,
                        p.quantity1[i]));
                if (p.change[i] != Population.OPEN) {
                    s.write(row(Ids.subscription(++subscription, subscriptionWidth), id, p.mix.plan(p.plan2[i]).id(), first,
                            p.change[i], p.end[i], p.quantity2[i]));
                }
            }
            c.flush();
            s.flush();
            return customers.commit() + subscriptions.commit();
        }
    }

    private static Writer writer(AtomicFile file) {
        return new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8), 1 << 16);
    }

    private static String row(String id, String customer, String plan, LocalDate first, int start, int end, int quantity) {
        String endDate = end == Population.OPEN ? "" : first.plusDays(end).toString();
        return String.join(",", id, customer, plan, first.plusDays(start).toString(), endDate, Integer.toString(quantity), "") + "\n";
    }

    /** RFC 4180: a field with a comma, double quote or line break is quoted, its quotes doubled. */
    static String quote(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0;
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
