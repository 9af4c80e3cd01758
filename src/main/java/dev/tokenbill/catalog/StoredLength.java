package dev.tokenbill.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The one place that holds the sizes of the database columns (db/migration) that store ids and
 * texts taken from the input. The loaders check input against them, so a value the database cannot
 * hold is a {@code file:line: problem} in validateInputs, not a driver error in a later step.
 * {@code StoredLengthTest} parses the migrations and fails when a size here and there differ.
 * Lengths count characters (code points), as {@code varchar(n)} does in H2 and PostgreSQL.
 */
public enum StoredLength {

    CUSTOMER_ID(64, "customer.customer_id", "subscription.customer_id", "usage_total.customer_id",
            "invoice.customer_id", "invoice_line.customer_id", "invoice_line_tier.customer_id",
            "credit_grant.customer_id", "credit_applied.customer_id", "cost_allocation.customer_id",
            "plan_whatif.customer_id", "usage_daily.customer_id", "credit_note.customer_id", "credit_note_line.customer_id"),
    CUSTOMER_NAME(1000, "customer.name"),
    BILLING_EMAIL(1000, "customer.email"),
    ADDRESS(4000, "customer.address"),
    COUNTRY(2, "customer.country", "invoice.tax_country", "credit_note.tax_country"),
    /** A VAT number is at most 14 characters with its country prefix (EU VIES); other tax numbers get room. */
    TAX_ID(32, "customer.tax_id", "invoice.customer_tax_id", "credit_note.customer_tax_id"),
    CURRENCY(3, "customer.currency", "invoice.currency", "credit_grant.currency", "cost_pool.currency",
            "cost_allocation.currency", "plan_whatif.currency", "credit_note.currency"),
    SUBSCRIPTION_ID(64, "subscription.subscription_id", "usage_total.subscription_id", "invoice_line.subscription_id",
            "credit_note_line.subscription_id"),
    PLAN_ID(64, "subscription.plan_id", "invoice_line.plan_id", "plan_whatif.current_plan", "plan_whatif.plan_id",
            "credit_note_line.plan_id"),
    COUPON_CODE(64, "subscription.coupon_code"),
    METER(64, "usage_total.meter", "invoice_line.meter", "credit_note_line.meter"),
    MODEL(256, "usage_total.model", "invoice_line.model", "credit_note_line.model"),
    TAX_NAME(64, "invoice.tax_name", "credit_note.tax_name"),
    /** A credit line's {@code reference} is the grant it draws on. */
    GRANT_ID(64, "credit_grant.grant_id", "credit_applied.grant_id", "credit_lock.grant_id", "invoice_line.reference",
            "credit_note_line.reference"),
    COST_POOL(64, "cost_pool.pool"),
    INVOICE_NUMBER(32, "invoice.invoice_number", "invoice.corrects", "credit_note.credit_note_number",
            "credit_note.credits_invoice"),
    LINE_DESCRIPTION(1000, "invoice_line.description", "credit_note_line.description"),
    /**
     * Why a plan what-if has no amount: made by the program from a meter and a model name, so its longest text,
     * "does not price meter <METER> of model <MODEL>", is bounded by theirs (351 characters).
     */
    WHATIF_REASON(400, "plan_whatif.reason");

    /**
     * A plan's name starts its recurring-fee line's description; the rest of that text, such as
     * " recurring fee (2026-10-21, 11/31 days, in advance)", is under 100 characters.
     */
    public static final int PLAN_NAME = LINE_DESCRIPTION.max - 100;

    /** Digits before the decimal point of a stored amount: {@code numeric(20, 4)}. */
    public static final int AMOUNT_INTEGER_DIGITS = 16;

    private final int max;
    private final List<String> columns;

    StoredLength(int max, String... columns) {
        this.max = max;
        this.columns = List.of(columns);
    }

    /** The most characters the database stores. */
    public int max() {
        return max;
    }

    /** The {@code table.column}s of this size that hold the value. */
    public List<String> columns() {
        return columns;
    }

    /** "plan id is 70 characters, at most 64 are stored" when {@code text} is too long; empty when it fits. */
    public Optional<String> problem(String what, String text) {
        return tooLong(what, text, max);
    }

    /** The same problem for a limit that is not one column's size (such as {@link #PLAN_NAME}). */
    public static Optional<String> tooLong(String what, String text, int max) {
        int length = text.codePointCount(0, text.length());
        return length <= max ? Optional.empty()
                : Optional.of(what + " is " + length + " characters, at most " + max + " are stored");
    }
}
