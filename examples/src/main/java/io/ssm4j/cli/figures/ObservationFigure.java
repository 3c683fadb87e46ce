package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * Observations y_t as line traces over the decoded (Viterbi) states painted behind them. Up to
 * {@link #OVERLAY_DIMS} dimensions are drawn in their own units on one axis; more dimensions are z-scored and
 * stacked 4 standard deviations apart (dimension d centred at -4d), the first {@link #MAX_DIMS} of them.
 * Missing values (NaN) leave gaps.
 */
public final class ObservationFigure {
    /** Dimensions drawn unscaled on one axis. */
    public static final int OVERLAY_DIMS = 4;
    /** The most dimensions drawn. */
    public static final int MAX_DIMS = 16;
    private static final double SPACING = 4;

    private ObservationFigure() {}

    /**
     * @param values row-major T x D observations, NaN where missing
     * @param viterbi the decoded state of each step
     */
    public static XYChart chart(double[] values, int length, int dim, int[] viterbi, int numStates, String title) {
        if (values.length != length * dim || viterbi.length != length) {
            throw new IllegalArgumentException("need T*D = " + length * dim + " values and T = " + length
                    + " states, got " + values.length + " and " + viterbi.length);
        }
        int f = Downsample.factor(length, Downsample.MAX_POINTS);
        double[] y = Downsample.means(values, length, dim, f);
        int[] z = Downsample.modes(viterbi, numStates, f);
        double[] x = Downsample.starts(length, f, 1);
        int n = x.length;
        boolean stacked = dim > OVERLAY_DIMS;
        int shown = Math.min(dim, MAX_DIMS);
        double[][] traces = new double[shown][n];
        for (int d = 0; d < shown; d++) {
            double mean = 0, sd = 1;
            if (stacked) {
                double s = 0, ss = 0;
                int c = 0;
                for (int b = 0; b < n; b++) {
                    double v = y[b * dim + d];
                    if (!Double.isNaN(v)) {
                        s += v;
                        ss += v * v;
                        c++;
                    }
                }
                mean = c == 0 ? 0 : s / c;
                double var = c == 0 ? 0 : ss / c - mean * mean;
                sd = var > 1e-24 ? Math.sqrt(var) : 1;
            }
            for (int b = 0; b < n; b++) {
                double v = y[b * dim + d];
                traces[d][b] = stacked ? (v - mean) / sd - SPACING * d : v;
            }
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] tr : traces) {
            for (double v : tr) {
                if (Double.isNaN(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(lo < hi)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        double pad = 0.04 * (hi - lo);
        String yLabel = stacked ? "y_t (z-scored; dimension d centred at −4d)" : "y_t";
        XYChart c = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("time step").yAxisTitle(yLabel).build();
        ChartStyle.apply(c.getStyler()).setXAxisMin(0.0).setXAxisMax((double) length);
        c.getStyler().setPlotContentSize(1.0);
        ChartStyle.roundTimeTicks(c, length, lo);
        StateBands.add(c, x, length, z, numStates, lo - pad, hi + pad);
        for (int d = 0; d < shown; d++) {
            XYSeries s = c.addSeries("y[" + d + "]", x, traces[d]);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(1.2f));
            s.setLineColor(stacked ? Color.BLACK : TRACE_COLOURS[d % TRACE_COLOURS.length]);
            s.setShowInLegend(!stacked);
        }
        return c;
    }

    private static final Color[] TRACE_COLOURS = {Color.BLACK, new Color(0x555555), new Color(0x0b3d91), new Color(0x8b0000)};
}
