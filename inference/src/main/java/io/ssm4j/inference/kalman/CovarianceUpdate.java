package io.ssm4j.inference.kalman;

/**
 * How the Kalman measurement update forms the filtered covariance from the predicted one P, the observed rows
 * C of the emission matrix, their noise R, S = C P C^T + R = L L^T and the gain K = P C^T S^{-1}:
 * <ul>
 *   <li>{@link #STANDARD}: P_f = P - G G^T with G = P C^T L^{-T} (the symmetric downdate; cheapest, but
 *       it can lose positive-definiteness by cancellation when R is tiny next to C P C^T);</li>
 *   <li>{@link #JOSEPH}: P_f = (I - K C) P (I - K C)^T + K R K^T (Bucy and Joseph 1968, "Filtering for
 *       stochastic processes"), a sum of positive semidefinite terms that stays so under rounding.</li>
 * </ul>
 */
public enum CovarianceUpdate { STANDARD, JOSEPH }
