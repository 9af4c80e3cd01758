package dev.tokenbill.invoice.pdf;

import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.LineKind;
import dev.tokenbill.invoice.pdf.InvoiceView.LineView;
import dev.tokenbill.invoice.pdf.InvoiceView.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rows of the lines table: the charges grouped by subscription (a heading with the plan's name and the service
 * period), inside it the fees first, then true-ups and cost-plus charges, then the usage grouped by model (a heading
 * per model; the usage comes last because a model's heading holds until the next heading). Subscriptions and models keep the order the engine wrote them in. The words of each row come
 * from {@link ChargeTexts}.
 */
final class LineRows {

    private LineRows() {
    }

    /** {@code planNames}: a plan id to its name (null for an unknown id: the id is printed instead). */
    static List<LineView> of(List<InvoiceLine> lines, Function<String, String> planNames, String servicePeriod,
            ChargeTexts texts) {
        Map<String, List<InvoiceLine>> bySubscription = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            if (line.kind().isCharge()) {
                bySubscription.computeIfAbsent(key(line), k -> new ArrayList<>()).add(line);
            }
        }
        List<LineView> rows = new ArrayList<>();
        for (List<InvoiceLine> group : bySubscription.values()) {
            String planId = group.get(0).planId();
            String name = planId == null ? null : planNames.apply(planId);
            String plan = name != null ? name : planId != null ? planId : texts.otherCharges();
            rows.add(LineView.heading(Row.SUBSCRIPTION, texts.subscriptionHeading(plan, servicePeriod)));
            subscriptionRows(group, texts, rows);
        }
        if (rows.isEmpty()) {
            rows.add(LineView.charge(texts.noCharges(), "", "", ""));
        }
        return rows;
    }

    private static void subscriptionRows(List<InvoiceLine> group, ChargeTexts texts, List<LineView> rows) {
        Map<String, List<InvoiceLine>> usageByModel = new LinkedHashMap<>();
        List<InvoiceLine> after = new ArrayList<>();
        for (InvoiceLine line : group) {
            switch (line.kind()) {
                case RECURRING -> rows.add(texts.recurring(line));
                case USAGE -> usageByModel.computeIfAbsent(line.model() == null ? "" : line.model(),
                        m -> new ArrayList<>()).add(line);
                case TRUE_UP, COST_PLUS -> after.add(line);
                case DISCOUNT, TAX, CREDIT -> throw new IllegalStateException("not a charge: " + line.kind());
            }
        }
        for (InvoiceLine line : after) {
            rows.add(line.kind() == LineKind.TRUE_UP ? texts.trueUp(line) : texts.costPlus(line));
        }
        usageByModel.forEach((model, usage) -> {
            rows.add(LineView.heading(Row.MODEL, model.isEmpty() ? texts.allModels() : model));
            for (InvoiceLine line : usage) {
                rows.addAll(texts.usage(line));
            }
        });
    }

    /** Lines of one subscription group together; a line without one (none today) groups by plan. */
    private static String key(InvoiceLine line) {
        return line.subscriptionId() != null ? "s:" + line.subscriptionId() : "p:" + line.planId();
    }
}
