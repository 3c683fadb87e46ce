/**
 * Laplace approximations for latent Gaussian chains with non-Gaussian emissions, and Laplace-EM on them:
 * the posterior mode by Newton's method with a block-tridiagonal Hessian ({@link io.ssm4j.inference.laplace.LaplacePosterior}),
 * the closed-form Gaussian dynamics M-step ({@link io.ssm4j.inference.laplace.DynamicsStatistics}), the per-neuron
 * emission M-step on the expected log-likelihood ({@link io.ssm4j.inference.laplace.EmissionMStep}) and the fit
 * entry point {@link io.ssm4j.inference.laplace.PoissonLdsFitter}.
 */
package io.ssm4j.inference.laplace;
