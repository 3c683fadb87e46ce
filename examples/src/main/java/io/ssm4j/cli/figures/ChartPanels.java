package io.ssm4j.cli.figures;

import org.knowm.xchart.internal.chartpart.IChart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * Several charts drawn as one figure (XChart has no subplots): panels in one column or one row under an optional
 * overall title, each painted in its own rectangle. It is an {@link IChart}, so {@link FigureFiles} writes it as PNG
 * (and SVG) like a single chart.
 */
public final class ChartPanels implements IChart {
    private static final int TITLE_HEIGHT = 34;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);

    private record Panel(IChart chart, int x, int y, int width, int height) {}

    private final String title;
    private final List<Panel> panels;
    private final int width, height;

    private ChartPanels(String title, List<Panel> panels, int width, int height) {
        this.title = title;
        this.panels = panels;
        this.width = width;
        this.height = height;
    }

    /** Charts stacked top to bottom, all {@code width} wide, with the given heights. */
    public static ChartPanels column(String title, List<? extends IChart> charts, int width, int[] heights) {
        if (charts.isEmpty() || charts.size() != heights.length) {
            throw new IllegalArgumentException("need one height per chart, got " + heights.length + " for " + charts.size());
        }
        List<Panel> panels = new ArrayList<>();
        int y = title == null ? 0 : TITLE_HEIGHT;
        for (int i = 0; i < charts.size(); i++) {
            panels.add(new Panel(charts.get(i), 0, y, width, heights[i]));
            y += heights[i];
        }
        return new ChartPanels(title, panels, width, y);
    }

    /** Charts side by side, left to right, all {@code height} tall, with the given widths. */
    public static ChartPanels row(String title, List<? extends IChart> charts, int[] widths, int height) {
        if (charts.isEmpty() || charts.size() != widths.length) {
            throw new IllegalArgumentException("need one width per chart, got " + widths.length + " for " + charts.size());
        }
        List<Panel> panels = new ArrayList<>();
        int top = title == null ? 0 : TITLE_HEIGHT, x = 0;
        for (int i = 0; i < charts.size(); i++) {
            panels.add(new Panel(charts.get(i), x, top, widths[i], height));
            x += widths[i];
        }
        return new ChartPanels(title, panels, x, top + height);
    }

    @Override
    public void paint(Graphics2D g, int w, int h) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (title != null) {
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, Math.max(4, (w - fm.stringWidth(title)) / 2), (TITLE_HEIGHT + fm.getAscent()) / 2);
        }
        for (Panel p : panels) {
            AffineTransform saved = g.getTransform();
            java.awt.Shape clip = g.getClip();
            g.translate(p.x(), p.y());
            g.clipRect(0, 0, p.width(), p.height());
            p.chart().paint(g, p.width(), p.height());
            g.setTransform(saved);
            g.setClip(clip);
        }
    }

    @Override
    public int getWidth() { return width; }

    @Override
    public int getHeight() { return height; }

    @Override
    public String getTitle() { return title == null ? "" : title; }
}
