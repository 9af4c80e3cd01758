package dev.tokenbill.credit;

import dev.tokenbill.money.Money;

/** Credit of one grant applied to an invoice, and what is left of the grant afterwards. */
public record AppliedCredit(String grantId, Money amount, Money balanceLeft) {
}
