/**
 * The price catalog: plans, usage charges and their pricing models, tiers, included quotas,
 * AI price conditions (long context, off-peak), taxes, coupons and volume discounts as the
 * catalog defines them (applied by {@code discount}); and the validating YAML loader
 * ({@link dev.tokenbill.catalog.CatalogLoader}). Reference: docs/catalog.md. Plain Java.
 */
package dev.tokenbill.catalog;
