package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;

/** The objective of a fit per iteration (EM iteration or Gibbs sweep): one line, iteration 0 = the start. */
public final class ObjectiveFigure {
    private ObjectiveFigure() {}

    /**
     * @param trace objective per iteration, at least one finite value
     * @param xLabel e.g. "EM iteration" or "Gibbs sweep"
     * @param yLabel e.g. "log p(y | θ) + log p(θ)"
     */
    public static XYChart chart(double[] trace, String xLabel, String yLabel, String title) {
        if (trace.length == 0) throw new IllegalArgumentException("objective trace is empty");
        int f = Downsample.factor(trace.length, Downsample.MAX_POINTS);
        double[] y = Downsample.means(trace, trace.length, 1, f);
        double[] x = Downsample.starts(trace.length, f, 1);
        XYChart c = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        ChartStyle.apply(c.getStyler()).setLegendVisible(false);
        XYSeries s = c.addSeries("objective", x, y);
        s.setMarker(trace.length <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        s.setLineColor(StatePalette.color(0));
        s.setMarkerColor(StatePalette.color(0));
        s.setLineStyle(new BasicStroke(2f));
        return c;
    }
}
