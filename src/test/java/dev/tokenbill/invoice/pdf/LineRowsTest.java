package dev.tokenbill.invoice.pdf;

import static dev.tokenbill.invoice.pdf.PageFixtures.EUR;
import static dev.tokenbill.invoice.pdf.PageFixtures.USD;
import static dev.tokenbill.invoice.pdf.PageFixtures.money;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.catalog.PriceCondition;
import dev.tokenbill.invoice.FeeLine;
import dev.tokenbill.invoice.UsageLine;
import dev.tokenbill.invoice.InvoiceLine;
import dev.tokenbill.invoice.TaxBreakdown;
import dev.tokenbill.invoice.TaxCategory;
import dev.tokenbill.invoice.TierLine;
import dev.tokenbill.invoice.pdf.InvoiceView.LineView;
import dev.tokenbill.invoice.pdf.InvoiceView.TotalView;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows and texts of the page, composed from the lines' fields; expected texts written by hand. */
class LineRowsTest {

    private static ChargeTexts texts(String language, Currency currency) {
        return new ChargeTexts(Labels.of(language), PageFormat.of(language), currency);
    }

    @Test
    void testGrouping_BySubscriptionInEngineOrder_FeesFirst_ThenUsageByModel() {
        List<InvoiceLine> lines = List.of(
                line("sub-b", "payg", "model-y", "input_tokens", "1.00"),
                fee("sub-a", "pro", "Pro recurring fee (2026-10)", "49.00"),
                line("sub-a", "pro", "model-x", "input_tokens", "2.00"),
                fee("sub-b", "payg", "PAYG recurring fee (2026-10)", "5.00"),
                line("sub-a", "pro", "model-y", "input_tokens", "3.00"),
                line("sub-a", "pro", "model-x", "output_tokens", "4.00"));

        List<LineView> rows = LineRows.of(lines, Map.of("pro", "Pro", "payg", "Pay as you go")::get, "October",
                texts("en", USD));

        assertThat(rows).extracting(r -> r.row() + " " + r.description() + " " + r.amount()).containsExactly(
                "SUBSCRIPTION Pay as you go  ·  October ",
                "CHARGE Subscription fee (2026-10) 5.00",
                "MODEL model-y ",
                "CHARGE Input tokens 1.00",
                "SUBSCRIPTION Pro  ·  October ",
                "CHARGE Subscription fee (2026-10) 49.00",
                "MODEL model-x ",
                "CHARGE Input tokens 2.00",
                "CHARGE Output tokens 4.00",
                "MODEL model-y ",
                "CHARGE Input tokens 3.00");
    }

    @Test
    void testNoCharges_PrintsOneRowSayingSo() {
        assertThat(LineRows.of(List.of(), id -> null, "October", texts("de", EUR)))
                .extracting(LineView::description).containsExactly("Keine Leistungen in diesem Zeitraum");
    }

    @Test
    void testUnknownPlan_HeadingFallsBackToTheId() {
        List<LineView> rows = LineRows.of(List.of(fee("sub-a", "old-plan", "Old recurring fee (2026-10)", "1.00")),
                id -> null, "October", texts("en", USD));
        assertThat(rows.get(0).description()).isEqualTo("old-plan  ·  October");
    }

    @Test
    void testRecurringFee_InAdvanceAndProrated_InEachLanguage() {
        InvoiceLine fee = fee("sub-a", "pro", "Pro (USD) recurring fee (2026-11, 12/30 days, in advance)", "19.60");
        assertThat(texts("en", USD).recurring(fee).description())
                .isEqualTo("Subscription fee, in advance for 2026-11, 12 of 30 days");
        assertThat(texts("de", USD).recurring(fee).description())
                .isEqualTo("Grundgebühr, im Voraus für 2026-11, 12 von 30 Tagen");
        assertThat(texts("fr", USD).recurring(fee).description())
                .isEqualTo("Abonnement, d'avance pour 2026-11, 12 jours sur 30");
    }

