package io.ssm4j.distributions;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;

/**
 * The inverse-Wishart distribution IW(Psi, nu) over D x D symmetric positive-definite matrices Sigma, with
 * scale Psi (SPD) and degrees of freedom nu &gt; D - 1:
 * <pre>
 *   log p(Sigma) = nu/2 log det Psi - nu D/2 log 2 - log Gamma_D(nu/2)
 *                  - (nu + D + 1)/2 log det Sigma - 1/2 tr(Psi Sigma^{-1})
 * </pre>
 * where Gamma_D is the multivariate gamma function. Sigma ~ IW(Psi, nu) exactly when Sigma^{-1} ~ W(Psi^{-1}, nu).
 * Mean Psi / (nu - D - 1) for nu &gt; D + 1, mode Psi / (nu + D + 1). With D = 1 it is the inverse-gamma
 * distribution with shape nu/2 and scale Psi/2.
 *
 * <p>Sampling uses the Bartlett decomposition of the Wishart of Psi^{-1}: with Psi = L L^T and A lower
 * triangular, A_ii = sqrt(chi^2_{nu - i}) (i = 0..D-1), A_ij ~ N(0, 1) below the diagonal,
 * W = L^{-T} A A^T L^{-1} ~ W(Psi^{-1}, nu), so Sigma = W^{-1} = B B^T with B = L A^{-T}; no explicit inverse of
 * Psi is formed.
 */
public final class InverseWishart {
    private final int dim;
    private final double[] psi;
    private final double[] psiChol;
    private final double nu;
    private final double logNormaliser;

    private InverseWishart(double[] psi, double[] psiChol, double nu, int dim) {
        this.dim = dim;
        this.psi = psi;
        this.psiChol = psiChol;
        this.nu = nu;
        this.logNormaliser = 0.5 * nu * Cholesky.logDet(psiChol, dim) - 0.5 * nu * dim * Math.log(2)
                - SpecialFunctions.logMultivariateGamma(0.5 * nu, dim);
    }

    /**
     * @param psi the scale Psi, D x D row-major SPD; D is sqrt(psi.length)
     * @param nu  degrees of freedom, &gt; D - 1
     * @throws IllegalArgumentException naming the argument when psi is not a square SPD matrix or nu is too small
     */
    public static InverseWishart of(double[] psi, double nu) {
        Args.requireNonNull(psi, "psi");
        int d = squareDim(psi.length, "psi");
        double[] l = Covariances.requireSpd(psi, d, "psi");
        Args.requireWishartDof(nu, d, "nu");
        return new InverseWishart(Args.copy(psi), l, nu, d);
    }

    static int squareDim(int length, String name) {
        int d = (int) Math.round(Math.sqrt(length));
        if (d < 1 || d * d != length) {
            throw new IllegalArgumentException(name + " must be a square matrix of length D*D, got length " + length);
        }
        return d;
    }

    /**
     * log IW(sigma; Psi, nu); negative infinity when sigma is symmetric but not positive definite.
     *
     * @throws IllegalArgumentException when sigma has the wrong length, a non-finite entry or is not symmetric
     */
    public double logDensity(double[] sigma) {
        double[] l = Covariances.factorOrNull(sigma, dim, "sigma");
        if (l == null) return Double.NEGATIVE_INFINITY;
        return logDensityFromFactor(l);
    }

    /** log IW given the Cholesky factor of Sigma. */
    double logDensityFromFactor(double[] sigmaChol) {
        return logNormaliser - 0.5 * (nu + dim + 1) * Cholesky.logDet(sigmaChol, dim)
                - 0.5 * Flat.traceSolve(sigmaChol, dim, psi);
    }

    /** A draw by the Bartlett decomposition (see the class comment), symmetrised. */
    public double[] sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        int d = dim;
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            a[i * d + i] = Math.sqrt(2 * rng.gamma(0.5 * (nu - i)));
            for (int j = 0; j < i; j++) a[i * d + j] = rng.gaussian();
        }
        // T = A^{-1}, lower triangular, column by column by forward substitution.
        double[] t = new double[d * d];
        double[] col = new double[d];
        for (int j = 0; j < d; j++) {
            java.util.Arrays.fill(col, 0);
            col[j] = 1;
            Cholesky.solveLower(a, d, col);
            for (int i = 0; i < d; i++) t[i * d + j] = col[i];
        }
        double[] b = Flat.multiplyTransB(psiChol, t, d, d, d); // B = L T^T
        double[] sigma = Flat.multiplyTransB(b, b, d, d, d);
        Cholesky.symmetrize(sigma, d);
        return sigma;
    }

    /** The mode Psi / (nu + D + 1). */
    public double[] mode() {
        return Flat.scale(psi, 1 / (nu + dim + 1));
    }

    /**
     * The mean Psi / (nu - D - 1).
     *
     * @throws IllegalStateException when nu &lt;= D + 1 (the mean is infinite)
     */
    public double[] mean() {
        if (!(nu > dim + 1)) throw new IllegalStateException("inverse-Wishart mean needs nu > D + 1, nu = " + nu);
        return Flat.scale(psi, 1 / (nu - dim - 1));
    }

    /** A copy of the scale Psi. */
    public double[] psi() { return psi.clone(); }

    /** The degrees of freedom nu. */
    public double nu() { return nu; }

    /** The dimension D. */
    public int dim() { return dim; }
}
