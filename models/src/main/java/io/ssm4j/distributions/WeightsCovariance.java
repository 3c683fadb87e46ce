package io.ssm4j.distributions;

/**
 * The parameters of a linear-Gaussian regression y = W x + e, e ~ N(0, Sigma): weights W (D x P row-major) and
 * noise covariance Sigma (D x D row-major), as drawn from or maximising a {@link MatrixNormalInverseWishart}.
 * The arrays are copied in and out, so the value is immutable.
 *
 * @param weights    W, D x P row-major
 * @param covariance Sigma, D x D row-major
 */
public record WeightsCovariance(double[] weights, double[] covariance) {
    /** Copies both arrays and checks that weights has a multiple of D entries for D*D = covariance.length. */
    public WeightsCovariance {
        Args.requireNonNull(weights, "weights");
        Args.requireNonNull(covariance, "covariance");
        int d = InverseWishart.squareDim(covariance.length, "covariance");
        if (weights.length % d != 0) {
            throw new IllegalArgumentException("weights must have length D*P with D = " + d + ", got " + weights.length);
        }
        weights = weights.clone();
        covariance = covariance.clone();
    }

    /** A copy of W. */
    @Override
    public double[] weights() { return weights.clone(); }

    /** A copy of Sigma. */
    @Override
    public double[] covariance() { return covariance.clone(); }
}
