/**
 * Linear dynamical systems: the linear-Gaussian state-space model
 * x_{t+1} = A x_t + B u_t + b + w_t, y_t = C x_t + D u_t + d + v_t
 * ({@link io.ssm4j.models.lds.LinearGaussianStateSpaceModel}), with fixed or per-step A, Q, C, R
 * ({@link io.ssm4j.models.lds.MatrixSequence}). Posterior inference is in {@code io.ssm4j.inference.kalman}.
 * The same Gaussian dynamics with Poisson or Bernoulli generalized-linear emissions is
 * {@link io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem} ({@link io.ssm4j.models.lds.EmissionFamily});
 * its Laplace posterior and Laplace-EM are in {@code io.ssm4j.inference.laplace}.
 */
package io.ssm4j.models.lds;
