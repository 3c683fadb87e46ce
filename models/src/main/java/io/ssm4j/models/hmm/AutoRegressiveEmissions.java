package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MatrixNormalInverseWishart;
import io.ssm4j.distributions.WeightsCovariance;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gaussian vector-autoregressive emissions of order L, the observation model of an ARHMM
 * (Fox et al. 2011, "Bayesian nonparametric inference of switching dynamic linear models"):
 * y_t | z_t = k ~ N(sum_{l=1..L} A_{k,l} y_{t-l} + V_k u_t + b_k, Sigma_k) for t &gt;= L, and
 * y_t | z_t = k ~ N(mu0_k, Sigma0_k) for the first L steps (fixed, as in ssm: by default mu0 = 0, Sigma0 = I).
 * With W_k = [A_k,1 .. A_k,L, V_k, b_k] (D x P) and x_t = [y_{t-1}; ..; y_{t-L}; u_t; 1] the M-step is a
 * weighted least-squares regression, MAP under an optional Matrix-Normal-Inverse-Wishart prior.
 *
 * <p>Missing entries: a step whose lagged values are incompletely observed carries no likelihood and no
 * statistics; a partly observed y_t is marginalised (likelihood) and filled in by its conditional Gaussian
 * moments (M-step). Computation is shared with Gaussian emissions in {@link LinearGaussianCore}.
 */
public final class AutoRegressiveEmissions implements Emissions {
    private final LinearGaussianCore core;
    private final int lags;
    private final int inputDim;
    private final GaussianEmissions initial;
    private final MatrixNormalInverseWishart prior;

    private AutoRegressiveEmissions(LinearGaussianCore core, int lags, int inputDim, GaussianEmissions initial,
                                    MatrixNormalInverseWishart prior) {
        this.core = core;
        this.lags = lags;
        this.inputDim = inputDim;
        this.initial = initial;
        this.prior = prior;
    }

    /**
     * @param regression K x D x P with P = D L + M + 1: columns [A_1 .. A_L (lag 1 first), V (inputs), b]
     * @param covariances K x D x D
     * @param initial the distribution of the first L observations per state (fixed during fitting)
     * @param prior MNIW prior on (W_k, Sigma_k), or null for maximum likelihood
     */
    public static AutoRegressiveEmissions of(double[] regression, double[] covariances, int numStates, int dim, int lags,
                                             int inputDim, GaussianEmissions initial, MatrixNormalInverseWishart prior) {
        if (lags < 1) throw new IllegalArgumentException("lags L must be >= 1, got " + lags);
        if (inputDim < 0) throw new IllegalArgumentException("input dimension must be >= 0, got " + inputDim);
        int pp = RegressionDesign.regressorCount(dim, lags, inputDim);
        EmissionChecks.requireLength("regression weights", regression, numStates * dim * pp, "K*D*(D*L+M+1)");
        EmissionChecks.requireFinite("regression weights", regression);
        EmissionChecks.requireLength("covariances", covariances, numStates * dim * dim, "K*D*D");
        EmissionChecks.requireSymmetric("covariances", covariances, numStates, dim);
        if (initial.numStates() != numStates || initial.dim() != dim) {
            throw new IllegalArgumentException("initial-step distribution must have K=" + numStates + ", D=" + dim);
        }
        if (prior != null && (prior.outputDim() != dim || prior.inputDim() != pp)) {
            throw new IllegalArgumentException("MNIW prior must be " + dim + " x " + pp + ", got " + prior.outputDim()
                    + " x " + prior.inputDim());
        }
        return new AutoRegressiveEmissions(new LinearGaussianCore(numStates, dim, pp, regression.clone(), covariances.clone()),
                lags, inputDim, initial, prior);
    }

    /** The ssm default first-step distribution: N(0, I) for every state. */
    public static GaussianEmissions standardInitial(int numStates, int dim) {
        return GaussianEmissions.of(new double[numStates * dim], HmmFactory.repeatedIdentity(numStates, dim), numStates,
                dim, null);
    }

    @Override public int numStates() { return core.k; }

    @Override public int dim() { return core.d; }

    @Override public String type() { return "ar"; }

    public int lags() { return lags; }

    public int inputDim() { return inputDim; }

    public double[] regression() { return core.regression.clone(); }

    public double[] covariances() { return core.covariances.clone(); }

    public GaussianEmissions initial() { return initial; }

    public MatrixNormalInverseWishart prior() { return prior; }

