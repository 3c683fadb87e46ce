package io.ssm4j.inference.messages;

/**
 * The result of forward-backward on one sequence x_{0..T-1}.
 *
 * <ul>
 *   <li>{@code logLikelihood} = log p(x_{0..T-1}) = sum_t (log c_t + m_t), the exact log marginal likelihood
 *       (c_t the per-step normaliser of the scaled forward message, m_t the per-step shift of the emission
 *       log-likelihoods).</li>
 *   <li>{@code expectedStates[t*K+k]} = gamma_t(k) = p(z_t = k | x_{0..T-1}) (T x K row-major).</li>
 *   <li>{@code expectedTransitions[i*K+j]} = sum_{t=0}^{T-2} xi_t(i,j), with
 *       xi_t(i,j) = p(z_t = i, z_{t+1} = j | x_{0..T-1}) (K x K row-major).</li>
 *   <li>{@code perStepTransitions[t*K*K + i*K + j]} = xi_t(i,j) for t = 0..T-2, filled only when the
 *       transitions are time-varying (each step then has its own M-step statistics); null otherwise.</li>
 * </ul>
 * Arrays are returned without copying; the record's owner may modify them.
 */
public record HmmPosterior(double logLikelihood, double[] expectedStates, double[] expectedTransitions,
                           double[] perStepTransitions, int length, int numStates) {
}
