/** Customers and their subscriptions to plans; the CSV loaders live in {@code customer.internal}. */
package dev.tokenbill.customer;
