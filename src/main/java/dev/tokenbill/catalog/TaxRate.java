package dev.tokenbill.catalog;

import java.math.BigDecimal;

/** The tax of one customer country: a rate (0.19 for 19 %) and the name printed on the invoice. */
public record TaxRate(String country, BigDecimal rate, String name) {
}
