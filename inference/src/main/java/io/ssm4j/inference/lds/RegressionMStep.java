package io.ssm4j.inference.lds;

import io.ssm4j.distributions.RegressionStats;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;

/**
 * The closed-form M-step of one linear-Gaussian regression y = W z + e, e ~ N(0, Sigma), from expected moments
 * n, ZZ = sum E[z z^T] (P x P), YZ = sum E[y z^T] (N x P), YY = sum E[y y^T] (N x N), when only the columns F of W
 * are free and the others G stay at their current values (Shumway and Stoffer 1982; Ghahramani and Hinton 1996):
 * <pre>
 *   W_F = (YZ_F - W_G ZZ_GF) (ZZ_FF + lambda I)^{-1}                       (lambda = 0 without a prior)
 *   E   = YY - W YZ^T - YZ W^T + W ZZ W^T                                   (expected residual scatter)
 *   Sigma = E / n   (full),   Sigma = diag(E) / n   (diagonal)              (maximum likelihood)
 * </pre>
 * and the MAP forms of {@link RegressionPrior} with a prior. W_F maximises the expected log joint whatever Sigma
 * is, so the two updates together are the joint maximiser, which keeps EM monotone. The dynamics of an LDS
 * (y = x_{t+1}, z = [x_t; u_t; 1]) and its emissions (y = y_t, z = [x_t; u_t; 1]) are both such regressions.
 */
final class RegressionMStep {
    /** The updated weights (N x P) and covariance (N x N), row-major. */
    record Result(double[] weights, double[] covariance) {}

    private RegressionMStep() {}

    /**
     * @param w           the current weights, N x P (columns not in {@code free} are kept)
     * @param free        which columns of W to update
     * @param sigma       the current covariance, N x N (kept when {@code learnSigma} is false)
     * @param diagonal    whether the updated Sigma is diagonal
     * @param prior       the conjugate prior, or null for maximum likelihood
     * @param what        the regression's name for error messages ("dynamics", "emissions")
     * @throws IllegalArgumentException naming the regression when the moments cannot determine the update
     */
    static Result maximize(RegressionStats s, double[] w, boolean[] free, double[] sigma, boolean learnSigma,
                           boolean diagonal, RegressionPrior prior, String what) {
        int n = s.outputDim(), p = s.inputDim();
        double[] zz = s.sumXXt(), yz = s.sumYXt(), yy = s.sumYYt();
        double[] wNew = w.clone();
        int[] f = indices(free, true), g = indices(free, false);
        double lambda = prior == null ? 0 : prior.precision();
        if (f.length > 0) {
            int k = f.length;
            double[] h = new double[k * k], l = new double[k * k], rhs = new double[k];
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) h[a * k + b] = zz[f[a] * p + f[b]];
                h[a * k + a] += lambda;
            }
            if (!Cholesky.factor(h, k, l)) {
                throw new IllegalArgumentException(what + " M-step: the expected covariate moments are singular (too few "
                        + "steps, or an input or latent dimension that never varies); hold some parameters fixed or add a prior");
            }
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < k; a++) {
                    double v = yz[i * p + f[a]];
                    for (int c : g) v -= w[i * p + c] * zz[c * p + f[a]];
                    rhs[a] = v;
                }
                Cholesky.solve(l, k, rhs);
                for (int a = 0; a < k; a++) wNew[i * p + f[a]] = rhs[a];
            }
        }
        if (!learnSigma) return new Result(wNew, sigma.clone());
        double[] e = residualScatter(wNew, zz, yz, yy, n, p);
        double denom = s.n();
        if (prior != null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double v = 0;
                    for (int c : f) v += wNew[i * p + c] * wNew[j * p + c];
                    e[i * n + j] += lambda * v;
                }
                e[i * n + i] += prior.scale();
            }
            denom += f.length + prior.dof() + (diagonal ? 2 : n + 1);
        }
        if (!(denom > 0)) throw new IllegalArgumentException(what + " M-step: no observed steps to estimate the noise covariance");
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) if (!diagonal || i == j) out[i * n + j] = e[i * n + j] / denom;
        }
        MatrixOps.symmetrize(out, 0, n);
        return new Result(wNew, out);
    }

    /** E = YY - W YZ^T - YZ W^T + W ZZ W^T (N x N), symmetrised. */
    static double[] residualScatter(double[] w, double[] zz, double[] yz, double[] yy, int n, int p) {
        double[] wzz = new double[n * p], e = new double[n * n], a = new double[n * n], b = new double[n * n];
        MatrixOps.mul(w, 0, zz, 0, wzz, 0, n, p, p);
        MatrixOps.mulTransB(wzz, 0, w, 0, a, 0, n, p, n);
        MatrixOps.mulTransB(w, 0, yz, 0, b, 0, n, p, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) e[i * n + j] = yy[i * n + j] - b[i * n + j] - b[j * n + i] + a[i * n + j];
        }
        MatrixOps.symmetrize(e, 0, n);
        return e;
    }

    /** The positions where mask equals value, in order. */
    static int[] indices(boolean[] mask, boolean value) {
        int c = 0;
        for (boolean b : mask) if (b == value) c++;
        int[] out = new int[c];
        c = 0;
        for (int i = 0; i < mask.length; i++) if (mask[i] == value) out[c++] = i;
        return out;
    }
}
