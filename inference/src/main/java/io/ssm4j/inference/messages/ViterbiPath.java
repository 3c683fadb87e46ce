package io.ssm4j.inference.messages;

/**
 * The most probable state path z*_{0..T-1} = argmax_z p(z, x) and its log joint
 * {@code logJoint} = log p(z*, x) = log pi(z*_0) + sum_t log p(x_t | z*_t) + sum_{t>0} log P_{t-1}(z*_{t-1}, z*_t).
 */
public record ViterbiPath(int[] states, double logJoint) {
}
