package io.ssm4j.cli.figures;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;

import java.util.ArrayList;
import java.util.List;

/**
 * A covariate (e.g. running speed) per decoded state: one bar per state at the mean of the covariate over
 * the time bins spent in that state, with an error bar of one standard deviation, in the state's colour.
 * The category label gives each state's share of time; states never visited are left out.
 */
public final class CovariateByStateFigure {
    private CovariateByStateFigure() {}

    /**
     * @param covariate the covariate of each time bin (NaN values are skipped)
     * @param viterbi the decoded state of each bin
     * @param yLabel the covariate's name with its unit, e.g. "running speed (px/s)"
     */
    public static CategoryChart chart(double[] covariate, int[] viterbi, int numStates, String yLabel, String title) {
        if (covariate.length != viterbi.length) {
            throw new IllegalArgumentException("covariate has " + covariate.length + " values for " + viterbi.length + " states");
        }
        int[] n = new int[numStates];
        double[] sum = new double[numStates], sumSq = new double[numStates];
        for (int t = 0; t < viterbi.length; t++) {
            double v = covariate[t];
            if (Double.isNaN(v)) continue;
            n[viterbi[t]]++;
            sum[viterbi[t]] += v;
            sumSq[viterbi[t]] += v * v;
        }
        int total = 0;
        for (int v : n) total += v;
        List<Integer> visited = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < numStates; k++) {
            if (n[k] == 0) continue;
            visited.add(k);
            labels.add(String.format("state %d (%.0f%%)", k, 100.0 * n[k] / total));
        }
        CategoryChart c = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("decoded state (share of time)").yAxisTitle(yLabel + ", mean ± SD").build();
        ChartStyle.apply(c.getStyler()).setLegendVisible(false);
        c.getStyler().setOverlapped(true);
        for (int i = 0; i < visited.size(); i++) {
            int k = visited.get(i);
            double mean = sum[k] / n[k], sd = Math.sqrt(Math.max(0, sumSq[k] / n[k] - mean * mean));
            double[] y = new double[visited.size()], e = new double[visited.size()];
            y[i] = mean;
            e[i] = sd;
            List<Double> ys = new ArrayList<>(), es = new ArrayList<>();
            for (int j = 0; j < y.length; j++) {
                ys.add(y[j]);
                es.add(e[j]);
            }
            CategorySeries s = c.addSeries("state " + k, labels, ys, es);
            s.setFillColor(StatePalette.color(k));
        }
        return c;
    }
}
