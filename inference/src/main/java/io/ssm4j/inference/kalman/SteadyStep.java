package io.ssm4j.inference.kalman;

import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

/**
 * One step of the steady-state Kalman filter: for a time-invariant model on fully observed data, once
 * P_{t|t-1} has converged the Cholesky factor L of S = C P C^T + R and G^T = L^{-1} C P are fixed, and a step is
 * <pre>
 *   w = L^{-1} (y_t - C m_{t|t-1} - d - D u_t),   m_{t|t} = m_{t|t-1} + G w,
 *   log N(y_t; C m_{t|t-1} + ..., S) = -1/2 (N log 2 pi + log det S + |w|^2),
 *   m_{t+1|t} = A m_{t|t} + B u_t + b
 * </pre>
 * (Durbin and Koopman 2012, "Time Series Analysis by State Space Methods", sec. 4.3.4). The gain arrays are
 * shared read-only; the scratch vectors are per instance, so each worker takes its own {@link #forWorker()}.
 */
final class SteadyStep {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final LinearGaussianStateSpaceModel model;
    private final double[] chol;
    private final double[] gT;
    private final double logDet;
    private final double[] w;
    private final double[] offset;

    private SteadyStep(LinearGaussianStateSpaceModel model, double[] chol, double[] gT, double logDet) {
        this.model = model;
        this.chol = chol;
        this.gT = gT;
        this.logDet = logDet;
        int n = model.obsDim();
        w = new double[n];
        offset = new double[n];
    }

    /** The steady step of the last full update (L, G^T and log det S copied, so later updates don't change it). */
    static SteadyStep of(LinearGaussianStateSpaceModel model, double[] chol, double[] gT, double logDet) {
        return new SteadyStep(model, chol.clone(), gT.clone(), logDet);
    }

    /** The same gain with its own scratch vectors. */
    SteadyStep forWorker() { return new SteadyStep(model, chol, gT, logDet); }

    /** m_{t|t} (into mf at fo) from m_{t|t-1} (mean at mo); returns log N(y_t; predicted). */
    double update(double[] y, double[] u, int t, double[] mean, int mo, double[] mf, int fo) {
        int d = model.latentDim(), n = model.obsDim();
        double[] c = model.emissions().view();
        model.emissionOffset(u, t, offset, 0);
        for (int i = 0; i < n; i++) {
            double pred = offset[i];
            int ci = i * d;
            for (int j = 0; j < d; j++) pred += c[ci + j] * mean[mo + j];
            w[i] = y[t * n + i] - pred;
        }
        double quad = whitenAndAdd(chol, gT, w, n, d, mean, mo, mf, fo);
        return -0.5 * (n * LOG_2PI + logDet + quad);
    }

    /**
     * The shared end of a measurement update with k observed rows: w := L^{-1} r in place, m_f = m + G w (G^T k x d
     * at gT); returns |w|^2.
     */
    static double whitenAndAdd(double[] chol, double[] gT, double[] w, int k, int d, double[] mean, int mo,
                               double[] mf, int fo) {
        MatrixOps.solveLower(chol, 0, w, 0, k);
        double quad = 0.0;
        for (int i = 0; i < k; i++) quad += w[i] * w[i];
        System.arraycopy(mean, mo, mf, fo, d);
        for (int i = 0; i < k; i++) {
            double wi = w[i];
            for (int j = 0; j < d; j++) mf[fo + j] += gT[i * d + j] * wi;
        }
        return quad;
    }

    /** m_{t+1|t} = A m_{t|t} + B u_t + b into out at oo. */
    void predict(double[] u, int t, double[] mf, int fo, double[] out, int oo) {
        int d = model.latentDim();
        MatrixOps.mulVec(model.dynamics().view(), 0, mf, fo, out, oo, d, d);
        model.addDynamicsOffset(u, t, out, oo);
    }
}
