package dev.tokenbill.invoice;

/** What an invoice line is; charges add up to the subtotal, the other kinds are the invoice's totals. */
public enum LineKind {
    RECURRING,
    USAGE,
    TRUE_UP,
    COST_PLUS,
    DISCOUNT,
    TAX,
    CREDIT;

    /** True for the kinds that make up the subtotal. */
    public boolean isCharge() {
        return switch (this) {
            case RECURRING, USAGE, TRUE_UP, COST_PLUS -> true;
            case DISCOUNT, TAX, CREDIT -> false;
        };
    }
}
