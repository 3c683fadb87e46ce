package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.BlockedForms;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;
import io.ssm4j.math.VectorOps;

import java.util.Arrays;

/**
 * The shared computation of K linear-Gaussian observation models y_t | z_t = k ~ N(W_k x_t, Sigma_k) over a
 * {@link RegressionDesign}: log-likelihoods, expected sufficient statistics and the maximum-likelihood
 * regression update. Gaussian emissions are the case x_t = [1] (W_k = mu_k); autoregressive emissions put
 * lagged observations and inputs in x_t.
 *
 * <p>Complete rows run through the blocked kernels: log N = -D/2 log 2 pi - 1/2 log|Sigma_k| - 1/2 ||H_k z_t||^2
 * with H_k = L_k^{-1} [-W_k, I] and Sigma_k = L_k L_k^T. Partly observed y_t are marginalised (likelihood) and
 * filled in with their conditional Gaussian moments (statistics).
 *
 * <p>Statistics layout per state (stride 1 + W^2): [N_k, G_k] with G_k = sum_t w_tk z_t z_t^T (lower
 * triangle filled).
 */
final class LinearGaussianCore {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final int k;
    final int d;
    final int p;
    final int w;
    final double[] regression;
    final double[] covariances;
    private final double[] logDets;
    private final SparseRows[] sparseWhitening;

    LinearGaussianCore(int k, int d, int p, double[] regression, double[] covariances) {
        this.k = k;
        this.d = d;
        this.p = p;
        this.w = p + d;
        this.regression = regression;
        this.covariances = covariances;
        double[] whitening = new double[k * d * w];
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
        this.sparseWhitening = new SparseRows[k];
        for (int j = 0; j < k; j++) sparseWhitening[j] = SparseRows.of(whitening, j * d * w, d, w);
    }

    int statsStride() { return 1 + w * w; }

    /** Predicted means W_k x_t of every state (K x D) from a design column z (length W). */
    void predict(double[] z, double[] means) {
        for (int j = 0; j < k; j++) {
            for (int a = 0; a < d; a++) {
                int wo = j * d * p + a * p;
                double s = 0;
                for (int c = 0; c < p; c++) s += regression[wo + c] * z[c];
                means[j * d + a] = s;
            }
        }
    }

    /** log det Sigma_j. */
    double logDet(int j) { return logDets[j]; }

    /** out[t*K + j] = ||H_j z_t||^2 = (y_t - W_j x_t)^T Sigma_j^{-1} (y_t - W_j x_t) for every complete row. */
    void squaredDistances(RegressionDesign x, double[] out) {
        affineForms(x, new double[k], 1.0, out);
    }

    /**
     * out[t*K + j] = offset[j] + scale ||H_j z_t||^2 for every complete row. Blocks of time outside, states inside:
     * each block of the design is read from memory once and stays in cache for all K states; the block's forms
     * go to a K x block buffer, then into out row by row (contiguous writes instead of one strided pass per state).
     */
    private void affineForms(RegressionDesign x, double[] offset, double scale, double[] out) {
        int n = x.length, block = BlockedForms.BLOCK;
        VectorOps ops = VectorOps.best();
        double[] quad = new double[k * block];
        for (int t0 = 0; t0 < n; t0 += block) {
            int m = Math.min(block, n - t0);
            for (int j = 0; j < k; j++) {
                SparseRows h = sparseWhitening[j];
                ops.sparseQuadraticForms(h.coef, h.col, h.rowStart, d, x.columns, n, t0, m, quad, j * block);
            }
            for (int i = 0; i < m; i++) {
                if (!x.complete[t0 + i]) continue;
                int row = (t0 + i) * k;
                for (int j = 0; j < k; j++) out[row + j] = offset[j] + scale * quad[j * block + i];
            }
        }
    }

    /** The nonzero entries of a D x W matrix, row by row: what {@link VectorOps#sparseQuadraticForms} reads. */
    private record SparseRows(double[] coef, int[] col, int[] rowStart) {
        static SparseRows of(double[] h, int ho, int rows, int cols) {
            int nnz = 0;
            for (int i = 0; i < rows * cols; i++) if (h[ho + i] != 0) nnz++;
            double[] coef = new double[nnz];
            int[] col = new int[nnz], rowStart = new int[rows + 1];
            int e = 0;
            for (int a = 0; a < rows; a++) {
                rowStart[a] = e;
                for (int c = 0; c < cols; c++) {
                    double v = h[ho + a * cols + c];
                    if (v != 0) {
                        coef[e] = v;
                        col[e++] = c;
                    }
                }
            }
            rowStart[rows] = e;
            return new SparseRows(coef, col, rowStart);
        }
    }

    /**
     * For a usable, partly observed row t: quad[j] = Mahalanobis distance of the observed part under state j and
     * logDet[j] = log det of its observed covariance block; returns the number of observed entries.
     */
    int partialRowForms(RegressionDesign x, TimeSeries y, int t, double[] quad, double[] logDet) {
        double[] z = new double[w], means = new double[k * d];
        x.column(t, z);
        predict(z, means);
        return GaussianMarginals.partialRowForms(y, t, means, covariances, k, d, quad, logDet);
    }

    /** out[t*K + j] for every usable row of the design; unusable rows are left untouched. */
    void logLikelihoods(RegressionDesign x, TimeSeries y, double[] out) {
        double norm = -0.5 * d * LOG_2PI;
        double[] offset = new double[k];
        for (int j = 0; j < k; j++) offset[j] = norm - 0.5 * logDets[j];
        affineForms(x, offset, -0.5, out);
        if (y.hasMissing()) {
            double[] quad = new double[k], logDet = new double[k];
            for (int t = 0; t < x.length; t++) {
                if (!x.usable[t] || x.complete[t]) continue;
                int n = partialRowForms(x, y, t, quad, logDet);
                for (int j = 0; j < k; j++) out[t * k + j] = n == 0 ? 0 : -0.5 * (n * LOG_2PI + logDet[j] + quad[j]);
            }
        }
    }

