package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.Dirichlet;
import io.ssm4j.math.Rng;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stationary transition matrix P with independent Dirichlet priors on its rows,
 * P_i. ~ Dir(alpha 1 + kappa e_i). kappa = 0 gives the standard HMM; kappa &gt; 0 the "sticky" HMM of
 * Fox, Sudderth, Jordan and Willsky (2011), "A sticky HDP-HMM with application to speaker diarization",
 * whose extra prior mass on self-transitions favours longer dwell times. alpha = 1, kappa = 0 is a flat prior:
 * the MAP update is then maximum likelihood.
 *
 * <p>M-step: P_ij = (n_ij + alpha + kappa [i=j] - 1) / sum_j' (...), with n_ij the expected transition counts.
 */
public final class StationaryTransitions implements Transitions {
    private final int k;
    private final double[] matrix;
    private final double alpha;
    private final double kappa;

    private StationaryTransitions(int k, double[] matrix, double alpha, double kappa) {
        this.k = k;
        this.matrix = matrix;
        this.alpha = alpha;
        this.kappa = kappa;
    }

    /**
     * @param matrix K x K, rows summing to 1
     * @param alpha Dirichlet concentration of every row (&gt; 0; 1 = flat)
     * @param kappa extra concentration on self-transitions (&gt;= 0; 0 = standard HMM)
     */
    public static StationaryTransitions of(double[] matrix, int numStates, double alpha, double kappa) {
        if (numStates < 1) throw new IllegalArgumentException("number of states K must be >= 1, got " + numStates);
        EmissionChecks.requireLength("transition_matrix", matrix, numStates * numStates, "K*K");
        EmissionChecks.requireStochasticRows("transition_matrix", matrix, numStates);
        if (!(alpha > 0)) throw new IllegalArgumentException("transition Dirichlet alpha must be > 0, got " + alpha);
        if (!(kappa >= 0)) throw new IllegalArgumentException("stickiness kappa must be >= 0, got " + kappa);
        return new StationaryTransitions(numStates, matrix.clone(), alpha, kappa);
    }

    /** A standard (non-sticky) chain with a flat prior. */
    public static StationaryTransitions of(double[] matrix, int numStates) { return of(matrix, numStates, 1, 0); }

    @Override public int numStates() { return k; }

    @Override public String type() { return kappa > 0 ? "sticky" : "standard"; }

    @Override public boolean isStationary() { return true; }

    @Override public double[] matrix() { return matrix.clone(); }

    public double alpha() { return alpha; }

    public double kappa() { return kappa; }

    @Override
    public double[] stepMatrices(TimeSeries y) {
        int steps = y.length() - 1;
        double[] out = new double[Math.max(steps, 0) * k * k];
        for (int t = 0; t < steps; t++) System.arraycopy(matrix, 0, out, t * k * k, k * k);
        return out;
    }

    private Dirichlet rowPrior(int i) {
        double[] a = new double[k];
        java.util.Arrays.fill(a, alpha);
        a[i] += kappa;
        return Dirichlet.of(a);
    }

    private boolean flat() { return alpha == 1 && kappa == 0; }

    /** A single state always stays: P = [1] under any prior. */
    private boolean trivial() { return k == 1; }

    @Override
    public double logPrior() {
        if (flat() || trivial()) return 0; // a flat Dirichlet is constant; dropping the constant keeps ML objectives comparable
        double lp = 0;
        for (int i = 0; i < k; i++) lp += rowPrior(i).logDensity(java.util.Arrays.copyOfRange(matrix, i * k, i * k + k));
        return lp;
    }

    @Override
    public void accumulate(TransitionStatistics stats, TimeSeries y, double[] expectedTransitions, double[] perStep) {
        double[] c = stats.counts();
        for (int i = 0; i < c.length; i++) c[i] += expectedTransitions[i];
    }

    @Override
    public Transitions maximize(TransitionStatistics stats) {
        if (trivial()) return this;
        double[] c = stats.counts(), p = new double[k * k];
        for (int i = 0; i < k; i++) {
            double[] row = java.util.Arrays.copyOfRange(c, i * k, i * k + k);
            double total = 0;
            for (double v : row) total += v;
            if (flat() && total <= 0) { // a state never left: keep its row
                System.arraycopy(matrix, i * k, p, i * k, k);
                continue;
            }
            double[] mode = rowPrior(i).posterior(row).mode();
            System.arraycopy(mode, 0, p, i * k, k);
        }
        return new StationaryTransitions(k, p, alpha, kappa);
    }

    @Override
    public Transitions samplePosterior(TransitionStatistics stats, Rng rng) {
        if (trivial()) return this;
        double[] c = stats.counts(), p = new double[k * k];
        for (int i = 0; i < k; i++) {
            double[] draw = rowPrior(i).posterior(java.util.Arrays.copyOfRange(c, i * k, i * k + k)).sample(rng);
            System.arraycopy(draw, 0, p, i * k, k);
        }
        return new StationaryTransitions(k, p, alpha, kappa);
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("transition_matrix", NdArray.of(matrix, k, k));
        return m;
    }
}
