package io.ssm4j.distributions;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;

/**
 * The matrix-normal-inverse-Wishart prior MNIW(M0, V0, Psi0, nu0) on the weights W (D x P) and noise covariance
 * Sigma (D x D) of the linear-Gaussian regression y = W x + e, e ~ N(0, Sigma):
 * <pre>
 *   Sigma ~ IW(Psi0, nu0),   W | Sigma ~ MN(M0, Sigma, V0)
 *   log MN(W; M, Sigma, V) = -DP/2 log(2 pi) - P/2 log det Sigma - D/2 log det V
 *                            - 1/2 tr(V^{-1} (W - M)^T Sigma^{-1} (W - M))
 * </pre>
 * so Sigma is the row (output) covariance and V the column (input) covariance: Cov(W_ij, W_kl) = Sigma_ik V_jl.
 * After statistics Sxx = sum_i w_i x_i x_i^T (P x P), Syx = sum_i w_i y_i x_i^T (D x P),
 * Syy = sum_i w_i y_i y_i^T (D x D) with total weight n (possibly fractional) the posterior is
 * MNIW(M_n, V_n, Psi_n, nu_n) with
 * <pre>
 *   V_n^{-1} = V0^{-1} + Sxx
 *   M_n      = (M0 V0^{-1} + Syx) V_n
 *   Psi_n    = Psi0 + Syy + M0 V0^{-1} M0^T - M_n V_n^{-1} M_n^T
 *   nu_n     = nu0 + n
 * </pre>
 * (the matrix analogue of Murphy (2007), "Conjugate Bayesian analysis of the Gaussian distribution"; see also
 * Fox (2009), "Bayesian nonparametric learning of complex dynamical phenomena", appendix). M_n is computed by
 * Cholesky solves against V_n^{-1}, never by inverting it, and the results are symmetrised. The joint mode is
 * W = M_n, Sigma = Psi_n / (nu_n + D + P + 1). Samples: Sigma ~ IW(Psi, nu), then W = M + L_Sigma Z L_V^T with
 * Z a D x P matrix of independent standard normals.
 */
public final class MatrixNormalInverseWishart {
    private final int d;
    private final int p;
    private final double[] m;
    private final double[] v;
    private final double[] vChol;
    private final double[] vInv;
    private final InverseWishart sigmaPrior;

    private MatrixNormalInverseWishart(double[] m, double[] v, double[] vChol, double[] vInv,
                                       InverseWishart sigmaPrior, int d, int p) {
        this.d = d;
        this.p = p;
        this.m = m;
        this.v = v;
        this.vChol = vChol;
        this.vInv = vInv;
        this.sigmaPrior = sigmaPrior;
    }

    /**
     * @param m0   prior mean of W, D x P row-major
     * @param v0   column covariance, P x P SPD
     * @param psi0 inverse-Wishart scale, D x D SPD
     * @param nu0  inverse-Wishart degrees of freedom, &gt; D - 1
     * @param d    output dimension D &gt;= 1
     * @param p    input dimension P &gt;= 1
     * @throws IllegalArgumentException naming the argument when a shape or value is wrong
     */
    public static MatrixNormalInverseWishart of(double[] m0, double[] v0, double[] psi0, double nu0, int d, int p) {
        Args.requireDimension(d, "d");
        Args.requireDimension(p, "p");
        Args.requireLength(m0, d * p, "m0 (D x P = " + d + " x " + p + ")");
        Args.requireFinite(m0, "m0");
        double[] vChol = Covariances.requireSpd(v0, p, "v0");
        Covariances.requireSpd(psi0, d, "psi0");
        Args.requireWishartDof(nu0, d, "nu0");
        double[] vInv = new double[p * p];
        Cholesky.inverse(vChol, p, vInv);
        Cholesky.symmetrize(vInv, p);
        return new MatrixNormalInverseWishart(Args.copy(m0), Args.copy(v0), vChol, vInv,
                InverseWishart.of(psi0, nu0), d, p);
    }

