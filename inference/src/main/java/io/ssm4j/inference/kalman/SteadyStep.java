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
    private final double[] lInv;
    private final double[] lInvC;
    private final double[] gT;
    private final double logDet;
    private final double[] r;
    private final double[] w;

    private SteadyStep(LinearGaussianStateSpaceModel model, double[] lInv, double[] lInvC, double[] gT, double logDet) {
        this.model = model;
        this.lInv = lInv;
        this.lInvC = lInvC;
        this.gT = gT;
        this.logDet = logDet;
        int n = model.obsDim();
        r = new double[n];
        w = new double[n];
    }

    /**
     * The steady step of the last full update (L, G^T and log det S of a fully observed step; copied, so later
     * updates don't change it). L^{-1} and L^{-1} C are formed once, so that a step's whitening
     * w = L^{-1} (y_t - d - D u_t) - (L^{-1} C) m is independent dot products rather than a serial substitution.
     */
    static SteadyStep of(LinearGaussianStateSpaceModel model, double[] chol, double[] gT, double logDet) {
        int n = model.obsDim(), d = model.latentDim();
        double[] lInv = new double[n * n], lInvC = new double[n * d];
        for (int i = 0; i < n; i++) lInv[i * n + i] = 1.0;
        MatrixOps.solveLowerRows(chol, 0, lInv, 0, n, n);
        MatrixOps.mul(lInv, 0, model.emissions().view(), 0, lInvC, 0, n, n, d);
        return new SteadyStep(model, lInv, lInvC, gT.clone(), logDet);
    }

    /** The same gain with its own scratch vectors. */
    SteadyStep forWorker() { return new SteadyStep(model, lInv, lInvC, gT, logDet); }

    /** m_{t|t} (into mf at fo) from m_{t|t-1} (mean at mo); returns log N(y_t; predicted). */
    double update(double[] y, double[] u, int t, double[] mean, int mo, double[] mf, int fo) {
        int d = model.latentDim(), n = model.obsDim();
        model.emissionOffset(u, t, r, 0);
        for (int i = 0; i < n; i++) r[i] = y[t * n + i] - r[i];
        double quad = 0.0;
        for (int i = 0; i < n; i++) {
            double wi = 0.0;
            int li = i * n, ci = i * d;
            for (int j = 0; j <= i; j++) wi += lInv[li + j] * r[j];
            for (int j = 0; j < d; j++) wi -= lInvC[ci + j] * mean[mo + j];
            w[i] = wi;
            quad += wi * wi;
        }
        System.arraycopy(mean, mo, mf, fo, d);
        for (int i = 0; i < n; i++) {
            double wi = w[i];
            for (int j = 0; j < d; j++) mf[fo + j] += gT[i * d + j] * wi;
        }
        return -0.5 * (n * LOG_2PI + logDet + quad);
    }

    /** m_{t+1|t} = A m_{t|t} + B u_t + b into out at oo. */
    void predict(double[] u, int t, double[] mf, int fo, double[] out, int oo) {
        int d = model.latentDim();
        MatrixOps.mulVec(model.dynamics().view(), 0, mf, fo, out, oo, d, d);
        model.addDynamicsOffset(u, t, out, oo);
    }
}
