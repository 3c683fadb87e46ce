package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MatrixNormalInverseWishart;
import io.ssm4j.distributions.MatrixNormalInverseWishart.WeightsCovariance;
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
 * moments (M-step).
 *
 * <p>Statistics layout per state (stride 1 + W*W, W = P + D): [N_k, sum_t w z_t z_t^T (lower triangle)] with
 * z_t = [x_t; y_t].
 */
public final class AutoRegressiveEmissions implements Emissions {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int k;
    private final int d;
    private final int lags;
    private final int inputDim;
    private final int p;
    private final double[] regression;   // K x D x P
    private final double[] covariances;  // K x D x D
    private final GaussianEmissions initial;
    private final MatrixNormalInverseWishart prior;
    private final double[] whitening;    // K x D x (P + D): L_k^{-1} [-W_k, I]
    private final double[] logDets;

    private AutoRegressiveEmissions(int k, int d, int lags, int inputDim, double[] regression, double[] covariances,
                                    GaussianEmissions initial, MatrixNormalInverseWishart prior) {
        this.k = k;
        this.d = d;
        this.lags = lags;
        this.inputDim = inputDim;
        this.p = AutoRegressiveDesign.regressorCount(d, lags, inputDim);
        this.regression = regression;
        this.covariances = covariances;
        this.initial = initial;
        this.prior = prior;
        int w = p + d;
        this.whitening = new double[k * d * w];
        this.logDets = new double[k];
        double[] s = new double[d * d], l = new double[d * d], col = new double[d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(covariances, j * d * d, s, 0, d * d);
            Cholesky.factorOrThrow(s, d, l, "covariances[" + j + "]");
            logDets[j] = Cholesky.logDet(l, d);
            for (int c = 0; c < w; c++) {
                for (int a = 0; a < d; a++) col[a] = c < p ? -regression[j * d * p + a * p + c] : (c - p == a ? 1 : 0);
                Cholesky.solveLower(l, d, col);
                for (int a = 0; a < d; a++) whitening[j * d * w + a * w + c] = col[a];
            }
        }
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
        int pp = AutoRegressiveDesign.regressorCount(dim, lags, inputDim);
        EmissionChecks.requireLength("regression weights", regression, numStates * dim * pp, "K*D*(D*L+M+1)");
        EmissionChecks.requireFinite("regression weights", regression);
        EmissionChecks.requireLength("covariances", covariances, numStates * dim * dim, "K*D*D");
        EmissionChecks.requireSymmetric("covariances", covariances, numStates, dim);
        if (initial.numStates() != numStates || initial.dim() != dim) {
            throw new IllegalArgumentException("initial-step distribution must have K=" + numStates + ", D=" + dim);
        }
        return new AutoRegressiveEmissions(numStates, dim, lags, inputDim, regression.clone(), covariances.clone(),
                initial, prior);
    }

    /** The ssm default first-step distribution: N(0, I) for every state. */
    public static GaussianEmissions standardInitial(int numStates, int dim) {
        double[] cov = new double[numStates * dim * dim];
        for (int j = 0; j < numStates; j++) for (int a = 0; a < dim; a++) cov[j * dim * dim + a * dim + a] = 1;
        return GaussianEmissions.of(new double[numStates * dim], cov, numStates, dim, null);
    }

    @Override public int numStates() { return k; }

    @Override public int dim() { return d; }

    @Override public String type() { return "ar"; }

    public int lags() { return lags; }

    public int inputDim() { return inputDim; }

    public double[] regression() { return regression.clone(); }

    public double[] covariances() { return covariances.clone(); }

    public GaussianEmissions initial() { return initial; }

    public MatrixNormalInverseWishart prior() { return prior; }

