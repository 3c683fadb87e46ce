package io.ssm4j.inference.laplace;

/**
 * The expected log-likelihood of one observation y under a Gaussian predictor eta ~ N(mu, v), where
 * eta = c . x + d, x ~ N(m, S), mu = c . m + d and v = c^T S c, with its derivatives in theta = (c, d). Writing
 * m~ = (m, 1) and (S c)~ = (S c, 0), every family's derivatives take the form
 * <pre>
 *   F        = E[log p(y | eta)]   (up to terms free of theta)
 *   dF/dtheta = alpha m~ + beta (S c)~
 *   d2F/dtheta2 = gamma m~ m~^T + delta (m~ (S c)~^T + (S c)~ m~^T) + epsilon (S c)~ (S c)~^T + beta S~
 * </pre>
 * (S~ = S padded with a zero row and column), so an implementation only supplies the six scalars.
 */
interface ProjectedExpectation {
    /** Writes {F, alpha, beta, gamma, delta, epsilon} to out for observation y, predictor mean mu and variance v. */
    void evaluate(double y, double mu, double v, double[] out);
}