    private AutoRegressiveEmissions with(double[] regression, double[] covariances) {
        Cholesky.symmetrizeBlocks(covariances, core.k, core.d);
        return new AutoRegressiveEmissions(new LinearGaussianCore(core.k, core.d, core.p, regression, covariances), lags,
                inputDim, initial, prior);
    }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        RegressionDesign x = RegressionDesign.of(y, lags, inputDim);
        headLogLikelihoods(initial, lags, y, out);
        core.logLikelihoods(x, y, out);
        zeroUnusable(x, lags, core.k, out);
    }

    /** The first min(L, T) rows of out from the fixed initial-step distribution. */
    static void headLogLikelihoods(GaussianEmissions initial, int lags, TimeSeries y, double[] out) {
        int k = initial.numStates(), head = Math.min(lags, y.length());
        double[] headLl = new double[head * k];
        initial.logLikelihoods(y.slice(0, head), headLl);
        System.arraycopy(headLl, 0, out, 0, head * k);
    }

    /** Zero log-likelihood for the steps t &gt;= L whose lagged values are incompletely observed. */
    static void zeroUnusable(RegressionDesign x, int lags, int k, double[] out) {
        for (int t = lags; t < x.length; t++) if (!x.usable[t]) Arrays.fill(out, t * k, (t + 1) * k, 0.0);
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        if (t < lags) {
            initial.sample(state, y, t, inputRow, rng);
            return;
        }
        int d = core.d;
        double[] noise = new double[d];
        core.correlatedNoise(state, rng, noise);
        predictRow(core, lags, inputDim, state, y, t, inputRow, noise);
    }

    /**
     * Writes y_t = sum_l A_{k,l} y_{t-l} + V_k u_t + b_k + noise into row t of y (row-major, D wide), reading
     * its earlier rows and the input row (may be null when M = 0).
     */
    static void predictRow(LinearGaussianCore core, int lags, int inputDim, int state, double[] y, int t,
                           double[] inputRow, double[] noise) {
        int d = core.d, p = core.p;
        for (int a = 0; a < d; a++) {
            int wo = state * d * p + a * p;
            double s = core.regression[wo + p - 1];
            for (int lag = 1; lag <= lags; lag++) {
                for (int b = 0; b < d; b++) s += core.regression[wo + (lag - 1) * d + b] * y[(t - lag) * d + b];
            }
            for (int m = 0; m < inputDim; m++) s += core.regression[wo + d * lags + m] * inputRow[m];
            y[t * d + a] = s + noise[a];
        }
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        int d = core.d, p = core.p;
        double lp = 0;
        for (int j = 0; j < core.k; j++) {
            lp += prior.logDensity(Arrays.copyOfRange(core.regression, j * d * p, (j + 1) * d * p),
                    Arrays.copyOfRange(core.covariances, j * d * d, (j + 1) * d * d));
        }
        return lp;
    }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(core.k * core.statsStride()); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        core.accumulate(stats.values(), RegressionDesign.of(y, lags, inputDim), y, weights);
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        int d = core.d, p = core.p;
        double[] newW = core.regression.clone(), newCov = core.covariances.clone();
        for (int j = 0; j < core.k; j++) {
            double[][] b = core.blocks(stats.values(), j);
            if (prior == null) {
                core.maximizeState(b, j, GaussianEmissions.RIDGE, newW, newCov);
            } else {
                WeightsCovariance mode = prior.posterior(b[0][0], b[1], b[2], b[3]).mode();
                System.arraycopy(mode.weights(), 0, newW, j * d * p, d * p);
                System.arraycopy(mode.covariance(), 0, newCov, j * d * d, d * d);
            }
        }
        return with(newW, newCov);
    }

    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        if (prior == null) throw new IllegalStateException("Gibbs sampling of AR emissions needs an MNIW prior");
        int d = core.d, p = core.p;
        double[] newW = new double[core.k * d * p], newCov = new double[core.k * d * d];
        for (int j = 0; j < core.k; j++) {
            double[][] b = core.blocks(stats.values(), j);
            WeightsCovariance draw = prior.posterior(b[0][0], b[1], b[2], b[3]).sample(rng);
            System.arraycopy(draw.weights(), 0, newW, j * d * p, d * p);
            System.arraycopy(draw.covariance(), 0, newCov, j * d * d, d * d);
        }
        return with(newW, newCov);
    }

    @Override
    public Map<String, NdArray> parameters() { return regressionParameters(core, lags, inputDim, initial); }

    /**
     * weights (K x D x DL), input_weights (K x D x M, when M &gt; 0), biases (K x D), covariances (K x D x D),
     * initial_means and initial_covariances, unpacked from the K x D x P regression of core.
     */
    static Map<String, NdArray> regressionParameters(LinearGaussianCore core, int lags, int inputDim,
                                                     GaussianEmissions initial) {
        int k = core.k, d = core.d, p = core.p, dl = d * lags;
        Map<String, NdArray> m = new LinkedHashMap<>();
        double[] weights = new double[k * d * dl], biases = new double[k * d], inputs = new double[k * d * inputDim];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                int wo = j * d * p + a * p;
                System.arraycopy(core.regression, wo, weights, (j * d + a) * dl, dl);
                System.arraycopy(core.regression, wo + dl, inputs, (j * d + a) * inputDim, inputDim);
                biases[j * d + a] = core.regression[wo + p - 1];
            }
        }
        m.put("weights", NdArray.of(weights, k, d, dl));
        if (inputDim > 0) m.put("input_weights", NdArray.of(inputs, k, d, inputDim));
        m.put("biases", NdArray.of(biases, k, d));
        m.put("covariances", NdArray.of(core.covariances, k, d, d));
        Map<String, NdArray> init = initial.parameters();
        m.put("initial_means", init.get("means"));
        m.put("initial_covariances", init.get("covariances"));
        return m;
    }

    /** Assembles the K x D x P regression array from weights (K x D x DL), input weights (K x D x M) and biases (K x D). */
    public static double[] packRegression(double[] weights, double[] inputWeights, double[] biases, int k, int d, int lags,
                                          int inputDim) {
        int dl = d * lags, pp = RegressionDesign.regressorCount(d, lags, inputDim);
        double[] r = new double[k * d * pp];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                int wo = j * d * pp + a * pp;
                System.arraycopy(weights, (j * d + a) * dl, r, wo, dl);
                if (inputDim > 0) System.arraycopy(inputWeights, (j * d + a) * inputDim, r, wo + dl, inputDim);
                r[wo + pp - 1] = biases[j * d + a];
            }
        }
        return r;
    }
}
