/**
 * What the world looks like: model families (HMM and ARHMM in {@code models.hmm}) as immutable values with
 * their priors, complete-data log joints, samplers and conjugate updates from additive expected statistics.
 * Models never run inference; {@code io.ssm4j.inference} does.
 */
package io.ssm4j.models;
