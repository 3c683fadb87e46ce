/**
 * Learning and posterior inference: {@link io.ssm4j.inference.HiddenMarkovInference} for HMM posteriors,
 * message passing in {@code messages}, EM in {@code em}, Gibbs sampling in {@code gibbs}.
 */
package io.ssm4j.inference;
