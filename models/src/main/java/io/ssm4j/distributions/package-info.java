/**
 * Probability distributions as immutable values: log densities, sampling with an explicit
 * {@link io.ssm4j.math.Rng}, and for the conjugate priors the posterior update and mode.
 *
 * <p>Vectors and matrices are flat row-major {@code double[]} with explicit dimensions. Every type is
 * built by a validating static {@code of(...)} factory that throws {@link java.lang.IllegalArgumentException}
 * naming the argument and what is wrong with it. Likelihoods: {@link io.ssm4j.distributions.MultivariateNormal},
 * {@link io.ssm4j.distributions.DiagonalNormal}, {@link io.ssm4j.distributions.MultivariateStudentT},
 * {@link io.ssm4j.distributions.Poisson}, {@link io.ssm4j.distributions.Bernoulli},
 * {@link io.ssm4j.distributions.Categorical}. Conjugate priors: {@link io.ssm4j.distributions.Gamma},
 * {@link io.ssm4j.distributions.Beta}, {@link io.ssm4j.distributions.Dirichlet},
 * {@link io.ssm4j.distributions.InverseWishart}, {@link io.ssm4j.distributions.NormalInverseWishart},
 * {@link io.ssm4j.distributions.MatrixNormalInverseWishart}.
 *
 * <p>Log densities throw on malformed arguments (wrong length, NaN) and return negative infinity for
 * well-formed points outside the support (a negative count, a point off the simplex, a covariance
 * that is symmetric but not positive definite).
 */
package io.ssm4j.distributions;
