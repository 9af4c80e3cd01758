package dev.tokenbill.credit;

import dev.tokenbill.money.Money;
import java.time.LocalDate;

/**
 * Prepaid credit (a resource pack) with what is left of it before this period: usable on an
 * invoice when granted on or before the period's last day and not expired by then
 * ({@code expiresOn} is the last day it can be used; null = never expires).
 */
public record CreditGrant(String grantId, String customerId, LocalDate grantedOn, Money available, LocalDate expiresOn) {

    public boolean usableFor(LocalDate lastDayOfPeriod) {
        return !grantedOn.isAfter(lastDayOfPeriod) && (expiresOn == null || !expiresOn.isBefore(lastDayOfPeriod));
    }
}
