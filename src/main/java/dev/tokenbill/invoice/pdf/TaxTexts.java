package dev.tokenbill.invoice.pdf;

import dev.tokenbill.invoice.TaxBreakdown;
import dev.tokenbill.invoice.TaxCategory;
import dev.tokenbill.invoice.pdf.InvoiceView.TotalView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The tax rows of the totals ("VAT 19% on €1,234.56") and the notice each tax category needs on the page (reverse
 * charge, exemption, outside the scope of VAT), in the page's language.
 */
final class TaxTexts {

    private final Labels labels;
    private final PageFormat format;

    TaxTexts(Labels labels, PageFormat format) {
        this.labels = labels;
        this.format = format;
    }

    /** One row per breakdown row; {@code taxName} is the catalog's name of the tax ("VAT", "Sales tax"). */
    List<TotalView> rows(List<TaxBreakdown> breakdown, String taxName) {
        List<TotalView> rows = new ArrayList<>();
        for (TaxBreakdown row : breakdown) {
            String label = switch (row.category()) {
                case STANDARD -> labels.get("tax.standard", name(taxName), format.percent(row.rate()),
                        format.amount(row.taxable()));
                case REVERSE_CHARGE -> labels.get("tax.reverseCharge", format.amount(row.taxable()));
                case EXEMPT -> labels.get("tax.exempt", format.amount(row.taxable()));
                case OUTSIDE_SCOPE -> labels.get("tax.outsideScope", format.amount(row.taxable()));
            };
            rows.add(new TotalView(label, format.amount(row.tax())));
        }
        return rows;
    }

    /** The notices of the categories on the invoice, one per category, in the order of the enum. */
    List<String> notices(List<TaxBreakdown> breakdown) {
        Set<TaxCategory> categories = EnumSet.noneOf(TaxCategory.class);
        breakdown.forEach(row -> categories.add(row.category()));
        List<String> notices = new ArrayList<>();
        for (TaxCategory category : categories) {
            switch (category) {
                case STANDARD -> { }
                case REVERSE_CHARGE -> notices.add(labels.get("notice.reverseCharge"));
                case EXEMPT -> notices.add(labels.get("notice.exempt"));
                case OUTSIDE_SCOPE -> notices.add(labels.get("notice.outsideScope"));
            }
        }
        return notices;
    }

    /** "VAT" in the page's language (USt., TVA); other taxes keep the catalog's name. */
    private String name(String taxName) {
        if (taxName == null || taxName.isBlank()) {
            return labels.get("tax.name.VAT");
        }
        String known = labels.find("tax.name." + taxName.replace(' ', '_'));
        return known != null ? known : taxName;
    }
}
