package dev.tokenbill.credit;

import dev.tokenbill.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies prepaid credit to an invoice total (after tax), like a payment: usable grants in order
 * of expiry (earliest first, never-expiring last; ties by grant id), each up to what is still due.
 * Grants in another currency than the invoice's are not used (tokenbill never converts).
 */
public final class Credits {

    private Credits() {
    }

    public static List<AppliedCredit> apply(Money total, List<CreditGrant> grants, LocalDate lastDayOfPeriod) {
        List<CreditGrant> usable = new ArrayList<>();
        for (CreditGrant g : grants) {
            if (g.usableFor(lastDayOfPeriod) && g.available().currency().equals(total.currency())
                    && g.available().signum() > 0) {
                usable.add(g);
            }
        }
        usable.sort(Comparator.comparing((CreditGrant g) -> g.expiresOn() == null ? LocalDate.MAX : g.expiresOn())
                .thenComparing(CreditGrant::grantId));
        List<AppliedCredit> applied = new ArrayList<>();
        Money due = total;
        for (CreditGrant g : usable) {
            if (due.signum() <= 0) {
                break;
            }
            Money amount = g.available().min(due);
            due = due.minus(amount);
            applied.add(new AppliedCredit(g.grantId(), amount, g.available().minus(amount)));
        }
        return applied;
    }
}
