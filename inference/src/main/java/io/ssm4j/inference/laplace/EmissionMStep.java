package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.math.Cholesky;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

import java.util.List;

/**
 * The emission M-step of Laplace-EM: for each neuron n separately, theta_n = (c_n, d_n) maximises the expected
 * log-likelihood under the Laplace posteriors q(x_t) = N(m_t, S_t) of all trials,
 * <pre>
 *   F_n(c, d) = sum_trials sum_{t: y_tn observed} E_q[log p(y_tn | c . x_t + d)],
 * </pre>
 * by Newton's method with a backtracking line search, from the current (c_n, d_n). For the Poisson exp link F_n
 * is exact and concave ({@link LognormalPoissonExpectation}); for the softplus and logistic links it is a
 * Gauss-Hermite quadrature on the projection c . x_t ({@link GaussHermiteExpectation}), and a Newton step whose
 * Hessian is not negative definite is damped (H - mu I, mu raised until the Cholesky factor exists).
 * Neurons run in parallel on the executor; the result does not depend on the thread count.
 */
final class EmissionMStep {
    static final int GAUSS_HERMITE_POINTS = 20;
    private static final int MAX_NEWTON = 50;
    private static final double GRADIENT_TOLERANCE = 1e-8;

    private final ProjectedExpectation expectation;

    EmissionMStep(EmissionFamily family) {
        this.expectation = family == EmissionFamily.POISSON_EXP ? new LognormalPoissonExpectation()
                : new GaussHermiteExpectation(family, GAUSS_HERMITE_POINTS);
    }

    /** New (C, d) as {C (N x D), d (N)}. */
    double[][] maximize(GeneralizedLinearDynamicalSystem model, List<TimeSeries> data, List<LaplacePosterior> posteriors,
                        TrialExecutor executor) {
        int n = model.obsDim(), d = model.latentDim(), e = d + 1;
        // padded moments per trial: m~_t = (m_t, 1) (T x e) and S~_t (T x e x e, last row and column zero)
        List<double[][]> padded = new java.util.ArrayList<>();
        for (LaplacePosterior q : posteriors) {
            int steps = q.length();
            double[] mt = new double[steps * e], st = new double[steps * e * e], m = q.mode(), cov = q.covariances();
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < d; i++) {
                    mt[t * e + i] = m[t * d + i];
                    System.arraycopy(cov, t * d * d + i * d, st, t * e * e + i * e, d);
                }
                mt[t * e + d] = 1.0;
            }
            padded.add(new double[][] {mt, st});
        }
        List<double[]> rows = executor.map(n, k -> neuron(model, data, padded, k));
        double[] c = new double[n * d], bias = new double[n];
        for (int k = 0; k < n; k++) {
            System.arraycopy(rows.get(k), 0, c, k * d, d);
            bias[k] = rows.get(k)[d];
        }
        return new double[][] {c, bias};
    }

    private double[] neuron(GeneralizedLinearDynamicalSystem model, List<TimeSeries> data, List<double[][]> posteriors, int k) {
        int d = model.latentDim(), e = d + 1;
        double[] theta = new double[e];
        System.arraycopy(model.emissionsView(), k * d, theta, 0, d);
        theta[d] = model.emissionBiasView()[k];
        double[] grad = new double[e], hess = new double[e * e], l = new double[e * e], step = new double[e], trial = new double[e];
        double f = objective(data, posteriors, k, theta, grad, hess);
        for (int iter = 0; iter < MAX_NEWTON; iter++) {
            double gmax = 0;
            for (double g : grad) gmax = Math.max(gmax, Math.abs(g));
            if (gmax <= GRADIENT_TOLERANCE * Math.max(1.0, Math.abs(f))) break;
            // solve (-H + mu I) step = grad with the smallest mu >= 0 (of 0, 1e-10 s, 1e-9 s, ...) that factors
            double scale = 0;
            for (int i = 0; i < e; i++) scale = Math.max(scale, Math.abs(hess[i * e + i]));
            double mu = 0;
            double[] neg = new double[e * e];
            while (true) {
                for (int i = 0; i < e * e; i++) neg[i] = -hess[i];
                for (int i = 0; i < e; i++) neg[i * e + i] += mu;
                if (Cholesky.factor(neg, e, l)) break;
                mu = mu == 0 ? 1e-10 * Math.max(scale, 1e-300) : mu * 10;
                if (!Double.isFinite(mu)) throw new IllegalStateException("emission M-step: no ascent direction for neuron " + k);
            }
            System.arraycopy(grad, 0, step, 0, e);
            Cholesky.solve(l, e, step);
            double slope = 0;
            for (int i = 0; i < e; i++) slope += grad[i] * step[i];
            double alpha = 1.0, fNew = Double.NEGATIVE_INFINITY;
            while (alpha > 1e-10) {
                for (int i = 0; i < e; i++) trial[i] = theta[i] + alpha * step[i];
                fNew = objective(data, posteriors, k, trial, null, null);
                if (fNew >= f + 1e-4 * alpha * slope) break;
                alpha *= 0.5;
            }
            if (!(fNew > f)) break; // no further ascent above rounding
            System.arraycopy(trial, 0, theta, 0, e);
            double previous = f;
            f = objective(data, posteriors, k, theta, grad, hess);
            if (f - previous <= 1e-14 * Math.abs(f)) break;
        }
        return theta;
    }

    /**
     * F_n(theta); when grad is non-null also writes its gradient and Hessian (grad, hess are overwritten).
     * moments holds per trial {m~ (T x e), S~ (T x e x e)}.
     */
    private double objective(List<TimeSeries> data, List<double[][]> moments, int k, double[] theta, double[] grad, double[] hess) {
        int e = theta.length, ee = e * e;
        double[] sc = new double[e], out = new double[6];
        if (grad != null) {
            java.util.Arrays.fill(grad, 0.0);
            java.util.Arrays.fill(hess, 0.0);
        }
        double total = 0;
        for (int r = 0; r < data.size(); r++) {
            TimeSeries y = data.get(r);
            double[] m = moments.get(r)[0], s = moments.get(r)[1], yv = y.valuesView();
            boolean[] mask = y.maskView();
            int n = y.dim();
            for (int t = 0; t < y.length(); t++) {
                if (mask != null && !mask[t * n + k]) continue;
                int mo = t * e, so = t * ee;
                double mu = 0, v = 0;
                for (int i = 0; i < e; i++) {
                    mu += theta[i] * m[mo + i];
                    double acc = 0;
                    for (int j = 0; j < e; j++) acc += s[so + i * e + j] * theta[j];
                    sc[i] = acc;
                    v += theta[i] * acc;
                }
                expectation.evaluate(yv[t * n + k], mu, v, out);
                total += out[0];
                if (grad == null) continue;
                double alpha = out[1], beta = out[2], gamma = out[3], delta = out[4], eps = out[5];
                for (int i = 0; i < e; i++) {
                    double mi = m[mo + i], si = sc[i];
                    grad[i] += alpha * mi + beta * si;
                    double gi = gamma * mi + delta * si, di = delta * mi + eps * si;
                    for (int j = 0; j <= i; j++) {
                        hess[i * e + j] += gi * m[mo + j] + di * sc[j] + beta * s[so + i * e + j];
                    }
                }
            }
        }
        if (grad != null) {
            for (int i = 0; i < e; i++) for (int j = 0; j < i; j++) hess[j * e + i] = hess[i * e + j];
        }
        return total;
    }
}
