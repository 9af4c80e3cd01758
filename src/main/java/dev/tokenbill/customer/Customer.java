package dev.tokenbill.customer;

import java.util.Currency;

/** A billed customer as read from customers.csv; {@code currency} is the invoice currency. */
public record Customer(String id, String name, String email, String address, String country, Currency currency,
        boolean taxExempt) {
}
