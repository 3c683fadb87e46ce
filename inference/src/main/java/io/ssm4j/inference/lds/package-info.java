/**
 * Fitting linear dynamical systems: EM with the Kalman smoother as E-step (Shumway and Stoffer 1982;
 * Ghahramani and Hinton 1996), its additive expected statistics, the closed-form (MAP) M-step with fixed
 * parameters, diagonal or full emission noise and missing entries, a PCA initialisation, and the held-out
 * likelihood that chooses the latent dimension.
 */
package io.ssm4j.inference.lds;
