package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Posterior latent trajectories over time: for each of the first {@link #MAX_DIMS} latent dimensions d, one panel
 * with the posterior mean E[x_t,d] as a line and the band mean ± 2 sd, sd = sqrt(Cov(x_t)_dd), shaded; panels share
 * the time axis. Long series are block-averaged for display (mean and sd of each block's steps).
 */
public final class LatentTimeFigure {
    /** The most latent dimensions drawn. */
    public static final int MAX_DIMS = 4;
    private static final int PANEL_HEIGHT = 190, AXIS_EXTRA = 40;

    private LatentTimeFigure() {}

    /**
     * @param means       T x D posterior means, row-major
     * @param covariances T x D x D posterior covariances
     * @param title       the figure's title, e.g. "Smoothed latents (mean ± 2 sd), Gaussian LDS, D=3 — y.npy"
     */
    public static ChartPanels chart(double[] means, double[] covariances, int length, int dim, String title) {
        if (means.length != length * dim || covariances.length != length * dim * dim) {
            throw new IllegalArgumentException("need T*D = " + length * dim + " means and T*D*D covariances, got " + means.length
                    + " and " + covariances.length);
        }
        int shown = Math.min(dim, MAX_DIMS);
        double[] sd = new double[length * dim];
        for (int t = 0; t < length; t++) {
            for (int d = 0; d < dim; d++) sd[t * dim + d] = Math.sqrt(Math.max(0, covariances[t * dim * dim + d * dim + d]));
        }
        int f = Downsample.factor(length, Downsample.MAX_POINTS);
        double[] m = Downsample.means(means, length, dim, f), s = Downsample.means(sd, length, dim, f);
        double[] x = Downsample.starts(length, f, 1);
        for (int b = 0; b < x.length; b++) x[b] += 0.5 * (Math.min(length, x[b] + f) - x[b]); // block centres
        List<XYChart> panels = new ArrayList<>();
        int[] heights = new int[shown];
        for (int d = 0; d < shown; d++) {
            boolean last = d == shown - 1;
            heights[d] = PANEL_HEIGHT + (last ? AXIS_EXTRA : 0);
            panels.add(panel(x, m, s, dim, d, length, last));
        }
        String more = dim > shown ? " (latent dims 1-" + shown + " of " + dim + ")" : "";
        return ChartPanels.column(title + more, panels, ChartStyle.WIDTH, heights);
    }

    private static XYChart panel(double[] x, double[] m, double[] s, int dim, int d, int length, boolean last) {
        int n = x.length;
        double[] mean = new double[n], bandX = new double[2 * n], bandY = new double[2 * n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < n; b++) {
            mean[b] = m[b * dim + d];
            bandX[b] = x[b];
            bandY[b] = mean[b] + 2 * s[b * dim + d];
            bandX[2 * n - 1 - b] = x[b];
            bandY[2 * n - 1 - b] = mean[b] - 2 * s[b * dim + d];
            lo = Math.min(lo, bandY[2 * n - 1 - b]);
            hi = Math.max(hi, bandY[b]);
        }
        XYChart c = new XYChartBuilder().width(ChartStyle.WIDTH).height(PANEL_HEIGHT).xAxisTitle("time bin")
                .yAxisTitle("latent " + (d + 1) + " (a.u.)").build();
        ChartStyle.apply(c.getStyler()).setLegendVisible(false);
        c.getStyler().setXAxisMin(0.0).setXAxisMax((double) length);
        c.getStyler().setXAxisTitleVisible(last);
        c.getStyler().setXAxisTicksVisible(last);
        c.getStyler().setPlotContentSize(1.0);
        double pad = 0.05 * Math.max(hi - lo, 1e-12);
        c.getStyler().setYAxisMin(lo - pad).setYAxisMax(hi + pad);
        ChartStyle.roundTimeTicks(c, length, lo);
        XYSeries band = c.addSeries("± 2 sd", bandX, bandY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        Color colour = StatePalette.color(d);
        band.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 70));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        XYSeries line = c.addSeries("posterior mean", x, mean);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(colour);
        line.setLineStyle(new BasicStroke(1.6f));
        return c;
    }
}
