package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hidden Markov model with K discrete states:
 * z_1 ~ Cat(pi), z_t | z_{t-1} = i ~ Cat(P_i.(u_t)), y_t | z_t = k ~ p_k(y_t | y_{1:t-1}, u_t)
 * (Rabiner 1989, "A tutorial on hidden Markov models"). Autoregressive emissions make it an ARHMM.
 * An immutable value: it knows its prior, complete-data log joint and sampler; fitting and posterior
 * inference live in {@code io.ssm4j.inference}.
 */
public record HiddenMarkovModel(InitialStateDistribution initial, Transitions transitions, Emissions emissions) {

    /** A sampled sequence: its states and observations. */
    public record Sample(int[] states, TimeSeries observations) {}

    public HiddenMarkovModel {
        int k = initial.numStates();
        if (transitions.numStates() != k || emissions.numStates() != k) {
            throw new IllegalArgumentException("state counts disagree: initial " + k + ", transitions "
                    + transitions.numStates() + ", emissions " + emissions.numStates());
        }
    }

    public int numStates() { return initial.numStates(); }

    public int dim() { return emissions.dim(); }

    /** log p(theta): the sum of the component priors (0 under maximum likelihood). */
    public double logPrior() {
        return initial.logPrior() + transitions.logPrior() + emissions.logPrior();
    }

    /** log p(y, z | theta) = log pi_{z_1} + sum_t log P_{z_{t-1} z_t} + sum_t log p(y_t | z_t). */
    public double logJointOfPath(TimeSeries y, int[] z) {
        double[] ll = new double[y.length() * numStates()];
        emissions.logLikelihoods(y, ll);
        return logJointOfPath(y, z, ll);
    }

    /**
     * {@link #logJointOfPath(TimeSeries, int[])} from the emission log-likelihoods already evaluated for y
     * ({@code logLikelihoods[t*K + k]}, as {@link Emissions#logLikelihoods} writes them).
     */
    public double logJointOfPath(TimeSeries y, int[] z, double[] logLikelihoods) {
        int k = numStates(), n = y.length();
        if (z.length != n) throw new IllegalArgumentException("state path length " + z.length + " != T " + n);
        if (logLikelihoods.length != n * k) {
            throw new IllegalArgumentException("logLikelihoods has length " + logLikelihoods.length + ", expected T * K = "
                    + n + " * " + k);
        }
        double[] ll = logLikelihoods;
        double[] pi = initial.probs();
        double lp = Math.log(pi[z[0]]) + ll[z[0]];
        double[] p = transitions.isStationary() ? transitions.matrix() : transitions.stepMatrices(y);
        for (int t = 1; t < n; t++) {
            int off = transitions.isStationary() ? 0 : (t - 1) * k * k;
            lp += Math.log(p[off + z[t - 1] * k + z[t]]) + ll[t * k + z[t]];
        }
        return lp;
    }

    /** log p(y, z, theta): the complete-data log joint including the prior. */
    public double logJoint(TimeSeries y, int[] z) { return logJointOfPath(y, z) + logPrior(); }

    /**
     * Draws T steps. Inputs, when the model uses them, come from {@code inputs} (T x M, may be null).
     */
    public Sample sample(int length, double[] inputs, int inputDim, Rng rng) {
        if (length < 1) throw new IllegalArgumentException("sample length must be >= 1, got " + length);
        int k = numStates(), d = dim();
        int[] z = new int[length];
        double[] y = new double[length * d];
        double[] pi = initial.probs();
        double[] p = transitions.matrix();
        TimeSeries inputSeries = inputs == null ? null
                : TimeSeries.of(new double[length], length, 1).withInputs(inputs, inputDim);
        double[] steps = transitions.isStationary() || inputSeries == null ? null : transitions.stepMatrices(inputSeries);
        for (int t = 0; t < length; t++) {
            if (t == 0) {
                z[t] = rng.categorical(pi, 0, k);
            } else if (steps != null) {
                z[t] = rng.categorical(steps, (t - 1) * k * k + z[t - 1] * k, k);
            } else {
                z[t] = rng.categorical(p, z[t - 1] * k, k);
            }
            double[] row = inputs == null ? null : java.util.Arrays.copyOfRange(inputs, t * inputDim, (t + 1) * inputDim);
            emissions.sample(z[t], y, t, row, rng);
        }
        TimeSeries obs = TimeSeries.of(y, length, d);
        if (inputs != null) obs = obs.withInputs(inputs, inputDim);
        return new Sample(z, obs);
    }

    /** Every parameter under its file name: initial_probs, transition_matrix, then the emission parameters. */
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("initial_probs", initial.parameters());
        m.putAll(transitions.parameters());
        m.putAll(emissions.parameters());
        return m;
    }

    public HiddenMarkovModel withInitial(InitialStateDistribution i) { return new HiddenMarkovModel(i, transitions, emissions); }

    public HiddenMarkovModel withTransitions(Transitions t) { return new HiddenMarkovModel(initial, t, emissions); }

    public HiddenMarkovModel withEmissions(Emissions e) { return new HiddenMarkovModel(initial, transitions, e); }
}
