/**
 * Numerical kernels on flat row-major {@code double[]}: Vector API and scalar twins ({@link io.ssm4j.math.VectorOps}),
 * log-sum-exp, small-matrix Cholesky, special functions and reproducible random streams ({@link io.ssm4j.math.Rng}).
 */
package io.ssm4j.math;
