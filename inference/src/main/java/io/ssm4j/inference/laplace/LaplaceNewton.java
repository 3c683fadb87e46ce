package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.kalman.BlockTridiagonal;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

/**
 * Newton's method for the mode of the log-concave log p(x, y) = log p(x) + sum log p(y_tn | c_n . x_t + d_n):
 * <pre>
 *   x &lt;- x + alpha H(x)^{-1} grad(x),   H(x) = J + blockdiag(C^T W_t(x) C)
 * </pre>
 * with H factored as a block-tridiagonal matrix in O(T D^3) ({@link BlockTridiagonal}) and alpha from a
 * backtracking (Armijo) line search, alpha = 1, beta, beta^2, ... until log p rises by at least
 * armijo alpha grad . step (Boyd and Vandenberghe 2004, "Convex Optimization", sec. 9.5). Once the Newton decrement
 * grad . H^{-1} grad falls below what log p can resolve (objectiveTolerance * |log p|), the line search can no
 * longer judge a step, so full steps are taken (the quadratic-convergence phase). Stops when the largest
 * gradient entry falls to the tolerance, when full steps stop shrinking it (the rounding floor), or, when asked,
 * when half the Newton decrement falls below {@link LaplaceOptions#decrementTolerance()}.
 */
final class LaplaceNewton {
    private static final double MIN_STEP = 1e-10;

    private LaplaceNewton() {}

    static LaplacePosterior run(GeneralizedLinearDynamicalSystem model, TimeSeries y, double[] start, LaplaceOptions options) {
        int steps = y.length(), d = model.latentDim(), dd = d * d;
        if (start != null && start.length != steps * d) {
            throw new IllegalArgumentException("start: expected T x D = " + steps + " x " + d + " values, got " + start.length);
        }
        GaussMarkovPrior prior = new GaussMarkovPrior(model);
        GlmEmissionTerms emissions = new GlmEmissionTerms(model, y);
        double[] priorDiag = new double[steps * dd], lower = new double[(steps - 1) * dd];
        prior.precision(steps, priorDiag, lower);
        double[] x = start == null ? new double[steps * d] : start.clone();
        double[] grad = new double[steps * d], diag = new double[steps * dd], trial = new double[steps * d];
        double f, gradNorm, previousGradNorm = Double.POSITIVE_INFINITY;
        BlockTridiagonal factor;
        boolean converged = false, quadraticRegime = false;
        int iter = 0;
        while (true) {
            java.util.Arrays.fill(grad, 0.0);
            System.arraycopy(priorDiag, 0, diag, 0, diag.length);
            f = prior.logDensity(x, steps, grad) + emissions.accumulate(x, grad, diag);
            if (!Double.isFinite(f)) {
                throw new IllegalStateException("Laplace Newton: log p(x, y) is " + f + " at iteration " + iter
                        + " (start from a finite point)");
            }
            gradNorm = maxAbs(grad);
            factor = BlockTridiagonal.factor(diag, lower, steps, d);
            if (gradNorm <= options.gradientTolerance() || (quadraticRegime && gradNorm >= previousGradNorm)) {
                converged = true; // at the tolerance, or full Newton steps no longer shrink the gradient (rounding floor)
                break;
            }
            if (iter == options.maxIterations()) break;
            double[] step = factor.solve(grad);
            double decrement = 0.0;
            for (int i = 0; i < step.length; i++) decrement += grad[i] * step[i];
            if (decrement / 2 <= options.decrementTolerance()) {
                converged = true;
                break;
            }
            double floor = options.objectiveTolerance() * Math.max(1.0, Math.abs(f));
            iter++;
            previousGradNorm = gradNorm;
            if (decrement <= floor) {
                // the predicted gain is below what log p can resolve: a line search cannot judge it, and in this
                // quadratic regime the full Newton step is the right one
                quadraticRegime = true;
                for (int i = 0; i < x.length; i++) x[i] += step[i];
                continue;
            }
            double alpha = 1.0, fNew = Double.NEGATIVE_INFINITY;
            while (alpha >= MIN_STEP) {
                for (int i = 0; i < x.length; i++) trial[i] = x[i] + alpha * step[i];
                fNew = prior.logDensity(trial, steps, null) + emissions.logLikelihood(trial);
                if (fNew >= f + options.armijo() * alpha * decrement) break;
                alpha *= options.shrink();
            }
            if (!(fNew >= f)) break; // no ascent along the Newton direction above the noise: stop, not converged
            System.arraycopy(trial, 0, x, 0, x.length);
        }
        BlockTridiagonal.BandInverse band = factor.bandInverse();
        return new LaplacePosterior(steps, d, x, factor, band.diagonal(), band.lower(), f, iter, gradNorm, converged);
    }

    private static double maxAbs(double[] v) {
        double m = 0.0;
        for (double e : v) m = Math.max(m, Math.abs(e));
        return m;
    }
}
