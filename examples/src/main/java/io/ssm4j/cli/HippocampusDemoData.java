package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.datasets.io.Csv;
import io.ssm4j.datasets.spikes.SpikeBinning;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The demo on real data: spikes of 31 rat hippocampal units (nelpy example data, a linear-track run followed
 * by rest) binned into counts, with the animal's speed along the track per bin from the LED position.
 */
final class HippocampusDemoData implements DemoData {
    static final double RUN_SPEED = 10.0; // px/s: above this the animal counts as running

    private final TimeSeries counts;
    private final double[] speed;
    private final double binWidth;

    private HippocampusDemoData(TimeSeries counts, double[] speed, double binWidth) {
        this.counts = counts;
        this.speed = speed;
        this.binWidth = binWidth;
    }

    static HippocampusDemoData load(Path folder, double bin) throws IOException {
        double[] s = Csv.read(folder.resolve("spikes_derived.csv")).dataView();
        double[] p = Csv.read(folder.resolve("position_derived.csv")).dataView();
        int ns = s.length / 4, np = p.length / 3;
        double[] times = new double[ns];
        int[] units = new int[ns];
        int maxUnit = 0;
        for (int i = 0; i < ns; i++) {
            times[i] = s[i * 4];
            units[i] = (int) s[i * 4 + 1];
            maxUnit = Math.max(maxUnit, units[i]);
        }
        double start = Math.max(times[0], p[0]), end = Math.min(times[ns - 1], p[(np - 1) * 3]);
        NdArray c = SpikeBinning.bin(times, units, maxUnit + 1, start, end, bin);
        int bins = c.dim(0);
        double[] speedSum = new double[bins];
        int[] speedN = new int[bins];
        for (int i = 1; i < np; i++) {
            double t = p[i * 3], dt = t - p[(i - 1) * 3];
            int b = (int) ((t - start) / bin);
            if (t < start || b >= bins || dt <= 0) continue;
            speedSum[b] += Math.abs(p[i * 3 + 1] - p[(i - 1) * 3 + 1]) / dt;
            speedN[b]++;
        }
        double[] speed = new double[bins];
        for (int b = 0; b < bins; b++) speed[b] = speedN[b] > 0 ? speedSum[b] / speedN[b] : 0;
        return new HippocampusDemoData(TimeSeries.of(c.dataView(), bins, c.dim(1)), speed, bin);
    }

    @Override public TimeSeries counts() { return counts; }

    @Override
    public String description() {
        return String.format("rat hippocampus, linear track then rest: %d units, %d bins of %.2f s (%.0f s)",
                counts.dim(), counts.length(), binWidth, counts.length() * binWidth);
    }

    @Override public String covariateName() { return "speed_px_per_s"; }

    @Override public double[] covariate() { return speed.clone(); }

    @Override public String covariateLabel() { return "running speed (px/s)"; }

    @Override public String shortName() { return "rat hippocampus, linear track"; }

    @Override public double binSeconds() { return binWidth; }

    @Override
    public String summarise(HiddenMarkovModel model, int[] viterbi, FitResult<HiddenMarkovModel> fit, double seconds) {
        int k = model.numStates(), n = viterbi.length;
        double[] speedSum = new double[k];
        int[] occupancy = new int[k];
        for (int t = 0; t < n; t++) {
            occupancy[viterbi[t]]++;
            speedSum[viterbi[t]] += speed[t];
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Poisson HMM, K=%d: log-likelihood %.2f after %d EM iterations (%s), %.2f s%n", k,
                fit.finalObjective(), fit.iterations(), fit.converged() ? "converged" : "iteration limit", seconds));
        sb.append(String.format("%-6s %10s %14s %18s  %s%n", "state", "occupancy", "speed (px/s)", "rate (spikes/s)", "label"));
        boolean[] runState = new boolean[k];
        Integer[] order = new Integer[k];
        for (int j = 0; j < k; j++) order[j] = j;
        Arrays.sort(order, (a, b) -> Double.compare(mean(speedSum[b], occupancy[b]), mean(speedSum[a], occupancy[a])));
        for (int j : order) {
            double v = mean(speedSum[j], occupancy[j]);
            runState[j] = v > RUN_SPEED;
            sb.append(String.format("%-6d %9.1f%% %14.1f %18.2f  %s%n", j, 100.0 * occupancy[j] / n, v,
                    DemoData.meanRate(model, j) / binWidth, runState[j] ? "run" : "rest"));
        }
        int agree = 0, running = 0;
        for (int t = 0; t < n; t++) {
            if (runState[viterbi[t]] == (speed[t] > RUN_SPEED)) agree++;
            if (speed[t] > RUN_SPEED) running++;
        }
        sb.append(String.format("run/rest from the states agrees with speed > %.0f px/s in %.1f%% of bins (chance, the "
                + "larger class everywhere: %.1f%%)%n", RUN_SPEED, 100.0 * agree / n, 100.0 * Math.max(running, n - running) / n));
        return sb.toString();
    }

    private static double mean(double sum, int n) { return n == 0 ? 0 : sum / n; }
}
