package io.ssm4j.distributions;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;

/**
 * The normal-inverse-Wishart prior NIW(mu0, kappa0, Psi0, nu0) on the mean and covariance of a D-dimensional
 * Gaussian:
 * <pre>
 *   Sigma ~ IW(Psi0, nu0),   mu | Sigma ~ N(mu0, Sigma / kappa0)
 *   log p(mu, Sigma) = log N(mu; mu0, Sigma / kappa0) + log IW(Sigma; Psi0, nu0)
 * </pre>
 * Following Murphy (2007), "Conjugate Bayesian analysis of the Gaussian distribution", section 9, after data
 * summarised by the (possibly weighted, fractional) statistics n = sum_i w_i, Sx = sum_i w_i x_i and
 * Sxx = sum_i w_i x_i x_i^T the posterior is NIW(mu_n, kappa_n, Psi_n, nu_n) with
 * <pre>
 *   kappa_n = kappa0 + n,   nu_n = nu0 + n,   mu_n = (kappa0 mu0 + Sx) / kappa_n
 *   Psi_n   = Psi0 + Sxx + kappa0 mu0 mu0^T - kappa_n mu_n mu_n^T
 * </pre>
 * (equal to Murphy's Psi0 + S + kappa0 n / kappa_n (xbar - mu0)(xbar - mu0)^T with S the centred scatter).
 * The joint mode is mu = mu_n, Sigma = Psi_n / (nu_n + D + 2).
 *
 * <p>kappa0 = 0 is allowed and means a flat (improper) prior on mu: {@link #logDensity} then returns only the
 * inverse-Wishart part log IW(Sigma; Psi0, nu0) (the density is improper, defined up to a constant in mu),
 * {@link #mode} maximises that part (Sigma = Psi0 / (nu0 + D + 1), mu reported as mu0) and {@link #sample}
 * throws. One posterior update with n &gt; 0 makes it proper again.
 */
public final class NormalInverseWishart {
    private final int dim;
    private final double[] mu0;
    private final double kappa0;
    private final InverseWishart sigmaPrior;

    private NormalInverseWishart(double[] mu0, double kappa0, InverseWishart sigmaPrior) {
        this.dim = mu0.length;
        this.mu0 = mu0;
        this.kappa0 = kappa0;
        this.sigmaPrior = sigmaPrior;
    }

    /**
     * @param mu0    prior mean, length D &gt;= 1
     * @param kappa0 pseudo-count on the mean, &gt;= 0 (0: flat, improper)
     * @param psi0   inverse-Wishart scale, D x D SPD
     * @param nu0    inverse-Wishart degrees of freedom, &gt; D - 1
     * @throws IllegalArgumentException naming the argument when a shape or value is wrong
     */
    public static NormalInverseWishart of(double[] mu0, double kappa0, double[] psi0, double nu0) {
        Args.requireNonNull(mu0, "mu0");
        Args.requireDimension(mu0.length, "mu0 length");
        Args.requireFinite(mu0, "mu0");
        Args.requireNonNegative(kappa0, "kappa0");
        int d = mu0.length;
        Covariances.requireSpd(psi0, d, "psi0");
        Args.requireWishartDof(nu0, d, "nu0");
        return new NormalInverseWishart(Args.copy(mu0), kappa0, InverseWishart.of(psi0, nu0));
    }

    /**
     * log p(mu, Sigma) (only the inverse-Wishart part when kappa0 = 0); negative infinity when sigma is
     * symmetric but not positive definite.
     *
     * @throws IllegalArgumentException when mu or sigma has the wrong length, a non-finite entry, or sigma is
     *                                  not symmetric
     */
    public double logDensity(double[] mu, double[] sigma) {
        Args.requireLength(mu, dim, "mu");
        Args.requireFinite(mu, "mu");
        double[] l = Covariances.factorOrNull(sigma, dim, "sigma");
        if (l == null) return Double.NEGATIVE_INFINITY;
        double r = sigmaPrior.logDensityFromFactor(l);
        if (kappa0 > 0) {
            double[] diff = new double[dim];
            for (int i = 0; i < dim; i++) diff[i] = mu[i] - mu0[i];
            r += -0.5 * (dim * Flat.LOG_2PI + Cholesky.logDet(l, dim) - dim * Math.log(kappa0))
                    - 0.5 * kappa0 * Flat.mahalanobis(l, dim, diff);
        }
        return r;
    }