    @Test
    void testUnusedDaysCredit_AndTheDaysBilledAgain_InEachLanguage() {
        InvoiceLine credit = fee("sub-a", "pro", "Pro (USD) recurring fee, unused days credited (2026-11-16 to"
                + " 2026-11-30, 15/30 days, billed in advance on TB-000001)", "-10.00");
        InvoiceLine again = fee("sub-a", "pro", "Pro (USD) recurring fee, 2026-11-16 to 2026-11-30 billed again:"
                + " credited as unused on TB-000002 against the fee in advance of the invoice this one replaces", "10.00");
        assertThat(texts("en", USD).recurring(credit).description()).isEqualTo(
                "Subscription fee, unused days credited: 2026-11-16 to 2026-11-30, 15 of 30 days, billed in advance on"
                        + " TB-000001");
        assertThat(texts("de", USD).recurring(credit).description()).isEqualTo(
                "Grundgebühr, ungenutzte Tage gutgeschrieben: 16.11.2026 bis 30.11.2026, 15 von 30 Tagen, im Voraus"
                        + " berechnet mit TB-000001");
        assertThat(texts("fr", USD).recurring(credit).description()).isEqualTo(
                "Abonnement, jours non utilisés crédités\u00a0: du 16/11/2026 au 30/11/2026, 15 jours sur 30, facturés"
                        + " d'avance sur TB-000001");
        assertThat(texts("en", USD).recurring(again).description()).isEqualTo(
                "Subscription fee, 2026-11-16 to 2026-11-30 billed again: credited as unused on TB-000002 against the fee"
                        + " in advance of the invoice replaced");
        assertThat(texts("de", USD).recurring(again).description()).isEqualTo(
                "Grundgebühr, 16.11.2026 bis 30.11.2026 erneut berechnet: mit TB-000002 als ungenutzt gutgeschrieben,"
                        + " gegen die Vorausberechnung der ersetzten Rechnung");
        assertThat(texts("fr", USD).recurring(again).description()).isEqualTo(
                "Abonnement, du 16/11/2026 au 30/11/2026 refacturé\u00a0: crédité comme non utilisé sur TB-000002 au"
                        + " titre de l'avance de la facture remplacée");
    }

    @Test
    void testUsage_PartlyIncludedNamesTheIncludedPart_FullyIncludedReadsIncluded() {
        InvoiceLine partly = PageFixtures.usage("gpt-4o", "input_tokens", "25000000", "20000000", "5000000",
                "0.0000025", "12.50", USD);
        InvoiceLine fully = PageFixtures.usage("gpt-4o", "input_tokens", "7000000", "7000000", "0", "0.0000025",
                "0.00", USD);

        assertThat(texts("en", USD).usage(partly)).containsExactly(
                LineView.charge("Input tokens (20,000,000 included)", "5,000,000", "2.50 / 1M", "12.50"));
        assertThat(texts("en", USD).usage(fully)).containsExactly(
                LineView.charge("Input tokens", "7,000,000", "", "included"));
    }

    @Test
    void testUsage_ConditionAndNonTokenMeter() {
        InvoiceLine offPeak = new UsageLine("deepseek-chat, input tokens (off-peak)", "sub-a", "payg",
                "input_tokens", "deepseek-chat", PriceCondition.OFF_PEAK, new BigDecimal("2000000"), BigDecimal.ZERO,
                new BigDecimal("2000000"), new BigDecimal("0.000000135"), money("0.27", USD), List.of());
        InvoiceLine gpu = new UsageLine("All models, gpu seconds, 61 started blocks of 60", "sub-a",
                "a100", "gpu_seconds", null, PriceCondition.STANDARD, new BigDecimal("3601"), BigDecimal.ZERO,
                new BigDecimal("3601"), null, money("3.66", USD), List.of());

        assertThat(texts("de", USD).usage(offPeak)).containsExactly(
                LineView.charge("Eingabe-Tokens (Nebenzeit)", "2.000.000", "0,135 / 1 Mio.", "0,27"));
        assertThat(texts("en", USD).usage(gpu)).containsExactly(
                LineView.charge("GPU seconds, 61 started blocks of 60", "3,601", "", "3.66"));
    }

