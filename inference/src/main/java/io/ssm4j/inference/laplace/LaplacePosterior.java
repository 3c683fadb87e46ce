package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.kalman.BlockTridiagonal;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

/**
 * The Laplace approximation q(x) = N(x*, H^{-1}) to the posterior p(x_{1:T} | y_{1:T}) of a latent Gaussian chain
 * with generalized-linear emissions (Paninski et al. 2010, "A new look at state-space models for neural data";
 * Macke et al. 2011, "Empirical models of spiking in neural populations"): x* maximises log p(x, y) and
 * <pre>
 *   H = -grad^2 log p(x*, y) = J + blockdiag(C^T W_t C),   W_t = diag(-d^2 log p(y_tn | eta) / d eta^2 at x*)
 * </pre>
 * is block-tridiagonal (J the prior precision). Holds the mode (T x D), H in its banded Cholesky factor, the
 * marginal covariances Cov(x_t) (T x D x D) and cross-covariances Cov(x_{t+1}, x_t) ((T-1) x D x D) from the
 * selected inversion of H, and the Laplace approximation of the evidence
 * <pre>
 *   log p(y) ~= log p(x*, y) + (D T / 2) log 2 pi - (1/2) log det H.
 * </pre>
 * Arrays are shared, not copied.
 */
public record LaplacePosterior(int length, int latentDim, double[] mode, BlockTridiagonal precision,
                               double[] covariances, double[] crossCovariances, double logJoint, int iterations,
                               double gradientNorm, boolean converged) {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** The posterior by Newton's method from x = 0 with default options. */
    public static LaplacePosterior compute(GeneralizedLinearDynamicalSystem model, TimeSeries y) {
        return LaplaceNewton.run(model, y, null, LaplaceOptions.defaults());
    }

    /**
     * The posterior by Newton's method.
     *
     * @param start the starting path (T x D; e.g. the previous mode in EM), or null for zeros
     */
    public static LaplacePosterior compute(GeneralizedLinearDynamicalSystem model, TimeSeries y, double[] start,
                                           LaplaceOptions options) {
        return LaplaceNewton.run(model, y, start, options);
    }

    /** log p(x*, y) + (D T / 2) log 2 pi - (1/2) log det H. */
    public double logEvidence() {
        return logJoint + 0.5 * length * latentDim * LOG_2PI - 0.5 * precision.logDet();
    }
}
