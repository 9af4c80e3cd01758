package dev.tokenbill.money;

import java.util.Currency;

/** Two amounts in different currencies were combined; tokenbill never converts currencies. */
public class CurrencyMismatchException extends RuntimeException {

    public CurrencyMismatchException(Currency left, Currency right) {
        super("cannot combine " + left.getCurrencyCode() + " and " + right.getCurrencyCode() + " amounts");
    }
}