    /**
     * A draw Sigma ~ IW(Psi0, nu0), then mu = mu0 + L z / sqrt(kappa0) with Sigma = L L^T.
     *
     * @throws IllegalStateException when kappa0 = 0 (the prior on mu is improper)
     */
    public MeanCovariance sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        if (kappa0 == 0) throw new IllegalStateException("cannot sample a normal-inverse-Wishart with kappa0 = 0");
        double[] sigma = sigmaPrior.sample(rng);
        double[] l = new double[dim * dim];
        Cholesky.factorOrThrow(sigma, dim, l, "sampled sigma");
        double[] lScaled = Flat.scale(l, 1 / Math.sqrt(kappa0));
        return new MeanCovariance(Flat.correlatedNormal(mu0, lScaled, dim, rng), sigma);
    }

    /**
     * The conjugate posterior after weighted statistics (see the class comment).
     *
     * @param n       total weight, &gt;= 0 (may be fractional, e.g. expected counts in EM)
     * @param sumX    sum_i w_i x_i, length D
     * @param sumXXt  sum_i w_i x_i x_i^T, D x D symmetric
     * @throws IllegalArgumentException naming the argument on a bad shape or value, or when the updated scale
     *                                  is not positive definite (inconsistent statistics)
     */
    public NormalInverseWishart posterior(double n, double[] sumX, double[] sumXXt) {
        Args.requireNonNegative(n, "n");
        Args.requireLength(sumX, dim, "sumX");
        Args.requireFinite(sumX, "sumX");
        Covariances.requireSymmetric(sumXXt, dim, "sumXXt");
        double kappaN = kappa0 + n;
        double[] muN = new double[dim];
        double[] psiN = sigmaPrior.psi();
        for (int i = 0; i < psiN.length; i++) psiN[i] += sumXXt[i];
        if (kappaN > 0) {
            for (int i = 0; i < dim; i++) muN[i] = (kappa0 * mu0[i] + sumX[i]) / kappaN;
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    psiN[i * dim + j] += kappa0 * mu0[i] * mu0[j] - kappaN * muN[i] * muN[j];
                }
            }
        } else {
            System.arraycopy(mu0, 0, muN, 0, dim);
        }
        Cholesky.symmetrize(psiN, dim);
        Covariances.requireSpd(psiN, dim, "posterior psi (from sumXXt, sumX and n)");
        return new NormalInverseWishart(muN, kappaN, InverseWishart.of(psiN, sigmaPrior.nu() + n));
    }

    /** The posterior after the statistics in {@code stats}. */
    public NormalInverseWishart posterior(GaussianStats stats) {
        Args.requireNonNull(stats, "stats");
        if (stats.dim() != dim) {
            throw new IllegalArgumentException("stats must have dimension " + dim + ", got " + stats.dim());
        }
        return posterior(stats.n(), stats.sumX(), stats.sumXXt());
    }

    /**
     * The joint mode: mu = mu0, Sigma = Psi0 / (nu0 + D + 2); with kappa0 = 0 the mode of the inverse-Wishart
     * part, Sigma = Psi0 / (nu0 + D + 1), with mu reported as mu0.
     */
    public MeanCovariance mode() {
        double extra = kappa0 > 0 ? 1 : 0;
        double[] psi = sigmaPrior.psi();
        return new MeanCovariance(mu0, Flat.scale(psi, 1 / (sigmaPrior.nu() + dim + 1 + extra)));
    }

    /** A copy of mu0. */
    public double[] mu0() { return mu0.clone(); }

    /** kappa0. */
    public double kappa0() { return kappa0; }

    /** A copy of Psi0. */
    public double[] psi0() { return sigmaPrior.psi(); }

    /** nu0. */
    public double nu0() { return sigmaPrior.nu(); }

    /** The marginal prior on Sigma, IW(Psi0, nu0). */
    public InverseWishart covariancePrior() { return sigmaPrior; }

    /** The dimension D. */
    public int dim() { return dim; }
}
