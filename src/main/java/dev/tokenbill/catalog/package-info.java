/**
 * The price catalog: plans, usage charges and their pricing models, tiers, included quotas,
 * AI price conditions (long context, off-peak), taxes; and the validating YAML loader
 * ({@link dev.tokenbill.catalog.CatalogLoader}). Reference: docs/catalog.md. Plain Java.
 */
package dev.tokenbill.catalog;