    /** Predicted means of every state for row t into means (K x D). */
    private void predict(double[] z, int zo, double[] means) {
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                int wo = j * d * p + a * p;
                double s = 0;
                for (int c = 0; c < p; c++) s += regression[wo + c] * z[zo + c];
                means[j * d + a] = s;
            }
        }
    }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        int n = y.length(), w = p + d, head = Math.min(lags, n);
        double[] headLl = new double[head * k];
        initial.logLikelihoods(y.slice(0, head), headLl);
        System.arraycopy(headLl, 0, out, 0, head * k);
        AutoRegressiveDesign x = AutoRegressiveDesign.of(y, lags, inputDim);
        double norm = -0.5 * d * LOG_2PI;
        double[] z = x.rows, means = new double[k * d];
        for (int t = lags; t < n; t++) {
            if (!x.usable[t]) {
                Arrays.fill(out, t * k, t * k + k, 0.0);
                continue;
            }
            int zo = t * w;
            if (!y.isRowObserved(t)) {
                predict(z, zo, means);
                GaussianMarginals.partialRowLogLikelihoods(y, t, means, covariances, k, d, out);
                continue;
            }
            for (int j = 0; j < k; j++) {
                double quad = 0;
                int ho = j * d * w;
                for (int a = 0; a < d; a++) {
                    double r = 0;
                    int ro = ho + a * w;
                    for (int c = 0; c < w; c++) r += whitening[ro + c] * z[zo + c];
                    quad += r * r;
                }
                out[t * k + j] = norm - 0.5 * (logDets[j] + quad);
            }
        }
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        if (t < lags) {
            initial.sample(state, y, t, inputRow, rng);
            return;
        }
        double[] noise = new double[d * 1];
        double[] cov = Arrays.copyOfRange(covariances, state * d * d, (state + 1) * d * d), l = new double[d * d];
        Cholesky.factorOrThrow(cov, d, l, "covariances[" + state + "]");
        for (int a = 0; a < d; a++) noise[a] = rng.gaussian();
        for (int a = 0; a < d; a++) {
            int wo = state * d * p + a * p;
            double s = regression[wo + p - 1];
            for (int lag = 1; lag <= lags; lag++) {
                for (int b = 0; b < d; b++) s += regression[wo + (lag - 1) * d + b] * y[(t - lag) * d + b];
            }
            for (int m = 0; m < inputDim; m++) s += regression[wo + d * lags + m] * inputRow[m];
            for (int b = 0; b <= a; b++) s += l[a * d + b] * noise[b];
            y[t * d + a] = s;
        }
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        double lp = 0;
        for (int j = 0; j < k; j++) {
            lp += prior.logDensity(Arrays.copyOfRange(regression, j * d * p, (j + 1) * d * p),
                    Arrays.copyOfRange(covariances, j * d * d, (j + 1) * d * d));
        }
        return lp;
    }

    private int stride() { return 1 + (p + d) * (p + d); }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(k * stride()); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        double[] s = stats.values();
        int n = y.length(), w = p + d, st = stride();
        AutoRegressiveDesign x = AutoRegressiveDesign.of(y, lags, inputDim);
        double[] z = x.rows, filledRow = new double[w], means = new double[k * d];
        double[] filled = new double[d], condCov = new double[d * d];
        for (int t = lags; t < n; t++) {
            if (!x.usable[t]) continue;
            int zo = t * w;
            boolean partial = !y.isRowObserved(t);
            if (partial) predict(z, zo, means);
            for (int j = 0; j < k; j++) {
                double wt = weights[t * k + j];
                if (wt == 0) continue;
                double[] row = z;
                int ro = zo;
                if (partial) {
                    if (!GaussianMarginals.conditionalFill(y, t, means, covariances, j, d, filled, condCov)) continue;
                    System.arraycopy(z, zo, filledRow, 0, p);
                    System.arraycopy(filled, 0, filledRow, p, d);
                    row = filledRow;
                    ro = 0;
                }
                int base = j * st;
                s[base] += wt;
                for (int a = 0; a < w; a++) {
                    double wa = wt * row[ro + a];
                    int oo = base + 1 + a * w;
                    for (int b = 0; b <= a; b++) s[oo + b] += wa * row[ro + b];
                }
                if (partial) {
                    for (int a = 0; a < d; a++) {
                        int oo = base + 1 + (p + a) * w + p;
                        for (int b = 0; b <= a; b++) s[oo + b] += wt * condCov[a * d + b];
                    }
                }
            }
        }
    }

    /** The blocks Sxx (P x P), Syx (D x P), Syy (D x D) of state j, symmetrised from the lower triangle. */
    private double[][] blocks(double[] s, int j) {
        int w = p + d, base = j * stride() + 1;
        double[] full = new double[w * w];
        for (int a = 0; a < w; a++) {
            for (int b = 0; b <= a; b++) {
                full[a * w + b] = s[base + a * w + b];
                full[b * w + a] = s[base + a * w + b];
            }
        }
        double[] sxx = new double[p * p], syx = new double[d * p], syy = new double[d * d];
        for (int a = 0; a < p; a++) System.arraycopy(full, a * w, sxx, a * p, p);
        for (int a = 0; a < d; a++) {
            System.arraycopy(full, (p + a) * w, syx, a * p, p);
            System.arraycopy(full, (p + a) * w + p, syy, a * d, d);
        }
        return new double[][] {sxx, syx, syy};
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        double[] s = stats.values();
        double[] newW = regression.clone(), newCov = covariances.clone();
        for (int j = 0; j < k; j++) {
            double nk = s[j * stride()];
            double[][] b = blocks(s, j);
            if (prior != null) {
                WeightsCovariance mode = prior.posterior(nk, b[0], b[1], b[2]).mode();
                System.arraycopy(mode.weights(), 0, newW, j * d * p, d * p);
                System.arraycopy(mode.covariance(), 0, newCov, j * d * d, d * d);
                continue;
            }
            double[] l = new double[p * p];
            if (nk < 1e-10 || !Cholesky.factor(b[0], p, l)) continue; // too little data to identify this state's regression
            double[] row = new double[p];
            for (int a = 0; a < d; a++) {
                System.arraycopy(b[1], a * p, row, 0, p);
                Cholesky.solve(l, p, row); // W_a = Sxx^{-1} Sxy_a
                System.arraycopy(row, 0, newW, j * d * p + a * p, p);
            }
            for (int a = 0; a < d; a++) {
                for (int c = 0; c < d; c++) {
                    double v = b[2][a * d + c];
                    for (int q = 0; q < p; q++) v -= newW[j * d * p + a * p + q] * b[1][c * p + q];
                    newCov[j * d * d + a * d + c] = v / nk + (a == c ? GaussianEmissions.RIDGE : 0);
                }
            }
        }
        Cholesky.symmetrizeBlocks(newCov, k, d);
        return new AutoRegressiveEmissions(k, d, lags, inputDim, newW, newCov, initial, prior);
    }

    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        if (prior == null) throw new IllegalStateException("Gibbs sampling of AR emissions needs an MNIW prior");
        double[] s = stats.values();
        double[] newW = new double[k * d * p], newCov = new double[k * d * d];
        for (int j = 0; j < k; j++) {
            double[][] b = blocks(s, j);
            WeightsCovariance draw = prior.posterior(s[j * stride()], b[0], b[1], b[2]).sample(rng);
            System.arraycopy(draw.weights(), 0, newW, j * d * p, d * p);
            System.arraycopy(draw.covariance(), 0, newCov, j * d * d, d * d);
        }
        Cholesky.symmetrizeBlocks(newCov, k, d);
        return new AutoRegressiveEmissions(k, d, lags, inputDim, newW, newCov, initial, prior);
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        int dl = d * lags;
        double[] weights = new double[k * d * dl], biases = new double[k * d], inputs = new double[k * d * inputDim];
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                int wo = j * d * p + a * p;
                System.arraycopy(regression, wo, weights, (j * d + a) * dl, dl);
                System.arraycopy(regression, wo + dl, inputs, (j * d + a) * inputDim, inputDim);
                biases[j * d + a] = regression[wo + p - 1];
            }
        }
        m.put("weights", NdArray.of(weights, k, d, dl));
        if (inputDim > 0) m.put("input_weights", NdArray.of(inputs, k, d, inputDim));
        m.put("biases", NdArray.of(biases, k, d));
        m.put("covariances", NdArray.of(covariances, k, d, d));
        Map<String, NdArray> init = initial.parameters();
        m.put("initial_means", init.get("means"));
        m.put("initial_covariances", init.get("covariances"));
        return m;
    }

    /** Assembles the K x D x P regression array from weights (K x D x DL), input weights (K x D x M) and biases (K x D). */
    public static double[] packRegression(double[] weights, double[] inputWeights, double[] biases, int k, int d, int lags,
                                          int inputDim) {
        int dl = d * lags, pp = AutoRegressiveDesign.regressorCount(d, lags, inputDim);
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
