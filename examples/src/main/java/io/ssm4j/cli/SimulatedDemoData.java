package io.ssm4j.cli;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.data.NdArray;

import java.util.LinkedHashMap;
import java.util.Map;

/** The demo without the shared data: a simulated population of Poisson neurons with three hidden states. */
final class SimulatedDemoData implements DemoData {
    private final TimeSeries counts;
    private final int[] states;

    private SimulatedDemoData(TimeSeries counts, int[] states) {
        this.counts = counts;
        this.states = states;
    }

    static SimulatedDemoData create(long seed) {
        int k = 3, d = 20, n = 4000;
        Rng rng = Rng.seeded(seed);
        double[] rates = new double[k * d];
        for (int i = 0; i < rates.length; i++) rates[i] = 0.2 + 4 * rng.uniform() * rng.uniform();
        double[] p = {0.98, 0.01, 0.01, 0.01, 0.98, 0.01, 0.01, 0.01, 0.98};
        Map<String, NdArray> params = new LinkedHashMap<>();
        params.put("transition_matrix", NdArray.of(p, k, k));
        params.put("rates", NdArray.of(rates, k, d));
        HiddenMarkovModel truth = HmmFactory.fromParameters(HmmSpec.of(k, d, EmissionType.POISSON), params);
        HiddenMarkovModel.Sample s = truth.sample(n, null, 0, rng);
        return new SimulatedDemoData(s.observations(), s.states());
    }

    @Override public TimeSeries counts() { return counts; }

    @Override
    public String description() {
        return "simulated: 20 Poisson neurons, 3 hidden states, 4000 bins of 0.1 s (shared data folder not found)";
    }

    @Override public String covariateName() { return "true_states"; }

    @Override public String covariateLabel() { return "true state (simulation)"; }

    @Override public String shortName() { return "simulated Poisson population"; }

    /** The simulation has no clock; its bins are read as 0.1 s (rates of 2-40 spikes/s). */
    @Override public double binSeconds() { return 0.1; }

    @Override
    public double[] covariate() {
        double[] z = new double[states.length];
        for (int t = 0; t < z.length; t++) z[t] = states[t];
        return z;
    }

    @Override
    public String summarise(HiddenMarkovModel model, int[] viterbi, FitResult<HiddenMarkovModel> fit, double seconds) {
        int k = model.numStates();
        int[][] confusion = new int[k][3];
        for (int t = 0; t < viterbi.length; t++) if (states[t] < 3) confusion[viterbi[t]][states[t]]++;
        int matched = 0;
        for (int[] row : confusion) matched += Math.max(row[0], Math.max(row[1], row[2]));
        return String.format("Poisson HMM, K=%d: log-likelihood %.2f after %d EM iterations, %.2f s%n"
                        + "each found state's majority true state covers %.1f%% of bins%n",
                k, fit.finalObjective(), fit.iterations(), seconds, 100.0 * matched / viterbi.length);
    }
}
