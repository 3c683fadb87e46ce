package io.ssm4j.inference.kalman;

/**
 * The output of the Kalman filter for one sequence of length T with latent dimension D, all flat row-major:
 * predicted moments m_{t|t-1}, P_{t|t-1} (T x D and T x D x D; step 0 holds the prior m0, P0), filtered
 * moments m_{t|t}, P_{t|t}, and the exact log marginal likelihood
 * log p(y_{1:T}) = sum_t log N(y_t^o; C^o m_{t|t-1} + d^o + D^o u_t, C^o P_{t|t-1} C^o^T + R^oo).
 * From step {@code steadyFrom} on (T when never) the filter ran at its steady state: the covariances there are
 * all equal. Arrays are shared, not copied.
 */
public record FilteredPosterior(int length, int latentDim, double logLikelihood, double[] predictedMeans,
                                double[] predictedCovariances, double[] filteredMeans, double[] filteredCovariances,
                                int steadyFrom) {
}
