package io.ssm4j.inference.lds;

import io.ssm4j.distributions.InverseWishart;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.SpecialFunctions;

/**
 * A conjugate prior on the free weights W (N x F) and noise covariance Sigma (N x N) of a linear-Gaussian
 * regression y = W z + e, e ~ N(0, Sigma): the matrix-normal-inverse-Wishart
 * <pre>
 *   Sigma ~ IW(psi I, nu),   W | Sigma ~ MN(0, Sigma, I / lambda)
 *   log p = -N F/2 log(2 pi) + N F/2 log lambda - F/2 log det Sigma - lambda/2 tr(W^T Sigma^{-1} W) + log IW(Sigma)
 * </pre>
 * (ridge regression with a scaled noise prior; Fox 2009, appendix; Murphy 2007). With a diagonal Sigma = diag(r)
 * the rows are independent: w_i | r_i ~ N(0, r_i / lambda I), r_i ~ IG(nu / 2, psi / 2). The joint mode given
 * expected moments (see {@link RegressionMStep}) is
 * <pre>
 *   W = YZ_F (ZZ_FF + lambda I)^{-1}
 *   Sigma = (E + lambda W W^T + psi I) / (n + F + nu + N + 1)      (full)
 *   r_i   = (E_ii + lambda |w_i|^2 + psi) / (n + F + nu + 2)          (diagonal)
 * </pre>
 * with E the expected residual scatter. Only the free columns of W carry the prior; a fixed column is data.
 *
 * @param precision lambda &gt; 0, the prior precision of each weight in units of the noise
 * @param scale     psi &gt; 0, the inverse-Wishart (inverse-gamma) scale
 * @param dof       nu, the degrees of freedom: &gt; N - 1 for a full Sigma, &gt; 0 for a diagonal one
 */
public record RegressionPrior(double precision, double scale, double dof) {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    public RegressionPrior {
        if (!(precision > 0) || !Double.isFinite(precision)) throw new IllegalArgumentException("precision: must be > 0, got " + precision);
        if (!(scale > 0) || !Double.isFinite(scale)) throw new IllegalArgumentException("scale: must be > 0, got " + scale);
        if (!(dof > 0) || !Double.isFinite(dof)) throw new IllegalArgumentException("dof: must be > 0, got " + dof);
    }

    /** A weak default for outputs of dimension n: lambda = 1e-2, psi = 1e-2, nu = n + 2 (a proper prior). */
    public static RegressionPrior weak(int n) { return new RegressionPrior(1e-2, 1e-2, n + 2); }

    /**
     * log p(W_F, Sigma) at weights w (N x P, row-major) whose columns {@code free} carry the prior.
     *
     * @param diagonal whether Sigma is diagonal (only its diagonal is read)
     */
    double logDensity(double[] w, boolean[] free, double[] sigma, int n, boolean diagonal) {
        int p = free.length, f = 0;
        for (boolean b : free) if (b) f++;
        double lp = 0;
        if (diagonal) {
            double a = dof / 2, beta = scale / 2;
            for (int i = 0; i < n; i++) {
                double r = sigma[i * n + i], sq = 0;
                for (int j = 0; j < p; j++) if (free[j]) sq += w[i * p + j] * w[i * p + j];
                lp += 0.5 * f * (Math.log(precision) - LOG_2PI - Math.log(r)) - 0.5 * precision * sq / r;
                lp += a * Math.log(beta) - SpecialFunctions.logGamma(a) - (a + 1) * Math.log(r) - beta / r;
            }
            return lp;
        }
        if (!(dof > n - 1)) throw new IllegalArgumentException("dof: must be > N - 1 = " + (n - 1) + " for a full covariance, got " + dof);
        double[] l = new double[n * n];
        Cholesky.factorOrThrow(sigma, n, l, "noise covariance (in the prior)");
        double[] col = new double[n];
        double quad = 0;
        for (int j = 0; j < p; j++) {
            if (!free[j]) continue;
            for (int i = 0; i < n; i++) col[i] = w[i * p + j];
            Cholesky.solveLower(l, n, col);
            for (double c : col) quad += c * c;
        }
        lp += 0.5 * n * f * (Math.log(precision) - LOG_2PI) - 0.5 * f * Cholesky.logDet(l, n) - 0.5 * precision * quad;
        double[] psi = new double[n * n];
        for (int i = 0; i < n; i++) psi[i * n + i] = scale;
        return lp + InverseWishart.of(psi, dof).logDensity(sigma);
    }
}