    /** out = L_j z with Sigma_j = L_j L_j^T and z ~ N(0, I): a draw of the state-j noise. */
    void correlatedNoise(int j, Rng rng, double[] out) {
        double[] l = new double[d * d];
        Cholesky.factorOrThrow(Arrays.copyOfRange(covariances, j * d * d, (j + 1) * d * d), d, l, "covariances[" + j + "]");
        double[] z = new double[d];
        for (int a = 0; a < d; a++) z[a] = rng.gaussian();
        for (int a = 0; a < d; a++) {
            double s = 0;
            for (int b = 0; b <= a; b++) s += l[a * d + b] * z[b];
            out[a] = s;
        }
    }

    /** Adds [N_k, sum_t w_tk z_t z_t^T] for every state into s (layout in the class comment). */
    void accumulate(double[] s, RegressionDesign x, TimeSeries y, double[] weights) {
        accumulate(s, x, y, weights, weights);
    }

    /**
     * As {@link #accumulate(double[], RegressionDesign, TimeSeries, double[])}, but the conditional covariance of
     * the filled-in missing entries of a partly observed row is weighted by fillWeights[t*K + j] instead of
     * weights (a Gaussian scale mixture weights it by w, the moments by w tau: E[tau y y^T] = E[tau] m m^T + C).
     */
    void accumulate(double[] s, RegressionDesign x, TimeSeries y, double[] weights, double[] fillWeights) {
        int n = x.length, st = statsStride();
        VectorOps ops = VectorOps.best();
        double[] wt = new double[BlockedForms.BLOCK], scratch = new double[BlockedForms.BLOCK];
        double[][] grams = new double[k][w * w];
        double[] totals = new double[k];
        for (int t0 = 0; t0 < n; t0 += BlockedForms.BLOCK) { // blocks outside: a block of the design is read from
            int m = Math.min(BlockedForms.BLOCK, n - t0);     // memory once and stays in cache for all K states
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < m; i++) wt[i] = x.complete[t0 + i] ? weights[(t0 + i) * k + j] : 0.0;
                totals[j] += BlockedForms.weightedGram(ops, wt, x.columns, n, t0, m, w, grams[j], scratch);
            }
        }
        for (int j = 0; j < k; j++) {
            int base = j * st;
            s[base] += totals[j];
            for (int a = 0; a < w; a++) for (int b = 0; b <= a; b++) s[base + 1 + a * w + b] += grams[j][a * w + b];
        }
        if (y.hasMissing()) accumulatePartialRows(s, x, y, weights, fillWeights);
    }

    private void accumulatePartialRows(double[] s, RegressionDesign x, TimeSeries y, double[] weights,
                                       double[] fillWeights) {
        int st = statsStride();
        double[] z = new double[w], means = new double[k * d], filled = new double[d], condCov = new double[d * d];
        for (int t = 0; t < x.length; t++) {
            if (!x.usable[t] || x.complete[t]) continue;
            x.column(t, z);
            predict(z, means);
            for (int j = 0; j < k; j++) {
                double wtj = weights[t * k + j];
                if (wtj == 0 || !GaussianMarginals.conditionalFill(y, t, means, covariances, j, d, filled, condCov)) continue;
                System.arraycopy(filled, 0, z, p, d);
                int base = j * st;
                s[base] += wtj;
                for (int a = 0; a < w; a++) {
                    for (int b = 0; b <= a; b++) s[base + 1 + a * w + b] += wtj * z[a] * z[b];
                }
                double wf = fillWeights[t * k + j];
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b <= a; b++) s[base + 1 + (p + a) * w + p + b] += wf * condCov[a * d + b];
                }
            }
        }
    }

    /** {N_k}, Sxx (P x P), Syx (D x P), Syy (D x D) of state j, symmetrised from the lower triangle. */
    double[][] blocks(double[] s, int j) {
        int base = j * statsStride() + 1;
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
        return new double[][] {{s[base - 1]}, sxx, syx, syy};
    }

    /**
     * Maximum-likelihood W_j = Syx Sxx^{-1}, Sigma_j = (Syy - W_j Sxy) / N_j + ridge I written into the output
     * arrays; a state with too little data (N_j ~ 0 or singular Sxx) keeps its current parameters.
     */
    void maximizeState(double[][] b, int j, double ridge, double[] newW, double[] newCov) {
        maximizeState(b, j, ridge, b[0][0], newW, newCov);
    }

    /**
     * As above with the covariance divided by covDivisor instead of N_j: a Gaussian scale mixture fits W from
     * tau-weighted statistics and divides the residual scatter by the plain weight sum (Liu and Rubin 1995).
     */
    void maximizeState(double[][] b, int j, double ridge, double covDivisor, double[] newW, double[] newCov) {
        double nk = b[0][0];
        double[] l = new double[p * p];
        if (nk < 1e-10 || !Cholesky.factor(b[1], p, l)) return;
        double[] row = new double[p];
        for (int a = 0; a < d; a++) {
            System.arraycopy(b[2], a * p, row, 0, p);
            Cholesky.solve(l, p, row);
            System.arraycopy(row, 0, newW, j * d * p + a * p, p);
        }
        for (int a = 0; a < d; a++) {
            for (int c = 0; c < d; c++) {
                double v = b[3][a * d + c];
                for (int q = 0; q < p; q++) v -= newW[j * d * p + a * p + q] * b[2][c * p + q];
                newCov[j * d * d + a * d + c] = v / covDivisor + (a == c ? ridge : 0);
            }
        }
    }
}
