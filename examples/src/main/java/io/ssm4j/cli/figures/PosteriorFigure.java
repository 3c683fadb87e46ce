package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/**
 * Posterior state probabilities p(z_t = k | y) over time as a stacked area: the band of state k spans
 * [sum_{j<k} p_j, sum_{j<=k} p_j], so the bands fill [0, 1] at every step (state 0 at the bottom). Each point
 * is drawn at the start of its step (or block of steps, when downsampled) and held to the end of the series.
 */
public final class PosteriorFigure {
    private PosteriorFigure() {}

    /**
     * @param probs row-major T x K posterior marginals
     * @param step the time-axis length of one step (1 for "time step", the bin width for seconds)
     */
    public static XYChart chart(double[] probs, int length, int numStates, double step, String xLabel, String title) {
        if (probs.length != length * numStates) {
            throw new IllegalArgumentException("posterior must have T*K = " + length * numStates + " values, got " + probs.length);
        }
        int f = Downsample.factor(length, Downsample.MAX_POINTS);
        double[] p = Downsample.means(probs, length, numStates, f);
        double[] x = Downsample.starts(length, f, step);
        int n = x.length;
        XYChart c = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle("p(z_t = k | y)").build();
        ChartStyle.apply(c.getStyler()).setYAxisMin(0.0).setYAxisMax(1.0).setXAxisMin(0.0).setXAxisMax(length * step);
        c.getStyler().setPlotContentSize(1.0);
        ChartStyle.roundTimeTicks(c, length * step, 0);
        double[] lower = new double[n];
        for (int k = 0; k < numStates; k++) {
            // the band of state k: its upper edge left to right, then the lower edge (the band below) back
            double[] xs = new double[2 * n + 2], ys = new double[2 * n + 2];
            for (int b = 0; b < n; b++) {
                xs[b] = x[b];
                ys[b] = lower[b] + p[b * numStates + k];
            }
            xs[n] = length * step;
            ys[n] = ys[n - 1];
            xs[n + 1] = length * step;
            ys[n + 1] = lower[n - 1];
            for (int b = n - 1; b >= 0; b--) {
                xs[2 * n + 1 - b] = x[b];
                ys[2 * n + 1 - b] = lower[b];
            }
            for (int b = 0; b < n; b++) lower[b] = ys[b];
            XYSeries s = c.addSeries("state " + k, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(StatePalette.color(k));
            s.setLineColor(new Color(0, 0, 0, 0));
            s.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }
}
