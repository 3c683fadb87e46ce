package io.ssm4j.cli.figures;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

import java.util.ArrayList;
import java.util.List;

/**
 * Histograms of dwell times: how long each visit to a state lasts (a run of equal consecutive decoded
 * states, in seconds), one bar per state in each bin. Bins double in width, [w, 2w), [2w, 4w), ... from
 * the bin width w, since dwell times of sticky states span orders of magnitude.
 */
public final class DwellTimeFigure {
    private DwellTimeFigure() {}

    /** Lengths, in steps, of the runs of equal consecutive states, per state. */
    static List<List<Integer>> runs(int[] states, int numStates) {
        List<List<Integer>> out = new ArrayList<>();
        for (int k = 0; k < numStates; k++) out.add(new ArrayList<>());
        int start = 0;
        for (int t = 1; t <= states.length; t++) {
            if (t == states.length || states[t] != states[start]) {
                out.get(states[start]).add(t - start);
                start = t;
            }
        }
        return out;
    }

    /**
     * @param viterbi the decoded state of each bin
     * @param binSeconds the bin width in seconds
     */
    public static CategoryChart chart(int[] viterbi, int numStates, double binSeconds, String title) {
        if (viterbi.length == 0) throw new IllegalArgumentException("empty state path");
        List<List<Integer>> runs = runs(viterbi, numStates);
        int longest = 1;
        for (List<Integer> r : runs) for (int len : r) longest = Math.max(longest, len);
        int bins = 1;
        while ((1L << bins) <= longest) bins++;
        List<String> labels = new ArrayList<>();
        for (int b = 0; b < bins; b++) labels.add(seconds((1L << b) * binSeconds) + "–" + seconds((1L << (b + 1)) * binSeconds));
        CategoryChart c = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("dwell time (s)").yAxisTitle("number of visits").build();
        ChartStyle.apply(c.getStyler());
        c.getStyler().setXAxisLabelRotation(bins > 8 ? 45 : 0);
        c.getStyler().setYAxisDecimalPattern("0");
        for (int k = 0; k < numStates; k++) {
            if (runs.get(k).isEmpty()) continue;
            List<Integer> counts = new ArrayList<>();
            for (int b = 0; b < bins; b++) counts.add(0);
            for (int len : runs.get(k)) {
                int b = 63 - Long.numberOfLeadingZeros(len); // floor(log2(len))
                counts.set(b, counts.get(b) + 1);
            }
            CategorySeries s = c.addSeries("state " + k, labels, counts);
            s.setFillColor(StatePalette.color(k));
        }
        return c;
    }

    private static String seconds(double s) {
        return s >= 10 || s == Math.rint(s) ? String.format("%.0f", s)
                : new java.math.BigDecimal(String.format("%.3g", s)).stripTrailingZeros().toPlainString();
    }
}
