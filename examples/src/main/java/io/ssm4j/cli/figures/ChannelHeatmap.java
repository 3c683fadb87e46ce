package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/**
 * Channels over time as a heatmap on a numeric time axis (so it lines up with line plots of the same series): the
 * series is merged into at most {@link #MAX_COLUMNS} blocks of time (block means) and each cell [block start, block
 * end] x [channel - 1/2, channel + 1/2] is filled with the colour of its value's level. Count data are split into
 * {@link #LEVELS} levels at quantiles of the non-zero cells (zero stays white), so sparse and bursty channels both
 * show; real-valued data are z-scored per channel and split evenly over [-3, 3] on a blue-white-red scale. Each
 * level is one polygon series (its cells joined by zero-area stems to the bottom edge), named by its range in the
 * legend. Missing cells stay white.
 */
final class ChannelHeatmap {
    static final int MAX_COLUMNS = 300, MAX_ROWS = 128, LEVELS = 7;
    /** ColorBrewer "Blues" from its second shade, for counts. */
    private static final Color[] COUNT_RAMP = {new Color(0xdeebf7), new Color(0x9ecae1), new Color(0x4292c6), new Color(0x08519c),
        new Color(0x08306b)};
    /** ColorBrewer "RdBu" reversed (blue low, red high), for z-scores. */
    private static final Color[] Z_RAMP = {new Color(0x2166ac), new Color(0x92c5de), new Color(0xf7f7f7), new Color(0xf4a582),
        new Color(0xb2182b)};

    private ChannelHeatmap() {}

