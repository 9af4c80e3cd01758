package dev.tokenbill.catalog;

/** How often a plan's recurring fee, included quota and commitment repeat. */
public enum BillingInterval {
    MONTHLY,
    DAILY
}
