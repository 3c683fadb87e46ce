package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;

/**
 * Student-t noise on K linear observation models, y_t | z_t = k ~ t_{nu_k}(W_k x_t, Sigma_k), computed as the
 * Gaussian scale mixture y_t | tau_t, z_t = k ~ N(W_k x_t, Sigma_k / tau_t), tau_t ~ Gamma(nu_k / 2, rate nu_k / 2)
 * over a {@link LinearGaussianCore} (Liu and Rubin 1995, "ML estimation of the t distribution using EM and its
 * extensions, ECM and ECME"; Peel and McLachlan 2000, "Robust mixture modelling using the t distribution").
 *
 * <p>With D_o observed entries of y_t and delta_tk their Mahalanobis distance under the observed block of
 * Sigma_k (the observed part of a t vector is t with the same nu):
 * <pre>
 *   log p(y_o | k) = log Gamma((nu + D_o)/2) - log Gamma(nu/2) - D_o/2 log(nu pi) - 1/2 log det Sigma_oo
 *                    - (nu + D_o)/2 log(1 + delta / nu)
 *   tau | y_o, k   ~ Gamma((nu + D_o)/2, rate (nu + delta)/2)
 *   E[tau]         = (nu + D_o) / (nu + delta),   E[log tau] = digamma((nu + D_o)/2) - log((nu + delta)/2)
 * </pre>
 * E-step: the Gram statistics of the core with weights w_tk E[tau_tk] (missing entries filled by their
 * conditional mean, which is the Gaussian one, plus their conditional covariance weighted by w_tk:
 * E[tau y_m y_m^T] = E[tau] m m^T + C), then per state [sum_t w_tk, sum_t w_tk (E[log tau] - E[tau])].
 * M-step (ECM): W_k, Sigma_k by tau-weighted least squares with the residual scatter divided by sum_t w_tk, and
 * nu_k solving log(nu/2) - digamma(nu/2) + 1 + (sum w (E[log tau] - E[tau])) / (sum w) = 0 by bisection on
 * log nu in [0.5, 1000] (the left side decreases in nu).
 */
final class ScaleMixtureCore {
    static final double MIN_DOF = 0.5;
    static final double MAX_DOF = 1000;
    private static final double LOG_PI = Math.log(Math.PI);

    final LinearGaussianCore core;
    final double[] dofs;

    ScaleMixtureCore(LinearGaussianCore core, double[] dofs) {
        this.core = core;
        this.dofs = dofs;
    }

    static void checkDofs(double[] dofs, int k) {
        EmissionChecks.requireLength("dofs", dofs, k, "K");
        EmissionChecks.requirePositive("dofs", dofs);
    }

    int statsSize() { return core.k * core.statsStride() + 2 * core.k; }

    private int extrasOffset() { return core.k * core.statsStride(); }

    /** Total weight sum_t w_tk of state j. */
    double weightSum(double[] s, int j) { return s[extrasOffset() + 2 * j]; }

    /**
     * delta[t*K + j], logDet[t*K + j] and observed[t] = D_o for every usable row (observed[t] = 0 elsewhere: no
     * likelihood, no statistics).
     */
    private void forms(RegressionDesign x, TimeSeries y, double[] delta, double[] logDet, int[] observed) {
        int k = core.k;
        core.squaredDistances(x, delta);
        double[] q = new double[k], ld = new double[k];
        for (int t = 0; t < x.length; t++) {
            if (x.complete[t]) {
                observed[t] = core.d;
                for (int j = 0; j < k; j++) logDet[t * k + j] = core.logDet(j);
            } else if (x.usable[t]) {
                int n = core.partialRowForms(x, y, t, q, ld);
                observed[t] = n;
                if (n > 0) {
                    System.arraycopy(q, 0, delta, t * k, k);
                    System.arraycopy(ld, 0, logDet, t * k, k);
                }
            }
        }
    }

    /** table[j * (D + 1) + n] = f((nu_j + n) / 2) for n = 0..D. */
    private double[] tableOverObserved(java.util.function.DoubleUnaryOperator f) {
        int d = core.d;
        double[] table = new double[core.k * (d + 1)];
        for (int j = 0; j < core.k; j++) for (int n = 0; n <= d; n++) table[j * (d + 1) + n] = f.applyAsDouble(0.5 * (dofs[j] + n));
        return table;
    }

