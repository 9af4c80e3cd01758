package dev.tokenbill.invoice.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokenbill.period.BillingPeriod;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class DailyChartTest {

    private static final int WHITE = Color.WHITE.getRGB();
    private static final int BAR = DailyChart.BAR.getRGB();

    /** Four days in a 40 x 21 pixel area: a 10-pixel slot per day, bars up to 20 pixels over the baseline at 20.5. */
    private static BufferedImage draw(long... requests) {
        BufferedImage image = new BufferedImage(40, 21, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 21);
        new DailyChart(requests).render(null, g, new Rectangle2D.Double(0, 0, 40, 21));
        g.dispose();
        return image;
    }

    @Test
    void testBars_AreAsTallAsTheirDayRelativeToTheBusiestDay() {
        BufferedImage image = draw(0, 5, 10, 0);
        // day 3 (10 requests) fills the height: its slot's middle column is dark near the top
        assertThat(image.getRGB(25, 2)).isEqualTo(BAR);
        // day 2 (5 requests) is half as tall: light at a quarter of the height, dark at three quarters
        assertThat(image.getRGB(15, 5)).isEqualTo(WHITE);
        assertThat(image.getRGB(15, 15)).isEqualTo(BAR);
        // days without requests have no bar
        assertThat(image.getRGB(5, 15)).isEqualTo(WHITE);
        assertThat(image.getRGB(35, 15)).isEqualTo(WHITE);
        // bars leave a gap between days: the slot's edge column stays light
        assertThat(image.getRGB(20, 15)).isEqualTo(WHITE);
    }

    @Test
    void testDailyView_NamesTheBusiestDayAndTheRange() {
        BillingPeriod october = BillingPeriod.parse("2026-10");
        InvoiceView.DailyView view = InvoiceViews.daily(new long[] {2, 1_500, 1_500, 1}, october);
        // the first of two equally busy days is named; counts print with grouping like other quantities
        assertThat(view.peak()).isEqualTo("1,500 on 2026-10-02");
        assertThat(view.firstDay()).isEqualTo("2026-10-01");
        assertThat(view.lastDay()).isEqualTo("2026-10-04");
        assertThat(view.printed()).isTrue();
    }

    @Test
    void testDailyView_NoneWithoutRequestsOrForOneDay() {
        BillingPeriod october = BillingPeriod.parse("2026-10");
        assertThat(InvoiceViews.daily(null, october).printed()).isFalse();
        assertThat(InvoiceViews.daily(new long[31], october).printed()).isFalse();
        assertThat(InvoiceViews.daily(new long[] {12}, BillingPeriod.parse("2026-10-05")).printed()).isFalse();
    }
}
