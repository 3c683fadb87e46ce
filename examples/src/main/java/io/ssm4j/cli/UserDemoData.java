package io.ssm4j.cli;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.datasets.io.SeriesFiles;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The demo on the user's own counts ({@code ssm4j demo --data FILE}): a T x N matrix of spike counts in any DATA
 * format of {@code fit} (the first trial when the file holds several), compared with the population count per bin.
 */
final class UserDemoData implements DemoData {
    private final Path file;
    private final TimeSeries counts;
    private final double binWidth;
    private final int trials;

    private UserDemoData(Path file, TimeSeries counts, double binWidth, int trials) {
        this.file = file;
        this.counts = counts;
        this.binWidth = binWidth;
        this.trials = trials;
    }

    /**
     * Reads the counts; {@code binWidth} is the bin width in seconds (also how spike-time .txt files are binned).
     *
     * @throws IllegalArgumentException when the file holds anything but non-negative whole counts
     */
    static UserDemoData load(Path file, String variable, double binWidth) throws IOException {
        List<TimeSeries> all = SeriesFiles.readTrials(file, new SeriesFiles.Options(variable, binWidth));
        TimeSeries c = all.get(0);
        double[] v = c.valuesView();
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] == Math.rint(v[i]))) {
                throw new IllegalArgumentException(file + ": the demo fits a Poisson HMM to spike counts, but entry (" + i / c.dim()
                        + ", " + i % c.dim() + ") is " + v[i] + " (use ssm4j fit --emissions gaussian for other data)");
            }
        }
        return new UserDemoData(file, c, binWidth, all.size());
    }

    @Override public TimeSeries counts() { return counts; }

    @Override
    public String description() {
        return String.format("%s: %d neurons, %d bins of %.3g s%s", file.getFileName(), counts.dim(), counts.length(), binWidth,
                trials > 1 ? " (trial 0 of " + trials + ")" : "");
    }

    @Override public String covariateName() { return "population_count"; }

    @Override
    public double[] covariate() {
        int t = counts.length(), d = counts.dim();
        double[] v = counts.valuesView(), total = new double[t];
        for (int s = 0; s < t; s++) for (int j = 0; j < d; j++) total[s] += v[s * d + j];
        return total;
    }

    @Override public String covariateLabel() { return "population count (spikes per bin)"; }

    @Override public String shortName() { return file.getFileName().toString(); }

    @Override public double binSeconds() { return binWidth; }

    @Override
    public String summarise(HiddenMarkovModel model, int[] viterbi, FitResult<HiddenMarkovModel> fit, double seconds) {
        int k = model.numStates(), n = viterbi.length;
        int[] occupancy = new int[k], visits = new int[k];
        for (int t = 0; t < n; t++) {
            occupancy[viterbi[t]]++;
            if (t == 0 || viterbi[t] != viterbi[t - 1]) visits[viterbi[t]]++;
        }
        StringBuilder sb = new StringBuilder(String.format("Poisson HMM, K=%d: log-likelihood %.2f after %d EM iterations (%s), %.2f s%n",
                k, fit.finalObjective(), fit.iterations(), fit.converged() ? "converged" : "iteration limit", seconds));
        sb.append(String.format("%-6s %10s %16s %18s%n", "state", "occupancy", "mean dwell (s)", "rate (spikes/s)"));
        for (int j = 0; j < k; j++) {
            sb.append(String.format("%-6d %9.1f%% %16.2f %18.2f%n", j, 100.0 * occupancy[j] / n,
                    visits[j] == 0 ? 0 : occupancy[j] * binWidth / visits[j], DemoData.meanRate(model, j) / binWidth));
        }
        return sb.toString();
    }
}