    @Test
    void testTierSentences_GraduatedVolumeAndPerUnit() {
        ChargeTexts en = texts("en", USD);
        InvoiceLine graduated = PageFixtures.charges(USD).get(4);
        assertThat(en.tierSentence(graduated, graduated.tiers().get(1)))
                .isEqualTo("next 1,000,000 tokens at USD 2.30 per 1M, plus USD 25.00 flat");
        // a volume tier prices every unit at the tier it falls in: tier 2 from 1,000,000, all 3,000,000 at 2.00
        TierLine volumeTier = new TierLine(2, new BigDecimal("1000000"), null, new BigDecimal("3000000"),
                new BigDecimal("0.000002"), BigDecimal.ZERO, money("6.00", USD));
        InvoiceLine volume = tiered("output_tokens", volumeTier);
        assertThat(en.tierSentence(volume, volumeTier)).isEqualTo("all 3,000,000 tokens at USD 2.00 per 1M");
        TierLine gpuTier = new TierLine(1, BigDecimal.ZERO, new BigDecimal("3600"), new BigDecimal("3600"),
                new BigDecimal("0.001"), BigDecimal.ZERO, money("3.60", USD));
        assertThat(en.tierSentence(tiered("gpu_seconds", gpuTier), gpuTier))
                .isEqualTo("first 3,600 GPU seconds at USD 0.001 each");
    }

    @Test
    void testTaxRowsAndNotices_ReverseChargeInEachLanguage() {
        List<TaxBreakdown> reverse = List.of(new TaxBreakdown(TaxCategory.REVERSE_CHARGE, "DE", BigDecimal.ZERO,
                money("1234.56", EUR), money("0.00", EUR)));

        assertThat(new TaxTexts(Labels.of("en"), PageFormat.of("en")).rows(reverse, "VAT"))
                .containsExactly(new TotalView("VAT on €1,234.56: reverse charge", "€0.00"));
        assertThat(new TaxTexts(Labels.of("en"), PageFormat.of("en")).notices(reverse)).containsExactly(
                "Reverse charge: VAT to be accounted for by the recipient, Art. 196 Council Directive 2006/112/EC.");
        assertThat(new TaxTexts(Labels.of("de"), PageFormat.of("de")).notices(reverse)).singleElement()
                .asString().startsWith("Steuerschuldnerschaft des Leistungsempfängers").contains("Art. 196");
        assertThat(new TaxTexts(Labels.of("fr"), PageFormat.of("fr")).notices(reverse)).singleElement()
                .asString().startsWith("Autoliquidation").contains("2006/112/CE");
    }

    @Test
    void testTaxRows_OnePerRate_GermanWording() {
        // 19 % of 1,234.56 = 234.5664 -> 234.57; 7 % of 100.00 = 7.00
        List<TaxBreakdown> rates = List.of(
                new TaxBreakdown(TaxCategory.STANDARD, "DE", new BigDecimal("0.19"), money("1234.56", EUR),
                        money("234.57", EUR)),
                new TaxBreakdown(TaxCategory.STANDARD, "DE", new BigDecimal("0.07"), money("100.00", EUR),
                        money("7.00", EUR)));

        assertThat(new TaxTexts(Labels.of("de"), PageFormat.of("de")).rows(rates, "VAT")).containsExactly(
                new TotalView("USt. 19\u00a0% auf 1.234,56\u00a0€", "234,57\u00a0€"),
                new TotalView("USt. 7\u00a0% auf 100,00\u00a0€", "7,00\u00a0€"));
        assertThat(new TaxTexts(Labels.of("de"), PageFormat.of("de")).notices(rates)).isEmpty();
    }

    private static InvoiceLine tiered(String meter, TierLine tier) {
        return new UsageLine("tiered", "sub-a", "p", meter, "m", PriceCondition.STANDARD,
                tier.units(), BigDecimal.ZERO, tier.units(), null, tier.amount(), List.of(tier));
    }

    private static InvoiceLine fee(String subscription, String plan, String description, String amount) {
        return new FeeLine(description, subscription, plan, BigDecimal.ONE, new BigDecimal(amount),
                money(amount, USD), null);
    }

    private static InvoiceLine line(String subscription, String plan, String model, String meter, String amount) {
        return new UsageLine(model + ", " + meter, subscription, plan, meter, model,
                PriceCondition.STANDARD, new BigDecimal("1000000"), BigDecimal.ZERO, new BigDecimal("1000000"),
                new BigDecimal("0.000001"), money(amount, USD), List.of());
    }
}