    /** out[t*K + j] for usable rows (0 where nothing is observed); unusable rows are left untouched. */
    void logLikelihoods(RegressionDesign x, TimeSeries y, double[] out) {
        int k = core.k, d = core.d, n = x.length;
        double[] delta = new double[n * k], logDet = new double[n * k];
        int[] observed = new int[n];
        forms(x, y, delta, logDet, observed);
        double[] lgHalf = tableOverObserved(SpecialFunctions::logGamma);
        for (int t = 0; t < n; t++) {
            if (!x.usable[t]) continue;
            int no = observed[t];
            for (int j = 0; j < k; j++) {
                int i = t * k + j;
                if (no == 0) {
                    out[i] = 0;
                    continue;
                }
                double nu = dofs[j];
                out[i] = lgHalf[j * (d + 1) + no] - lgHalf[j * (d + 1)] - 0.5 * no * (Math.log(nu) + LOG_PI)
                        - 0.5 * logDet[i] - 0.5 * (nu + no) * Math.log1p(delta[i] / nu);
            }
        }
    }

    /** Adds the statistics of the class comment under posterior weights w[t*K + j], at these parameters. */
    void accumulate(double[] s, RegressionDesign x, TimeSeries y, double[] weights) {
        int k = core.k, d = core.d, n = x.length, off = extrasOffset();
        double[] delta = new double[n * k], logDet = new double[n * k], tauWeights = new double[n * k];
        int[] observed = new int[n];
        forms(x, y, delta, logDet, observed);
        double[] digHalf = tableOverObserved(SpecialFunctions::digamma);
        for (int t = 0; t < n; t++) {
            int no = observed[t];
            if (no == 0) continue;
            for (int j = 0; j < k; j++) {
                int i = t * k + j;
                double w = weights[i];
                if (w == 0) continue;
                double nu = dofs[j], tau = (nu + no) / (nu + delta[i]);
                tauWeights[i] = w * tau;
                s[off + 2 * j] += w;
                s[off + 2 * j + 1] += w * (digHalf[j * (d + 1) + no] - Math.log(0.5 * (nu + delta[i])) - tau);
            }
        }
        core.accumulate(s, x, y, tauWeights, weights);
    }

    /** The ECM update of every nu_k (class comment); a state without weight keeps its value. */
    double[] maximizeDofs(double[] s) {
        double[] next = dofs.clone();
        for (int j = 0; j < core.k; j++) {
            double sw = weightSum(s, j);
            if (sw >= FactorisedStatistics.EMPTY) next[j] = solveDof(s[extrasOffset() + 2 * j + 1] / sw);
        }
        return next;
    }

    /**
     * The root in [0.5, 1000] of log(nu/2) - digamma(nu/2) + 1 + c (c = weighted mean of E[log tau] - E[tau],
     * at most -1 by Jensen), clamped to the bounds, by bisection on log nu.
     */
    static double solveDof(double c) {
        double lo = Math.log(MIN_DOF), hi = Math.log(MAX_DOF);
        if (dofEquation(MAX_DOF, c) >= 0) return MAX_DOF;
        if (dofEquation(MIN_DOF, c) <= 0) return MIN_DOF;
        for (int it = 0; it < 200 && hi - lo > 1e-12; it++) {
            double mid = 0.5 * (lo + hi);
            if (dofEquation(Math.exp(mid), c) > 0) lo = mid;
            else hi = mid;
        }
        return Math.exp(0.5 * (lo + hi));
    }

    private static double dofEquation(double nu, double c) {
        return Math.log(0.5 * nu) - SpecialFunctions.digamma(0.5 * nu) + 1 + c;
    }

    /** out = L_j z / sqrt(u) with z ~ N(0, I), u ~ Gamma(nu_j / 2, rate nu_j / 2): a t_{nu_j}(0, Sigma_j) draw. */
    void noise(int j, Rng rng, double[] out) {
        core.correlatedNoise(j, rng, out);
        double scale = 1 / Math.sqrt(rng.gamma(0.5 * dofs[j]) / (0.5 * dofs[j]));
        for (int a = 0; a < out.length; a++) out[a] *= scale;
    }
}
