package io.ssm4j.distributions;

/**
 * A Gaussian's parameters: mean mu (length D) and covariance Sigma (D x D row-major), as drawn from or
 * maximising a {@link NormalInverseWishart}. The arrays are copied in and out, so the value is immutable.
 *
 * @param mean       mu, length D
 * @param covariance Sigma, D x D row-major
 */
public record MeanCovariance(double[] mean, double[] covariance) {
    /** Copies both arrays and checks that covariance has length D*D for D = mean.length. */
    public MeanCovariance {
        Args.requireNonNull(mean, "mean");
        Args.requireLength(covariance, mean.length * mean.length, "covariance");
        mean = mean.clone();
        covariance = covariance.clone();
    }

    /** A copy of mu. */
    @Override
    public double[] mean() { return mean.clone(); }

    /** A copy of Sigma. */
    @Override
    public double[] covariance() { return covariance.clone(); }

    /** The dimension D. */
    public int dim() { return mean.length; }
}
