package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A spike-count raster: one row per unit, a tick wherever the unit fired in a time bin, darker for more
 * spikes (three shades split at the tertiles of the non-zero counts), over the decoded (Viterbi) state painted
 * as a pale background and as an opaque strip above the top unit. Bins are merged into at most {@link #MAX_COLUMNS} columns (counts summed, the
 * most frequent state kept).
 */
public final class RasterFigure {
    /** The most time columns drawn: more than this merges into solid bars at this figure width. */
    public static final int MAX_COLUMNS = 600;
    private static final Color[] SHADES = {new Color(0xa0a0a0), new Color(0x505050), Color.BLACK};

    private RasterFigure() {}

    /**
     * @param counts row-major T x D spike counts
     * @param viterbi the decoded state of each bin
     * @param binSeconds the bin width in seconds
     */
    public static XYChart chart(double[] counts, int length, int units, int[] viterbi, int numStates, double binSeconds,
                                String title) {
        if (counts.length != length * units || viterbi.length != length) {
            throw new IllegalArgumentException("need T*D = " + length * units + " counts and T = " + length
                    + " states, got " + counts.length + " and " + viterbi.length);
        }
        int f = Downsample.factor(length, Math.min(MAX_COLUMNS, Downsample.MAX_POINTS));
        double[] c = Downsample.sums(counts, length, units, f);
        int[] z = Downsample.modes(viterbi, numStates, f);
        double[] x = Downsample.starts(length, f, binSeconds);
        double[] cut = tertiles(c);
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH + 200).height(ChartStyle.HEIGHT + 60).title(title)
                .xAxisTitle("time (s)").yAxisTitle("unit").build();
        ChartStyle.apply(chart.getStyler()).setXAxisMin(0.0).setXAxisMax(length * binSeconds);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.getStyler().setMarkerSize(Math.max(2, (int) (0.8 * (ChartStyle.HEIGHT - 80) / units)));
        ChartStyle.roundTimeTicks(chart, length * binSeconds, 0);
        double end = length * binSeconds, stripTop = units - 0.5 + Math.max(1.5, 0.06 * units);
        StateBands.add(chart, x, end, z, numStates, -0.5, units - 0.5, StateBands.ALPHA, true);
        StateBands.add(chart, x, end, z, numStates, units - 0.3, stripTop, 255, false);
        chart.getStyler().setYAxisMin(-0.5).setYAxisMax(stripTop);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(v -> v > units - 0.5 ? "state"
                : Math.abs(v - Math.rint(v)) < 1e-9 ? String.valueOf((long) Math.rint(v)) : "");
        for (int level = 0; level < 3; level++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int b = 0; b < x.length; b++) {
                for (int u = 0; u < units; u++) {
                    double v = c[b * units + u];
                    if (v > 0 && level(v, cut) == level) {
                        xs.add(x[b] + 0.5 * f * binSeconds);
                        ys.add((double) u);
                    }
                }
            }
            if (xs.isEmpty()) continue;
            XYSeries s = chart.addSeries(label(level, cut, f * binSeconds), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(new TickMarker());
            s.setMarkerColor(SHADES[level]);
        }
        return chart;
    }

    private static int level(double v, double[] cut) { return v <= cut[0] ? 0 : v <= cut[1] ? 1 : 2; }

    private static String label(int level, double[] cut, double columnSeconds) {
        String unit = " spikes / " + new java.math.BigDecimal(String.format("%.3g", columnSeconds)).stripTrailingZeros()
                .toPlainString() + " s";
        if (level == 0) return cut[0] <= 1 ? "1" + unit.replace("spikes", "spike") : "1–" + fmt(cut[0]) + unit;
        if (level == 1) return (cut[1] <= cut[0] + 1 ? fmt(cut[1]) : fmt(cut[0] + 1) + "–" + fmt(cut[1])) + unit;
        return "> " + fmt(cut[1]) + unit;
    }

    private static String fmt(double v) { return String.valueOf((long) v); }

    /** The 1/3 and 2/3 quantiles of the positive counts (ties push the cuts up, never below 1). */
    private static double[] tertiles(double[] counts) {
        double[] pos = Arrays.stream(counts).filter(v -> v > 0).sorted().toArray();
        if (pos.length == 0) return new double[] {1, 1};
        double a = pos[(pos.length - 1) / 3], b = pos[2 * (pos.length - 1) / 3];
        return new double[] {Math.max(1, a), Math.max(Math.max(1, a), b)};
    }
}
