package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A latent trajectory in a plane of two axes of a {@link LatentProjection}: the path of the posterior means,
 * coloured from dark to light along time (in {@link #SEGMENTS} stretches named by their time bins), with the first
 * step marked by a circle and the last by a square. Both axes span the same length, so the shape is not distorted.
 * {@link #pairs} draws the three planes of axes (1, 2), (1, 3) and (2, 3) side by side: a 3-D trajectory seen from
 * three sides. Long series are block-averaged for display.
 */
public final class LatentPlaneFigure {
    /** Stretches of time in their own colour. */
    public static final int SEGMENTS = 6;
    private static final int MAX_POINTS = 2000;

    private LatentPlaneFigure() {}

    /**
     * The plane of axes i and j.
     *
     * @param points T x stride coordinates on the projection's axes
     * @param legend whether to show the legend (time stretches, start, end)
     */
    public static XYChart chart(double[] points, int length, int stride, int i, int j, String xLabel, String yLabel,
                                String title, int width, int height, boolean legend) {
        if (points.length != length * stride || i >= stride || j >= stride) {
            throw new IllegalArgumentException("need T x " + stride + " points with axes below " + stride);
        }
        XYChart c = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        ChartStyle.apply(c.getStyler()).setLegendVisible(legend);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(10);
        PlaneBox.around(points, stride, i, j, 0.06).applyTo(c.getStyler());
        addTrajectory(c, points, length, stride, i, j);
        return c;
    }

    /**
     * Adds the time-coloured path with its start and end markers to a chart (also used over a flow field).
     */
    static void addTrajectory(XYChart c, double[] points, int length, int stride, int i, int j) {
        int f = Downsample.factor(length, MAX_POINTS);
        double[] p = Downsample.means(points, length, stride, f);
        int n = p.length / stride;
        int segments = Math.max(1, Math.min(SEGMENTS, n - 1));
        for (int s = 0; s < segments; s++) {
            int from = s * (n - 1) / segments, to = Math.max(from + 1, (s + 1) * (n - 1) / segments);
            to = Math.min(to, n - 1);
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int b = from; b <= to; b++) {
                xs.add(p[b * stride + i]);
                ys.add(p[b * stride + j]);
            }
            int firstBin = from * f, lastBin = Math.min(length - 1, (to + 1) * f - 1);
            XYSeries line = c.addSeries("time bins " + firstBin + "–" + lastBin, xs, ys);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            line.setLineColor(SequentialPalette.at(segments == 1 ? 0 : (double) s / (segments - 1) * 0.85));
            line.setLineStyle(new BasicStroke(1.8f));
        }
        marker(c, "start", p[i], p[j], SeriesMarkers.CIRCLE);
        marker(c, "end", p[(n - 1) * stride + i], p[(n - 1) * stride + j], SeriesMarkers.SQUARE);
    }

    private static void marker(XYChart c, String name, double x, double y, org.knowm.xchart.style.markers.Marker shape) {
        XYSeries s = c.addSeries(name, new double[] {x}, new double[] {y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(shape);
        s.setMarkerColor(Color.BLACK);
    }

    /**
     * The three planes of axes (1, 2), (1, 3), (2, 3) side by side, the legend beside the last; needs a projection
     * with 3 axes.
     */
    public static ChartPanels pairs(double[] points, int length, LatentProjection projection, String title) {
        if (projection.axes() < 3) throw new IllegalArgumentException("three planes need 3 axes, got " + projection.axes());
        int[][] planes = {{0, 1}, {0, 2}, {1, 2}};
        int[] widths = {PAIR_SIZE, PAIR_SIZE, PAIR_SIZE + LEGEND_WIDTH};
        List<XYChart> panels = new ArrayList<>();
        for (int p = 0; p < planes.length; p++) {
            panels.add(chart(points, length, 3, planes[p][0], planes[p][1], projection.label(planes[p][0]),
                    projection.label(planes[p][1]), "", widths[p], PAIR_SIZE, p == planes.length - 1));
        }
        return ChartPanels.row(title, panels, widths, PAIR_SIZE);
    }

    private static final int PAIR_SIZE = 540, LEGEND_WIDTH = 185;
}
