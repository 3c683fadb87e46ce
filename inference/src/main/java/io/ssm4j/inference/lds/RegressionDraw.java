package io.ssm4j.inference.lds;

import io.ssm4j.distributions.InverseWishart;
import io.ssm4j.distributions.MatrixNormalInverseWishart;
import io.ssm4j.distributions.RegressionStats;
import io.ssm4j.distributions.WeightsCovariance;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.math.Rng;

/**
 * A draw from the conditional posterior of one linear-Gaussian regression y = W z + e, e ~ N(0, Sigma), given
 * complete-data statistics n, ZZ, YZ, YY (P x P, N x P, N x N) and the {@link RegressionPrior}
 * Sigma ~ IW(psi I, nu), W_F | Sigma ~ MN(0, Sigma, I / lambda) on the free columns F of W; the fixed columns G
 * are data. With y' = y - W_G z_G the free part is a regression on z_F with statistics
 * <pre>
 *   ZZ' = ZZ_FF,   YZ' = YZ_F - W_G ZZ_GF,   YY' = YY - W_G YZ_G^T - YZ_G W_G^T + W_G ZZ_GG W_G^T
 * </pre>
 * and the conjugate posterior is MNIW(M_n, V_n, Psi_n, nu + n) ({@link MatrixNormalInverseWishart#posterior}):
 * <ul>
 *   <li>W_F and Sigma both free: (W_F, Sigma) ~ MNIW(M_n, V_n, Psi_n, nu + n) jointly;</li>
 *   <li>Sigma held: W_F | Sigma ~ MN(M_n, Sigma, V_n), drawn as M_n + L_Sigma Z L_Vn^T;</li>
 *   <li>no free column: Sigma ~ IW(psi I + YY', nu + n);</li>
 *   <li>diagonal Sigma = diag(r): each output row is its own regression, w_i | r_i ~ N(m_i, r_i V_n),
 *       r_i ~ IG((nu + n) / 2, psi_n,i / 2) (the one-dimensional inverse-Wishart).</li>
 * </ul>
 * (Fox 2009, "Bayesian nonparametric learning of complex dynamical phenomena", appendix; Murphy 2007.)
 */
final class RegressionDraw {
    private RegressionDraw() {}

    /**
     * @param s          the complete-data statistics of the regression (all P columns)
     * @param w          the current weights, N x P; columns not in {@code free} are kept
     * @param sigma      the current noise covariance, N x N; kept when {@code learnSigma} is false
     * @param diagonal   whether Sigma is diagonal (only its diagonal is drawn)
     * @param prior      the conjugate prior; may be null only when nothing is drawn
     * @param rowStats   for a diagonal Sigma, per-output statistics (one output each) to use in place of the rows
     *                   of {@code s}, or null
     */
    static RegressionMStep.Result draw(RegressionStats s, double[] w, boolean[] free, double[] sigma, boolean learnSigma,
                                       boolean diagonal, RegressionStats[] rowStats, RegressionPrior prior, Rng rng) {
        int n = s.outputDim(), p = s.inputDim();
        if (!learnSigma && RegressionMStep.indices(free, true).length == 0) return new RegressionMStep.Result(w.clone(), sigma.clone());
        if (!diagonal) return drawFull(s, w, free, sigma, learnSigma, prior, rng);
        double[] wOut = w.clone(), sOut = sigma.clone();
        double[] zz = s.sumXXt(), yz = s.sumYXt(), yy = s.sumYYt();
        for (int i = 0; i < n; i++) {
            RegressionStats row = rowStats != null ? rowStats[i] : new RegressionStats(s.n(), zz,
                    java.util.Arrays.copyOfRange(yz, i * p, (i + 1) * p), new double[] {yy[i * n + i]});
            RegressionMStep.Result ri = drawFull(row, java.util.Arrays.copyOfRange(w, i * p, (i + 1) * p), free,
                    new double[] {sigma[i * n + i]}, learnSigma, prior, rng);
            System.arraycopy(ri.weights(), 0, wOut, i * p, p);
            sOut[i * n + i] = ri.covariance()[0];
        }
        return new RegressionMStep.Result(wOut, sOut);
    }

    private static RegressionMStep.Result drawFull(RegressionStats s, double[] w, boolean[] free, double[] sigma,
                                                   boolean learnSigma, RegressionPrior prior, Rng rng) {
        int n = s.outputDim(), p = s.inputDim();
        double[] zz = s.sumXXt(), yz = s.sumYXt();
        int[] f = RegressionMStep.indices(free, true);
        int k = f.length;
        double[] fixedPart = w.clone();
        for (int c : f) for (int i = 0; i < n; i++) fixedPart[i * p + c] = 0;
        double[] yyR = RegressionMStep.residualScatter(fixedPart, zz, yz, s.sumYYt(), n, p);
        double[] psi = new double[n * n];
        for (int i = 0; i < n; i++) psi[i * n + i] = prior.scale();
        if (k == 0) {
            if (!learnSigma) return new RegressionMStep.Result(w.clone(), sigma.clone());
            for (int i = 0; i < n * n; i++) psi[i] += yyR[i];
            return new RegressionMStep.Result(w.clone(), InverseWishart.of(psi, prior.dof() + s.n()).sample(rng));
        }
        double[] zzF = new double[k * k], yzF = new double[n * k], fixedZz = new double[n * k];
        for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) zzF[a * k + b] = zz[f[a] * p + f[b]];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                double v = yz[i * p + f[a]];
                for (int c = 0; c < p; c++) v -= fixedPart[i * p + c] * zz[c * p + f[a]];
                yzF[i * k + a] = v;
            }
        }
        double[] v0 = new double[k * k];
        for (int a = 0; a < k; a++) v0[a * k + a] = 1 / prior.precision();
        MatrixNormalInverseWishart post = MatrixNormalInverseWishart.of(new double[n * k], v0, psi, prior.dof(), n, k)
                .posterior(s.n(), zzF, yzF, yyR);
        double[] wF, sigmaOut;
        if (learnSigma) {
            WeightsCovariance draw = post.sample(rng);
            wF = draw.weights();
            sigmaOut = draw.covariance();
        } else {
            wF = matrixNormal(post.m(), sigma, post.v(), n, k, rng);
            sigmaOut = sigma.clone();
        }
        double[] wOut = w.clone();
        for (int i = 0; i < n; i++) for (int a = 0; a < k; a++) wOut[i * p + f[a]] = wF[i * k + a];
        return new RegressionMStep.Result(wOut, sigmaOut);
    }

    /** M + L_U Z L_V^T ~ MN(M, U, V), Z an n x k matrix of independent standard normals. */
    private static double[] matrixNormal(double[] m, double[] u, double[] v, int n, int k, Rng rng) {
        double[] lu = new double[n * n], lv = new double[k * k], z = new double[n * k], lz = new double[n * k];
        Cholesky.factorOrThrow(u, n, lu, "noise covariance (Gibbs weight draw)");
        Cholesky.factorOrThrow(v, k, lv, "posterior column covariance (Gibbs weight draw)");
        for (int i = 0; i < z.length; i++) z[i] = rng.gaussian();
        MatrixOps.mul(lu, 0, z, 0, lz, 0, n, n, k);
        double[] out = new double[n * k];
        MatrixOps.mulTransB(lz, 0, lv, 0, out, 0, n, k, k);
        for (int i = 0; i < out.length; i++) out[i] += m[i];
        return out;
    }
}
