package io.ssm4j.distributions;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;

/**
 * The D-dimensional Gaussian N(mu, Sigma) with a full covariance:
 * <pre>
 *   log p(x) = -1/2 [ D log(2 pi) + log det Sigma + (x - mu)^T Sigma^{-1} (x - mu) ]
 * </pre>
 * evaluated through the Cholesky factor Sigma = L L^T (log det Sigma = 2 sum_i log L_ii, the quadratic form as
 * |L^{-1}(x - mu)|^2). Samples are x = mu + L z with z ~ N(0, I). Its conjugate prior is
 * {@link NormalInverseWishart}.
 */
public final class MultivariateNormal {
    private final int dim;
    private final double[] mean;
    private final double[] cov;
    private final double[] chol;
    private final double logDet;

    private MultivariateNormal(double[] mean, double[] cov, double[] chol) {
        this.dim = mean.length;
        this.mean = mean;
        this.cov = cov;
        this.chol = chol;
        this.logDet = Cholesky.logDet(chol, dim);
    }

    /**
     * @param mean the mean mu, length D &gt;= 1
     * @param cov  the covariance Sigma, D x D row-major, symmetric positive definite
     * @throws IllegalArgumentException naming the argument when a shape or value is wrong
     */
    public static MultivariateNormal of(double[] mean, double[] cov) {
        Args.requireNonNull(mean, "mean");
        Args.requireDimension(mean.length, "mean length");
        Args.requireFinite(mean, "mean");
        int d = mean.length;
        double[] l = Covariances.requireSpd(cov, d, "cov");
        return new MultivariateNormal(Args.copy(mean), Args.copy(cov), l);
    }

    /** log N(x; mu, Sigma). */
    public double logDensity(double[] x) {
        Args.requireLength(x, dim, "x");
        return Flat.normalLogDensity(x, mean, chol, logDet, dim);
    }

    /** A draw mu + L z, z ~ N(0, I). */
    public double[] sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        return Flat.correlatedNormal(mean, chol, dim, rng);
    }

    /** A copy of the mean. */
    public double[] mean() { return mean.clone(); }

    /** A copy of the covariance (D x D row-major). */
    public double[] covariance() { return cov.clone(); }

    /** A copy of the lower Cholesky factor L of the covariance. */
    public double[] choleskyFactor() { return chol.clone(); }

    /** log det Sigma. */
    public double logDetCovariance() { return logDet; }

    /** The dimension D. */
    public int dim() { return dim; }
}