    /** @param y T x N values, NaN where missing */
    static XYChart chart(double[] y, int length, int channels, boolean counts, String unit, int width, int height) {
        int rows = Math.min(channels, MAX_ROWS), f = Downsample.factor(length, MAX_COLUMNS);
        double[] cell = Downsample.means(y, length, channels, f);
        int cols = Downsample.blocks(length, f);
        if (!counts) zScore(cell, cols, channels);
        double[] edges = counts ? countEdges(cell, cols, channels, rows) : zEdges();
        XYChart c = new XYChartBuilder().width(width).height(height).xAxisTitle("time bin")
                .yAxisTitle(rows < channels ? "channel (0-" + (rows - 1) + " of " + channels + ")" : "channel").build();
        ChartStyle.apply(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setPlotContentSize(1.0);
        c.getStyler().setPlotGridLinesVisible(false);
        c.getStyler().setXAxisMin(0.0).setXAxisMax((double) length);
        c.getStyler().setYAxisMin(-0.5).setYAxisMax(rows - 0.5);
        c.getStyler().setYAxisDecimalPattern("0");
        ChartStyle.roundTimeTicks(c, length, -0.5);
        int levels = edges.length - 1;
        for (int level = 0; level < levels; level++) {
            double[][] xy = cells(cell, cols, channels, rows, f, length, edges, level);
            if (xy == null) continue;
            XYSeries s = c.addSeries(label(edges, level, counts, unit), xy[0], xy[1]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(new Color(0, 0, 0, 0));
            s.setFillColor(colour(counts, levels, level));
        }
        return c;
    }

    /** The polygon of every cell at this level, or null when there is none. */
    private static double[][] cells(double[] v, int cols, int channels, int rows, int f, int length, double[] edges, int level) {
        int n = 0;
        for (int b = 0; b < cols; b++) for (int k = 0; k < rows; k++) if (levelOf(v[b * channels + k], edges) == level) n++;
        if (n == 0) return null;
        double[] xs = new double[6 * n], ys = new double[6 * n];
        double bottom = -0.5;
        int i = 0;
        for (int b = 0; b < cols; b++) {
            double x0 = (double) b * f, x1 = Math.min(length, (double) (b + 1) * f);
            for (int k = 0; k < rows; k++) {
                if (levelOf(v[b * channels + k], edges) != level) continue;
                double y0 = k - 0.5, y1 = k + 0.5;
                double[] px = {x0, x0, x1, x1, x0, x0}, py = {bottom, y1, y1, y0, y0, bottom};
                System.arraycopy(px, 0, xs, i, 6);
                System.arraycopy(py, 0, ys, i, 6);
                i += 6;
            }
        }
        return new double[][] {xs, ys};
    }

    /** The level of a value (-1 for missing, or for zero counts below the first edge). */
    private static int levelOf(double v, double[] edges) {
        if (Double.isNaN(v) || v < edges[0]) return -1;
        for (int l = 0; l < edges.length - 2; l++) if (v < edges[l + 1]) return l;
        return edges.length - 2;
    }

    private static void zScore(double[] v, int cols, int channels) {
        for (int k = 0; k < channels; k++) {
            double s = 0, ss = 0;
            int n = 0;
            for (int b = 0; b < cols; b++) {
                double x = v[b * channels + k];
                if (Double.isNaN(x)) continue;
                s += x;
                ss += x * x;
                n++;
            }
            double mean = n == 0 ? 0 : s / n, var = n == 0 ? 0 : ss / n - mean * mean, sd = var > 1e-24 ? Math.sqrt(var) : 1;
            for (int b = 0; b < cols; b++) v[b * channels + k] = Math.max(-3, Math.min(3, (v[b * channels + k] - mean) / sd));
        }
    }

    private static double[] zEdges() {
        double[] e = new double[LEVELS + 1];
        for (int l = 0; l <= LEVELS; l++) e[l] = -3 + 6.0 * l / LEVELS;
        e[LEVELS] = Double.POSITIVE_INFINITY;
        e[0] = Double.NEGATIVE_INFINITY;
        return e;
    }

    /**
     * Edges spaced evenly in sqrt(count) from 0 to the largest cell, e_l = max (l / L)^2: level l holds [e_l, e_{l+1}),
     * zero stays below e_0. The square root (the variance-stabilising transform of Poisson counts) keeps both rare
     * small counts and large bursts apart.
     */
    private static double[] countEdges(double[] v, int cols, int channels, int rows) {
        double max = 0;
        for (int b = 0; b < cols; b++) for (int k = 0; k < rows; k++) if (v[b * channels + k] > max) max = v[b * channels + k];
        if (!(max > 0)) return new double[] {Double.MIN_VALUE, Double.POSITIVE_INFINITY};
        double[] e = new double[LEVELS + 1];
        e[0] = Double.MIN_VALUE;
        for (int l = 1; l < LEVELS; l++) e[l] = max * l * l / ((double) LEVELS * LEVELS);
        e[LEVELS] = Double.POSITIVE_INFINITY;
        return e;
    }

    private static String label(double[] e, int level, boolean counts, String unit) {
        if (!counts) {
            if (level == 0) return "z < " + fmt(e[1]);
            if (level == e.length - 2) return "z ≥ " + fmt(e[level]);
            return fmt(e[level]) + " ≤ z < " + fmt(e[level + 1]);
        }
        String lo = level == 0 ? "> 0" : "≥ " + fmt(e[level]);
        return level == e.length - 2 ? lo + " " + unit : lo + ", < " + fmt(e[level + 1]);
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(String.format("%.2g", v)).stripTrailingZeros().toPlainString();
    }

    private static Color colour(boolean counts, int levels, int level) {
        double f = levels == 1 ? 1 : (double) level / (levels - 1);
        Color[] ramp = counts ? COUNT_RAMP : Z_RAMP;
        double x = f * (ramp.length - 1);
        int i = Math.min(ramp.length - 2, (int) x);
        double w = x - i;
        Color a = ramp[i], b = ramp[i + 1];
        return new Color((int) Math.round(a.getRed() * (1 - w) + b.getRed() * w), (int) Math.round(a.getGreen() * (1 - w) + b.getGreen() * w),
                (int) Math.round(a.getBlue() * (1 - w) + b.getBlue() * w));
    }
}
