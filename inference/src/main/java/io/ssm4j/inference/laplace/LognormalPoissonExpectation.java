package io.ssm4j.inference.laplace;

/**
 * The exact expected Poisson log-likelihood with the exp link under eta ~ N(mu, v): with the log-normal mean
 * lambda = E[exp(eta)] = exp(mu + v / 2),
 * <pre>
 *   F = y mu - exp(mu + v / 2)   (- log y!, constant in theta and left out)
 * </pre>
 * alpha = y - lambda and beta = gamma = delta = epsilon = -lambda ({@link ProjectedExpectation}); F is concave in
 * (c, d) (Park and Pillow 2011, "Bayesian spike-triggered covariance analysis"; the "expected log-likelihood" of
 * Ramirez and Paninski 2014).
 */
final class LognormalPoissonExpectation implements ProjectedExpectation {
    @Override
    public void evaluate(double y, double mu, double v, double[] out) {
        double lambda = Math.exp(mu + 0.5 * v);
        out[0] = y * mu - lambda;
        out[1] = y - lambda;
        out[2] = -lambda;
        out[3] = -lambda;
        out[4] = -lambda;
        out[5] = -lambda;
    }
}
