package dev.tokenbill.job.rating;

import dev.tokenbill.invoice.Invoice;
import dev.tokenbill.rating.PlanWhatIf;
import java.util.List;

/** The rating step's output for one customer: the invoice and the plan what-if comparisons. */
public record RatedCustomer(Invoice invoice, List<PlanWhatIf.Comparison> whatIfs) {

    public RatedCustomer {
        whatIfs = List.copyOf(whatIfs);
    }
}
