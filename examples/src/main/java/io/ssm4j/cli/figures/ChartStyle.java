package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;

/** The look shared by every figure: white background, light grid, readable fonts, legend outside the plot. */
final class ChartStyle {
    /** Default figure size in pixels. */
    static final int WIDTH = 1000, HEIGHT = 560;

    private ChartStyle() {}

    /**
     * Makes XChart place round-numbered ticks on the time axis of an XY chart: when the x values of the
     * series are equally spaced, XChart 4.0.3 puts ticks on data values instead (every 7th step, say). An
     * invisible first series with unevenly spaced x values in [0, end] at height y turns that off.
     * Call it before adding the other series.
     */
    static void roundTimeTicks(XYChart chart, double end, double y) {
        XYSeries s = chart.addSeries(" ", new double[] {0, 0.3819660112501051 * end, end}, new double[] {y, y, y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setShowInLegend(false);
    }

    static <S extends AxesChartStyler> S apply(S s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xe0e0e0));
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setChartTitleBoxVisible(false);
        s.setAntiAlias(true);
        return s;
    }
}
