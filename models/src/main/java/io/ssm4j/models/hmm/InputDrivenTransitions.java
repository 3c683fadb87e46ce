package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.LogSumExp;
import io.ssm4j.math.Rng;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input-driven transitions, a softmax GLM on the inputs (as in ssm's InputDrivenTransitions):
 * p(z_t = j | z_{t-1} = i, u_t) ∝ P_ij exp(w_j . u_t), with a baseline matrix P (K x K) and weights
 * W (K x M), and a Gaussian prior w_jm ~ N(0, sigma^2).
 *
 * <p>M-step: the expected complete-data objective
 * f(R, W) = sum_t sum_ij xi_t(i,j) [R_ij + w_j.u_t - log sum_j' exp(R_ij' + w_j'.u_t)] - |W|^2 / (2 sigma^2),
 * with R = log P, is concave; it is increased by gradient ascent with backtracking (Armijo) line search from
 * the current parameters, a generalised EM step that keeps EM monotone. There is no conjugate prior, so
 * Gibbs sampling of these transitions is not offered ({@link #samplePosterior} explains this).
 */
public final class InputDrivenTransitions implements Transitions {
    private static final int MAX_STEPS = 100;

    private final int k;
    private final int m;
    private final double[] logBaseline;
    private final double[] weights;
    private final double priorVariance;

    private InputDrivenTransitions(int k, int m, double[] logBaseline, double[] weights, double priorVariance) {
        this.k = k;
        this.m = m;
        this.logBaseline = logBaseline;
        this.weights = weights;
        this.priorVariance = priorVariance;
    }

    /**
     * @param baseline K x K row-stochastic matrix P (entries &gt; 0)
     * @param weights K x M input weights w_j
     * @param priorVariance sigma^2 of the Gaussian prior on the weights
     */
    public static InputDrivenTransitions of(double[] baseline, double[] weights, int numStates, int inputDim,
                                            double priorVariance) {
        EmissionChecks.requireLength("transition_matrix", baseline, numStates * numStates, "K*K");
        EmissionChecks.requireStochasticRows("transition_matrix", baseline, numStates);
        EmissionChecks.requireLength("transition_weights", weights, numStates * inputDim, "K*M");
        EmissionChecks.requireFinite("transition_weights", weights);
        if (!(priorVariance > 0)) throw new IllegalArgumentException("prior variance must be > 0, got " + priorVariance);
        double[] r = new double[baseline.length];
        for (int i = 0; i < r.length; i++) {
            if (!(baseline[i] > 0)) {
                throw new IllegalArgumentException("input-driven transition_matrix entries must be > 0 (log taken), entry "
                        + i + " is " + baseline[i]);
            }
            r[i] = Math.log(baseline[i]);
        }
        return new InputDrivenTransitions(numStates, inputDim, r, weights.clone(), priorVariance);
    }

    @Override public int numStates() { return k; }

    @Override public String type() { return "input-driven"; }

    @Override public boolean isStationary() { return false; }

    @Override
    public double[] matrix() {
        double[] p = new double[k * k];
        softmaxRows(logBaseline, new double[k], p);
        return p;
    }

    public double[] weights() { return weights.clone(); }

    /** out (K x K) = row-softmax of R_ij + bias_j. */
    private void softmaxRows(double[] r, double[] bias, double[] out) {
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) out[i * k + j] = r[i * k + j] + bias[j];
            double lse = LogSumExp.of(out, i * k, k);
            for (int j = 0; j < k; j++) out[i * k + j] = Math.exp(out[i * k + j] - lse);
        }
    }

    private static void inputEffects(double[] w, int k, int m, double[] u, int uo, double[] bias) {
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int c = 0; c < m; c++) s += w[j * m + c] * u[uo + c];
            bias[j] = s;
        }
    }

    private void requireInputs(TimeSeries y) {
        if (y.inputDim() != m) {
            throw new IllegalArgumentException("input-driven transitions expect " + m + " input columns, data has " + y.inputDim());
        }
    }

    @Override
    public double[] stepMatrices(TimeSeries y) {
        requireInputs(y);
        int steps = y.length() - 1;
        double[] out = new double[Math.max(steps, 0) * k * k], bias = new double[k], p = new double[k * k];
        double[] u = y.inputsView();
        for (int t = 0; t < steps; t++) {
            inputEffects(weights, k, m, u, (t + 1) * m, bias);
            softmaxRows(logBaseline, bias, p);
            System.arraycopy(p, 0, out, t * k * k, k * k);
        }
        return out;
    }

    @Override
    public double logPrior() {
        double s = 0;
        for (double w : weights) s += w * w;
        return -0.5 * s / priorVariance - 0.5 * weights.length * Math.log(2 * Math.PI * priorVariance);
    }

    @Override
    public void accumulate(TransitionStatistics stats, TimeSeries y, double[] expectedTransitions, double[] perStep) {
        requireInputs(y);
        double[] c = stats.counts();
        for (int i = 0; i < c.length; i++) c[i] += expectedTransitions[i];
        int steps = y.length() - 1;
        if (steps < 1) return;
        double[] u = java.util.Arrays.copyOfRange(y.inputsView(), m, y.length() * m);
        stats.addRecord(new TransitionStatistics.StepRecord(perStep.clone(), u, steps));
    }

    /** The M-step objective f(R, W) and, when grad is not null, its gradient (R block then W block). */
    private double objective(double[] r, double[] w, TransitionStatistics stats, double[] grad) {
        if (grad != null) java.util.Arrays.fill(grad, 0.0);
        double f = 0;
        double[] bias = new double[k], logits = new double[k];
        for (TransitionStatistics.StepRecord rec : stats.records()) {
            for (int t = 0; t < rec.steps(); t++) {
                inputEffects(w, k, m, rec.inputs(), t * m, bias);
                for (int i = 0; i < k; i++) {
                    int xo = t * k * k + i * k;
                    double rowMass = 0;
                    for (int j = 0; j < k; j++) {
                        logits[j] = r[i * k + j] + bias[j];
                        rowMass += rec.perStepTransitions()[xo + j];
                    }
                    if (rowMass == 0) continue;
                    double lse = LogSumExp.of(logits, 0, k);
                    for (int j = 0; j < k; j++) {
                        double xi = rec.perStepTransitions()[xo + j];
                        f += xi * (logits[j] - lse);
                        if (grad != null) {
                            double g = xi - rowMass * Math.exp(logits[j] - lse);
                            grad[i * k + j] += g;
                            for (int c = 0; c < m; c++) grad[k * k + j * m + c] += g * rec.inputs()[t * m + c];
                        }
                    }
                }
            }
        }
        for (int i = 0; i < w.length; i++) {
            f -= 0.5 * w[i] * w[i] / priorVariance;
            if (grad != null) grad[k * k + i] -= w[i] / priorVariance;
        }
        return f;
    }

    @Override
    public Transitions maximize(TransitionStatistics stats) {
        double[] r = logBaseline.clone(), w = weights.clone();
        double[] grad = new double[k * k + k * m];
        double f = objective(r, w, stats, grad);
        double step = 1.0 / Math.max(1, totalSteps(stats));
        for (int it = 0; it < MAX_STEPS; it++) {
            double g2 = 0;
            for (double g : grad) g2 += g * g;
            if (g2 < 1e-18) break;
            double[] r2 = new double[r.length], w2 = new double[w.length];
            double f2;
            while (true) {
                for (int i = 0; i < r.length; i++) r2[i] = r[i] + step * grad[i];
                for (int i = 0; i < w.length; i++) w2[i] = w[i] + step * grad[k * k + i];
                f2 = objective(r2, w2, stats, null);
                if (f2 >= f + 1e-4 * step * g2 || step < 1e-16) break;
                step *= 0.5;
            }
            if (!(f2 > f)) break;
            r = r2;
            w = w2;
            f = objective(r, w, stats, grad);
            step *= 2;
        }
        double[] p = new double[k * k];
        softmaxRows(r, new double[k], p);
        double[] logP = new double[k * k];
        for (int i = 0; i < p.length; i++) logP[i] = r[i] - LogSumExp.of(r, (i / k) * k, k);
        return new InputDrivenTransitions(k, m, logP, w, priorVariance);
    }

    private static long totalSteps(TransitionStatistics stats) {
        long n = 0;
        for (TransitionStatistics.StepRecord rec : stats.records()) n += rec.steps();
        return n;
    }

    @Override
    public Transitions samplePosterior(TransitionStatistics stats, Rng rng) {
        throw new IllegalStateException("input-driven transitions have no conjugate prior, so Gibbs sampling cannot "
                + "update them; fit them with --method em");
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(matrix(), k, k));
        p.put("transition_weights", NdArray.of(weights, k, m));
        return p;
    }
}
