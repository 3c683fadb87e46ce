/**
 * Fitting linear dynamical systems: EM with the Kalman smoother as E-step (Shumway and Stoffer 1982;
 * Ghahramani and Hinton 1996), its additive expected statistics, the closed-form (MAP) M-step with fixed
 * parameters, diagonal or full emission noise and missing entries, a PCA initialisation, the held-out
 * likelihood that chooses the latent dimension, and blocked Gibbs sampling of states and parameters under
 * conjugate matrix-normal-inverse-Wishart priors (forward filtering, backward sampling; Carter and Kohn 1994).
 */
package io.ssm4j.inference.lds;