    /**
     * log MN(w; M, sigma, V) + log IW(sigma; Psi, nu); negative infinity when sigma is symmetric but not
     * positive definite.
     *
     * @throws IllegalArgumentException when w or sigma has the wrong length or a non-finite entry, or sigma
     *                                  is not symmetric
     */
    public double logDensity(double[] w, double[] sigma) {
        Args.requireLength(w, d * p, "w");
        Args.requireFinite(w, "w");
        double[] ls = Covariances.factorOrNull(sigma, d, "sigma");
        if (ls == null) return Double.NEGATIVE_INFINITY;
        // Z = L_Sigma^{-1} (W - M) L_V^{-T}; the trace term is |Z|_F^2.
        double[] z = new double[d * p];
        for (int i = 0; i < z.length; i++) z[i] = w[i] - m[i];
        double[] col = new double[d];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < d; i++) col[i] = z[i * p + j];
            Cholesky.solveLower(ls, d, col);
            for (int i = 0; i < d; i++) z[i * p + j] = col[i];
        }
        double[] row = new double[p];
        double quad = 0;
        for (int i = 0; i < d; i++) {
            System.arraycopy(z, i * p, row, 0, p);
            Cholesky.solveLower(vChol, p, row);
            for (double r : row) quad += r * r;
        }
        double logMn = -0.5 * (d * p * Flat.LOG_2PI + p * Cholesky.logDet(ls, d) + d * Cholesky.logDet(vChol, p) + quad);
        return logMn + sigmaPrior.logDensityFromFactor(ls);
    }

    /** A draw Sigma ~ IW(Psi, nu), W = M + L_Sigma Z L_V^T. */
    public WeightsCovariance sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        double[] sigma = sigmaPrior.sample(rng);
        double[] ls = new double[d * d];
        Cholesky.factorOrThrow(sigma, d, ls, "sampled sigma");
        double[] z = new double[d * p];
        for (int i = 0; i < z.length; i++) z[i] = rng.gaussian();
        double[] lz = Flat.multiply(ls, z, d, d, p);
        double[] w = Flat.multiplyTransB(lz, vChol, d, p, p);
        for (int i = 0; i < w.length; i++) w[i] += m[i];
        return new WeightsCovariance(w, sigma);
    }

    /**
     * The conjugate posterior after weighted regression statistics (see the class comment).
     *
     * @param n       total weight, &gt;= 0, possibly fractional
     * @param sumXXt  sum_i w_i x_i x_i^T, P x P symmetric
     * @param sumYXt  sum_i w_i y_i x_i^T, D x P
     * @param sumYYt  sum_i w_i y_i y_i^T, D x D symmetric
     * @throws IllegalArgumentException naming the argument on a bad shape or value, or when an updated
     *                                  matrix is not positive definite (inconsistent statistics)
     */
    public MatrixNormalInverseWishart posterior(double n, double[] sumXXt, double[] sumYXt, double[] sumYYt) {
        Args.requireNonNegative(n, "n");
        Covariances.requireSymmetric(sumXXt, p, "sumXXt");
        Args.requireLength(sumYXt, d * p, "sumYXt (D x P = " + d + " x " + p + ")");
        Args.requireFinite(sumYXt, "sumYXt");
        Covariances.requireSymmetric(sumYYt, d, "sumYYt");
        double[] precN = new double[p * p];
        for (int i = 0; i < precN.length; i++) precN[i] = vInv[i] + sumXXt[i];
        Cholesky.symmetrize(precN, p);
        double[] precChol = Covariances.requireSpd(precN, p, "posterior column precision V0^{-1} + sumXXt");
        double[] m0VInv = Flat.multiply(m, vInv, d, p, p);
        double[] b = new double[d * p];
        for (int i = 0; i < b.length; i++) b[i] = m0VInv[i] + sumYXt[i];
        double[] mN = new double[d * p];
        double[] row = new double[p];
        for (int i = 0; i < d; i++) {
            System.arraycopy(b, i * p, row, 0, p);
            Cholesky.solve(precChol, p, row);
            System.arraycopy(row, 0, mN, i * p, p);
        }
        // M_n V_n^{-1} M_n^T = B M_n^T because M_n V_n^{-1} = B.
        double[] prior = Flat.multiplyTransB(m0VInv, m, d, p, d);
        double[] fit = Flat.multiplyTransB(b, mN, d, p, d);
        double[] psiN = sigmaPrior.psi();
        for (int i = 0; i < psiN.length; i++) psiN[i] += sumYYt[i] + prior[i] - fit[i];
        Cholesky.symmetrize(psiN, d);
        Covariances.requireSpd(psiN, d, "posterior psi (from sumYYt, sumYXt, sumXXt)");
        double[] vN = new double[p * p];
        Cholesky.inverse(precChol, p, vN);
        Cholesky.symmetrize(vN, p);
        double[] vNChol = Covariances.requireSpd(vN, p, "posterior column covariance");
        return new MatrixNormalInverseWishart(mN, vN, vNChol, precN, InverseWishart.of(psiN, sigmaPrior.nu() + n), d, p);
    }

    /** The posterior after the statistics in {@code stats}. */
    public MatrixNormalInverseWishart posterior(RegressionStats stats) {
        Args.requireNonNull(stats, "stats");
        if (stats.outputDim() != d || stats.inputDim() != p) {
            throw new IllegalArgumentException("stats must have D x P = " + d + " x " + p + ", got "
                    + stats.outputDim() + " x " + stats.inputDim());
        }
        return posterior(stats.n(), stats.sumXXt(), stats.sumYXt(), stats.sumYYt());
    }

    /** The joint mode: W = M, Sigma = Psi / (nu + D + P + 1). */
    public WeightsCovariance mode() {
        return new WeightsCovariance(m, Flat.scale(sigmaPrior.psi(), 1 / (sigmaPrior.nu() + d + p + 1)));
    }

    /** A copy of the mean of W (D x P). */
    public double[] m() { return m.clone(); }

    /** A copy of the column covariance V (P x P). */
    public double[] v() { return v.clone(); }

    /** A copy of Psi (D x D). */
    public double[] psi() { return sigmaPrior.psi(); }

    /** The degrees of freedom nu. */
    public double nu() { return sigmaPrior.nu(); }

    /** The marginal prior on Sigma, IW(Psi, nu). */
    public InverseWishart covariancePrior() { return sigmaPrior; }

    /** Output dimension D. */
    public int outputDim() { return d; }

    /** Input dimension P. */
    public int inputDim() { return p; }
}
