package dev.tokenbill.catalog;

/** How a usage charge turns a quantity into an amount. */
public enum PricingModel {
    /** quantity x unit price. */
    PER_UNIT,
    /** price per block of N units; a started block counts whole. */
    PACKAGE,
    /** each tier's units at that tier's price, plus the flat fee of every tier reached. */
    GRADUATED,
    /** all units at the price of the tier the total falls in, plus that tier's flat fee. */
    VOLUME
}
