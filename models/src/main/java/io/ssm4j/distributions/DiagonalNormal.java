package io.ssm4j.distributions;

import io.ssm4j.math.Rng;

/**
 * The D-dimensional Gaussian with independent coordinates, N(mu, diag(sigma^2)):
 * <pre>
 *   log p(x) = -1/2 sum_i [ log(2 pi) + log sigma_i^2 + (x_i - mu_i)^2 / sigma_i^2 ]
 * </pre>
 * Samples are x_i = mu_i + sigma_i z_i with z_i ~ N(0, 1).
 */
public final class DiagonalNormal {
    private final double[] mean;
    private final double[] variances;
    private final double[] sd;
    private final double logNormaliser;

    private DiagonalNormal(double[] mean, double[] variances) {
        this.mean = mean;
        this.variances = variances;
        this.sd = new double[mean.length];
        double c = 0;
        for (int i = 0; i < mean.length; i++) {
            sd[i] = Math.sqrt(variances[i]);
            c += Flat.LOG_2PI + Math.log(variances[i]);
        }
        this.logNormaliser = -0.5 * c;
    }

    /**
     * @param mean      mu, length D &gt;= 1, finite
     * @param variances sigma_i^2, length D, each positive and finite
     * @throws IllegalArgumentException naming the argument when a shape or value is wrong
     */
    public static DiagonalNormal of(double[] mean, double[] variances) {
        Args.requireNonNull(mean, "mean");
        Args.requireDimension(mean.length, "mean length");
        Args.requireFinite(mean, "mean");
        Args.requireLength(variances, mean.length, "variances");
        Args.requirePositive(variances, "variances");
        return new DiagonalNormal(Args.copy(mean), Args.copy(variances));
    }

    /** log N(x; mu, diag(sigma^2)). */
    public double logDensity(double[] x) {
        Args.requireLength(x, mean.length, "x");
        double q = 0;
        for (int i = 0; i < x.length; i++) {
            double r = x[i] - mean[i];
            q += r * r / variances[i];
        }
        return logNormaliser - 0.5 * q;
    }

    /** A draw mu_i + sigma_i z_i. */
    public double[] sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        double[] x = new double[mean.length];
        for (int i = 0; i < x.length; i++) x[i] = mean[i] + sd[i] * rng.gaussian();
        return x;
    }

    /** A copy of the mean. */
    public double[] mean() { return mean.clone(); }

    /** A copy of the variances. */
    public double[] variances() { return variances.clone(); }

    /** The dimension D. */
    public int dim() { return mean.length; }
}
