/**
 * The rating engine: turns a customer's subscriptions, plans and usage totals of one period into
 * invoice lines and totals ({@link dev.tokenbill.rating.RatingEngine}). Plain Java, no I/O.
 */
package dev.tokenbill.rating;
