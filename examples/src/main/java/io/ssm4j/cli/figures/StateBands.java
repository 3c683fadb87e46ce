package io.ssm4j.cli.figures;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/**
 * Paints a state path behind an XY chart: for each state, one translucent polygon made of the rectangles
 * [start, end] x [bottom, top] of its visits, joined along the bottom edge. Add it before the data so the
 * data is drawn on top; it fixes the y axis to [bottom, top]. The legend shows one coloured box per state.
 */
final class StateBands {
    static final int ALPHA = 80;

    private StateBands() {}

    /**
     * @param x start of each step on the time axis
     * @param end the end of the last step on the time axis
     * @param states the state of each step
     */
    static void add(XYChart chart, double[] x, double end, int[] states, int numStates, double bottom, double top) {
        add(chart, x, end, states, numStates, bottom, top, ALPHA, true);
        chart.getStyler().setYAxisMin(bottom).setYAxisMax(top);
    }

    /** As above with the given opacity, without touching the axis; {@code legend} shows the states in the legend. */
    static void add(XYChart chart, double[] x, double end, int[] states, int numStates, double bottom, double top,
                    int alpha, boolean legend) {
        int n = states.length;
        for (int k = 0; k < numStates; k++) {
            int runs = 0;
            for (int t = 0; t < n; t++) if (states[t] == k && (t == 0 || states[t - 1] != k)) runs++;
            if (runs == 0) continue;
            double[] xs = new double[4 * runs], ys = new double[4 * runs];
            int i = 0;
            for (int t = 0; t < n; t++) {
                if (states[t] != k || (t > 0 && states[t - 1] == k)) continue;
                int u = t;
                while (u < n && states[u] == k) u++;
                double x0 = x[t], x1 = u < n ? x[u] : end;
                xs[i] = x0; ys[i++] = bottom;
                xs[i] = x0; ys[i++] = top;
                xs[i] = x1; ys[i++] = top;
                xs[i] = x1; ys[i++] = bottom;
            }
            XYSeries s = chart.addSeries(legend ? "state " + k : "state " + k + " ", xs, ys);
            s.setShowInLegend(legend);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(StatePalette.translucent(k, alpha));
            s.setLineColor(new Color(0, 0, 0, 0));
            s.setMarker(SeriesMarkers.NONE);
        }
    }
}
