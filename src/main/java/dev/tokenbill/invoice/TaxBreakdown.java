package dev.tokenbill.invoice;

import dev.tokenbill.money.Money;
import java.math.BigDecimal;

/**
 * One row of an invoice's tax breakdown: the taxable amount at one category and rate of one country and its tax
 * (rounded once, HALF_UP). An invoice's tax is the sum of its rows' tax; tax-report.csv adds the rows up by
 * country, rate and category.
 */
public record TaxBreakdown(TaxCategory category, String country, BigDecimal rate, Money taxable, Money tax) {
}
