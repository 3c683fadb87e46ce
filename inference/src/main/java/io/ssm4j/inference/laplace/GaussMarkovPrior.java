package io.ssm4j.inference.laplace;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

/**
 * The Gaussian chain prior x_1 ~ N(m0, P0), x_{t+1} ~ N(A x_t + b, Q) of length T as a function of the whole
 * path x (T x D): its log density, gradient and (constant) negative Hessian, the block-tridiagonal precision
 * <pre>
 *   J_11 = P0^{-1} + A^T Q^{-1} A,   J_tt = Q^{-1} + A^T Q^{-1} A (1 &lt; t &lt; T),   J_TT = Q^{-1},   J_{t+1,t} = -Q^{-1} A
 * </pre>
 * (Paninski et al. 2010, "A new look at state-space models for neural data", sec. 2). The gradient uses the
 * residuals e = P0^{-1}(x_1 - m0), r_t = Q^{-1}(x_{t+1} - A x_t - b):
 * grad_1 = -e + A^T r_1, grad_t = -r_{t-1} + A^T r_t, grad_T = -r_{T-1}.
 * Q^{-1} and P0^{-1} are formed once per model (D x D), never per step.
 */
final class GaussMarkovPrior {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int dim;
    private final double[] a;
    private final double[] b;
    private final double[] m0;
    private final double[] qInv;
    private final double[] p0Inv;
    private final double[] qInvA;
    private final double[] atQInvA;
    private final double logDetQ;
    private final double logDetP0;

    GaussMarkovPrior(GeneralizedLinearDynamicalSystem model) {
        dim = model.latentDim();
        int dd = dim * dim;
        a = model.dynamicsView();
        b = model.biasView();
        m0 = model.initialMeanView();
        double[] l = new double[dd];
        Cholesky.factorOrThrow(model.dynamicsCovarianceView(), dim, l, "Q");
        logDetQ = Cholesky.logDet(l, dim);
        qInv = new double[dd];
        Cholesky.inverse(l, dim, qInv);
        Cholesky.factorOrThrow(model.initialCovarianceView(), dim, l, "P0");
        logDetP0 = Cholesky.logDet(l, dim);
        p0Inv = new double[dd];
        Cholesky.inverse(l, dim, p0Inv);
        qInvA = new double[dd];
        MatrixOps.mul(qInv, 0, a, 0, qInvA, 0, dim, dim, dim);
        atQInvA = new double[dd];
        MatrixOps.mulTransA(a, 0, qInvA, 0, atQInvA, 0, dim, dim, dim);
        Cholesky.symmetrize(atQInvA, dim);
    }

    /** Writes the precision J: diagonal blocks (T x D x D) and sub-diagonal blocks J_{t+1,t} ((T-1) x D x D). */
    void precision(int steps, double[] diagonal, double[] lower) {
        int dd = dim * dim;
        for (int t = 0; t < steps; t++) {
            double[] own = t == 0 ? p0Inv : qInv;
            for (int i = 0; i < dd; i++) diagonal[t * dd + i] = own[i] + (t < steps - 1 ? atQInvA[i] : 0.0);
            if (t < steps - 1) for (int i = 0; i < dd; i++) lower[t * dd + i] = -qInvA[i];
        }
    }

    /**
     * log p(x); when grad is non-null, adds d log p / dx to it.
     *
     * @param x T x D path
     */
    double logDensity(double[] x, int steps, double[] grad) {
        int d = dim;
        double[] res = new double[d], scaled = new double[d];
        for (int i = 0; i < d; i++) res[i] = x[i] - m0[i];
        MatrixOps.mulVec(p0Inv, 0, res, 0, scaled, 0, d, d);
        double quad = dot(res, scaled);
        if (grad != null) for (int i = 0; i < d; i++) grad[i] -= scaled[i];
        for (int t = 1; t < steps; t++) {
            MatrixOps.mulVec(a, 0, x, (t - 1) * d, res, 0, d, d);
            for (int i = 0; i < d; i++) res[i] = x[t * d + i] - res[i] - b[i];
            MatrixOps.mulVec(qInv, 0, res, 0, scaled, 0, d, d);
            quad += dot(res, scaled);
            if (grad != null) {
                for (int i = 0; i < d; i++) grad[t * d + i] -= scaled[i];
                for (int j = 0; j < d; j++) {
                    double sj = scaled[j];
                    for (int i = 0; i < d; i++) grad[(t - 1) * d + i] += a[j * d + i] * sj;
                }
            }
        }
        return -0.5 * (quad + logDetP0 + (steps - 1) * logDetQ + (double) steps * d * LOG_2PI);
    }

    private static double dot(double[] u, double[] v) {
        double s = 0.0;
        for (int i = 0; i < u.length; i++) s += u[i] * v[i];
        return s;
    }
}
