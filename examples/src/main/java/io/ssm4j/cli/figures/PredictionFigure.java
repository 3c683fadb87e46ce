package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Observations against a model's prediction. Top: the channels over time as a {@link ChannelHeatmap} (counts per
 * bin for count data, z-scored values otherwise). Below: for the {@link #CHANNELS} channels whose predicted mean varies
 * most, the observations (grey) with the predicted mean E[y_t | posterior] over them. Missing values are left out.
 */
public final class PredictionFigure {
    /** Channels shown with their prediction. */
    public static final int CHANNELS = 3;
    private static final int WIDTH = ChartStyle.WIDTH + 100, HEAT_HEIGHT = 400, PANEL_HEIGHT = 180, AXIS_EXTRA = 40;

    private PredictionFigure() {}

    /**
     * @param observed  T x N observations, NaN where missing
     * @param predicted T x N predicted means
     * @param counts    whether the observations are counts (heatmap of counts, points for the observations)
     * @param unit      the observations' unit for the axes, e.g. "count / bin" or "y (data units)"
     */
    public static ChartPanels chart(double[] observed, double[] predicted, int length, int channels, boolean counts, String unit,
                                    String title) {
        if (observed.length != length * channels || predicted.length != length * channels) {
            throw new IllegalArgumentException("need T*N = " + length * channels + " observed and predicted values, got "
                    + observed.length + " and " + predicted.length);
        }
        List<IChart> panels = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        panels.add(ChannelHeatmap.chart(observed, length, channels, counts, unit, WIDTH, HEAT_HEIGHT));
        heights.add(HEAT_HEIGHT);
        int[] chosen = mostModulated(predicted, length, channels);
        for (int k = 0; k < chosen.length; k++) {
            boolean last = k == chosen.length - 1;
            panels.add(channel(observed, predicted, length, channels, chosen[k], counts, unit, k == 0, last));
            heights.add(PANEL_HEIGHT + (last ? AXIS_EXTRA : 0) + (k == 0 ? 30 : 0));
        }
        return ChartPanels.column(title, panels, WIDTH, heights.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The channels whose predicted mean has the largest variance over time, most first. */
    static int[] mostModulated(double[] predicted, int length, int channels) {
        double[] var = new double[channels];
        for (int n = 0; n < channels; n++) {
            double s = 0, ss = 0;
            for (int t = 0; t < length; t++) {
                double v = predicted[t * channels + n];
                s += v;
                ss += v * v;
            }
            var[n] = ss / length - (s / length) * (s / length);
        }
        return java.util.stream.IntStream.range(0, channels).boxed().sorted((p, q) -> Double.compare(var[q], var[p]))
                .limit(CHANNELS).mapToInt(Integer::intValue).toArray();
    }

    private static XYChart channel(double[] y, double[] predicted, int length, int channels, int n, boolean counts, String unit,
                                   boolean legend, boolean last) {
        int f = Downsample.factor(length, Downsample.MAX_POINTS);
        double[] x = Downsample.starts(length, f, 1);
        double[] obs = new double[x.length], pred = new double[x.length];
        double[] yb = Downsample.means(column(y, length, channels, n), length, 1, f), pb = Downsample.means(column(predicted, length, channels, n), length, 1, f);
        for (int b = 0; b < x.length; b++) {
            x[b] += 0.5 * (Math.min(length, x[b] + f) - x[b]);
            obs[b] = yb[b];
            pred[b] = pb[b];
        }
        XYChart c = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).xAxisTitle("time bin")
                .yAxisTitle("channel " + n + ", " + unit).build();
        ChartStyle.apply(c.getStyler()).setLegendVisible(legend);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        c.getStyler().setXAxisMin(0.0).setXAxisMax((double) length);
        c.getStyler().setXAxisTitleVisible(last);
        c.getStyler().setXAxisTicksVisible(last);
        c.getStyler().setPlotContentSize(1.0);
        c.getStyler().setMarkerSize(3);
        double lo = Double.POSITIVE_INFINITY;
        for (int b = 0; b < x.length; b++) {
            if (!Double.isNaN(obs[b])) lo = Math.min(lo, obs[b]);
            lo = Math.min(lo, pred[b]);
        }
        ChartStyle.roundTimeTicks(c, length, lo);
        XYSeries o = c.addSeries("observed" + (f > 1 ? " (block mean)" : ""), x, obs);
        o.setXYSeriesRenderStyle(counts && f == 1 ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
        o.setMarker(counts && f == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        o.setMarkerColor(new Color(0x909090));
        o.setLineColor(new Color(0x909090));
        o.setLineStyle(new BasicStroke(1f));
        XYSeries p = c.addSeries("predicted mean", x, pred);
        p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        p.setMarker(SeriesMarkers.NONE);
        p.setLineColor(StatePalette.color(3));
        p.setLineStyle(new BasicStroke(1.8f));
        return c;
    }

    private static double[] column(double[] v, int length, int channels, int n) {
        double[] out = new double[length];
        for (int t = 0; t < length; t++) out[t] = v[t * channels + n];
        return out;
    }
}
