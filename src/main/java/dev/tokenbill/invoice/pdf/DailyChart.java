package dev.tokenbill.invoice.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.renderers.AbstractRenderer;
import net.sf.jasperreports.renderers.Graphics2DRenderable;

/**
 * The invoice's chart of requests per day: one bar per day, as tall as that day's count relative
 * to the busiest day, over a baseline. Drawn as vector shapes straight into the PDF (the exporter
 * hands it a PDF Graphics2D), so it costs a few dozen path operations, not an image.
 */
final class DailyChart extends AbstractRenderer implements Graphics2DRenderable {

    private static final long serialVersionUID = 1L;
    static final Color BAR = new Color(0x37, 0x41, 0x51);
    static final Color BASELINE = new Color(0xD1, 0xD5, 0xDB);
    /** Share of a day's slot left blank between bars. */
    private static final double GAP = 0.25;

    private final long[] requests;

    DailyChart(long[] requests) {
        this.requests = requests.clone();
    }

    @Override
    public void render(JasperReportsContext context, Graphics2D g, Rectangle2D area) {
        long max = 0;
        for (long r : requests) {
            max = Math.max(max, r);
        }
        double slot = area.getWidth() / requests.length;
        double bottom = area.getMaxY() - 0.5;
        double height = area.getHeight() - 1;
        if (max > 0) {
            g.setColor(BAR);
            for (int day = 0; day < requests.length; day++) {
                if (requests[day] > 0) {
                    // at least a hairline, so a quiet day with some usage is not mistaken for none
                    double h = Math.max(0.75, height * requests[day] / max);
                    g.fill(new Rectangle2D.Double(area.getX() + day * slot + slot * GAP / 2, bottom - h,
                            slot * (1 - GAP), h));
                }
            }
        }
        g.setColor(BASELINE);
        g.setStroke(new BasicStroke(0.75f));
        g.draw(new Line2D.Double(area.getX(), bottom, area.getMaxX(), bottom));
    }
}
