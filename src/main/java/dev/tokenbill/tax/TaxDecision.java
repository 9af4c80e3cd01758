package dev.tokenbill.tax;

import dev.tokenbill.invoice.TaxCategory;
import java.math.BigDecimal;

/**
 * How one customer's invoice is taxed: the category, the country whose tax applies (null when no country was decided,
 * as with an old catalog), the rate (a fraction, 0 when no tax is charged), the tax's printed name and the notice the
 * invoice must carry with its legal reference (null when none).
 */
public record TaxDecision(TaxCategory category, String country, BigDecimal rate, String name, String notice) {
}
