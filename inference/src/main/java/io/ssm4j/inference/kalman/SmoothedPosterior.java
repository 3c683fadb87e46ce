package io.ssm4j.inference.kalman;

/**
 * The posterior of an LDS given y_{1:T} (Rauch, Tung and Striebel 1965), what EM's E-step consumes:
 * smoothed means E[x_t | y] (T x D), covariances Cov(x_t | y) (T x D x D), lag-one cross-covariances
 * Cov(x_{t+1}, x_t | y) (block t of (T-1) x D x D) and the log marginal likelihood log p(y_{1:T}).
 * Second moments follow as E[x_t x_t^T] = P_t + m_t m_t^T and E[x_{t+1} x_t^T] = V_{t+1,t} + m_{t+1} m_t^T.
 * Arrays are shared, not copied.
 */
public record SmoothedPosterior(int length, int latentDim, double logLikelihood, double[] means, double[] covariances,
                                double[] crossCovariances) {
}
