/**
 * Exact message passing for hidden Markov chains on flat arrays, independent of any model class.
 *
 * <p>Inputs everywhere: {@code initialProbs} (K), a {@link io.ssm4j.inference.messages.TransitionMatrices}
 * (one K x K row-stochastic matrix, or one per step) and emission {@code logLikelihoods} (T x K row-major,
 * {@code logLikelihoods[t*K+k] = log p(x_t | z_t = k)}; -infinity allowed, a missing step is a row of zeros).
 *
 * <ul>
 *   <li>{@link io.ssm4j.inference.messages.ForwardBackward}: scaled sequential forward-backward (Rabiner 1989),
 *       exact log marginal likelihood, posterior marginals and expected transitions.</li>
 *   <li>{@link io.ssm4j.inference.messages.ParallelForwardBackward}: the same posterior by a blocked
 *       parallel-in-time scan (Hassan, Sarkka and Garcia-Fernandez 2021).</li>
 *   <li>{@link io.ssm4j.inference.messages.HmmInference}: picks one of the two.</li>
 *   <li>{@link io.ssm4j.inference.messages.Viterbi}: the most probable path (Viterbi 1967), log-space max-product.</li>
 *   <li>{@link io.ssm4j.inference.messages.BackwardSampler}: forward filtering, backward sampling
 *       (Chib 1996; Scott 2002).</li>
 * </ul>
 */
package io.ssm4j.inference.messages;
