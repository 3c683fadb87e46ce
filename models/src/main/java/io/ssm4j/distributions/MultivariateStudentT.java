package io.ssm4j.distributions;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;

/**
 * The D-dimensional Student-t distribution t_nu(mu, Sigma) with location mu, scale matrix Sigma (SPD) and
 * nu &gt; 0 degrees of freedom:
 * <pre>
 *   log p(x) = log Gamma((nu + D)/2) - log Gamma(nu/2) - D/2 log(nu pi) - 1/2 log det Sigma
 *              - (nu + D)/2 log(1 + (x - mu)^T Sigma^{-1} (x - mu) / nu)
 * </pre>
 * It is the Gaussian scale mixture x | u ~ N(mu, Sigma / u), u ~ Gamma(nu/2, rate nu/2), which is how it is
 * sampled: x = mu + L z sqrt(nu / c) with Sigma = L L^T, z ~ N(0, I) and c ~ chi^2_nu = 2 Gamma(nu/2, 1).
 * Covariance nu / (nu - 2) Sigma for nu &gt; 2.
 */
public final class MultivariateStudentT {
    private final int dim;
    private final double[] mean;
    private final double[] scale;
    private final double[] chol;
    private final double dof;
    private final double logNormaliser;

    private MultivariateStudentT(double[] mean, double[] scale, double[] chol, double dof) {
        this.dim = mean.length;
        this.mean = mean;
        this.scale = scale;
        this.chol = chol;
        this.dof = dof;
        this.logNormaliser = SpecialFunctions.logGamma(0.5 * (dof + dim)) - SpecialFunctions.logGamma(0.5 * dof)
                - 0.5 * dim * Math.log(dof * Math.PI) - 0.5 * Cholesky.logDet(chol, dim);
    }

    /**
     * @param mean  location mu, length D &gt;= 1
     * @param scale scale matrix Sigma, D x D SPD
     * @param dof   degrees of freedom nu &gt; 0
     * @throws IllegalArgumentException naming the argument when a shape or value is wrong
     */
    public static MultivariateStudentT of(double[] mean, double[] scale, double dof) {
        Args.requireNonNull(mean, "mean");
        Args.requireDimension(mean.length, "mean length");
        Args.requireFinite(mean, "mean");
        double[] l = Covariances.requireSpd(scale, mean.length, "scale");
        Args.requirePositive(dof, "dof");
        return new MultivariateStudentT(Args.copy(mean), Args.copy(scale), l, dof);
    }

    /** log t_nu(x; mu, Sigma). */
    public double logDensity(double[] x) {
        Args.requireLength(x, dim, "x");
        double[] r = new double[dim];
        for (int i = 0; i < dim; i++) r[i] = x[i] - mean[i];
        return logNormaliser - 0.5 * (dof + dim) * Math.log1p(Flat.mahalanobis(chol, dim, r) / dof);
    }

    /** A draw mu + L z sqrt(nu / c), c ~ chi^2_nu. */
    public double[] sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        double[] zero = new double[dim];
        double[] y = Flat.correlatedNormal(zero, chol, dim, rng);
        double f = Math.sqrt(dof / (2 * rng.gamma(0.5 * dof)));
        for (int i = 0; i < dim; i++) y[i] = mean[i] + f * y[i];
        return y;
    }

    /** A copy of the location. */
    public double[] mean() { return mean.clone(); }

    /** A copy of the scale matrix. */
    public double[] scale() { return scale.clone(); }

    /** The degrees of freedom. */
    public double dof() { return dof; }

    /** The dimension D. */
    public int dim() { return dim; }
}
