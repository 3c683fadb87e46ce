package io.ssm4j.inference.kalman;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Gemm;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import io.ssm4j.models.lds.MatrixSequence;

/**
 * The Kalman measurement update of one step, on the observed rows o of y_t only, with workspaces sized once:
 * <pre>
 *   r = y_t^o - C^o m - d^o - D^o u_t,   S = C^o P C^o^T + R^oo = L L^T,   w = L^{-1} r,
 *   G^T = L^{-1} C^o P,   m_f = m + G w,   log N(y_t^o) = -1/2 (|o| log 2 pi + log det S + |w|^2)
 * </pre>
 * with the covariance update chosen by {@link CovarianceUpdate}. Keeps L, G^T and log det S of the last full
 * update so the steady-state filter can reuse them ({@link #freeze}).
 */
final class MeasurementUpdate {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int d;
    private final int n;
    private final int[] rows;
    private final double[] co;
    final double[] gT;
    final double[] chol;
    private final double[] s;
    private final double[] w;
    private final double[] offset;
    private final double[] kT;
    private final double[] m;
    private final double[] tmp;
    private final double[] kr;
    private final double[] work;
    double logDet;
    int observed;

    MeasurementUpdate(int d, int n) {
        this.d = d;
        this.n = n;
        rows = new int[n];
        co = new double[n * d];
        gT = new double[n * d];
        chol = new double[n * n];
        s = new double[n * n];
        w = new double[n];
        offset = new double[n];
        kT = new double[n * d];
        m = new double[d * d];
        tmp = new double[d * d];
        kr = new double[n * d];
        work = new double[n * d];
    }

    /**
     * Updates the predicted (m at mo, P at po) into the filtered (mf at fo, Pf at pfo) for step t.
     *
     * @return log N(y_t^o; predicted), 0 when no entry of y_t is observed
     */
    double update(LinearGaussianStateSpaceModel model, double[] y, boolean[] mask, double[] u, int t,
                  double[] mean, int mo, double[] cov, int po, double[] mf, int fo, double[] pf, int pfo,
                  CovarianceUpdate form) {
        int k = 0;
        for (int i = 0; i < n; i++) if (mask == null || mask[t * n + i]) rows[k++] = i;
        observed = k;
        if (k == 0) {
            System.arraycopy(mean, mo, mf, fo, d);
            System.arraycopy(cov, po, pf, pfo, d * d);
            return 0.0;
        }
        MatrixSequence cs = model.emissions(), rs = model.emissionCovariance();
        double[] c = cs.view(), r = rs.view();
        int cOff = cs.offset(t), rOff = rs.offset(t);
        model.emissionOffset(u, t, offset, 0);
        for (int i = 0; i < k; i++) {
            System.arraycopy(c, cOff + rows[i] * d, co, i * d, d);
            double pred = offset[rows[i]];
            for (int j = 0; j < d; j++) pred += co[i * d + j] * mean[mo + j];
            w[i] = y[t * n + rows[i]] - pred;
        }
        Gemm.mul(co, 0, cov, po, gT, 0, k, d, d);
        Gemm.mulTransB(gT, 0, co, 0, s, 0, k, d, k, work);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) s[i * k + j] += r[rOff + rows[i] * n + rows[j]];
        }
        if (!Cholesky.factor(s, k, chol)) {
            throw new IllegalStateException("Kalman filter: innovation covariance S_t = C P C^T + R is not positive "
                    + "definite at t=" + t + " (try CovarianceUpdate.JOSEPH, or check Q, R, P0)");
        }
        logDet = Cholesky.logDet(chol, k);
        MatrixOps.solveLower(chol, 0, w, 0, k);
        Gemm.solveLowerRows(chol, 0, gT, 0, k, d);
        double quad = 0.0;
        for (int i = 0; i < k; i++) quad += w[i] * w[i];
        System.arraycopy(mean, mo, mf, fo, d);
        for (int i = 0; i < k; i++) {
            double wi = w[i];
            for (int j = 0; j < d; j++) mf[fo + j] += gT[i * d + j] * wi;
        }
        if (form == CovarianceUpdate.STANDARD) {
            Gemm.mulTransA(gT, 0, gT, 0, tmp, 0, d, k, d, work);
            for (int i = 0; i < d * d; i++) pf[pfo + i] = cov[po + i] - tmp[i];
        } else {
            joseph(r, rOff, cov, po, pf, pfo, k);
        }
        MatrixOps.symmetrize(pf, pfo, d);
        return -0.5 * (k * LOG_2PI + logDet + quad);
    }

    /** P_f = (I - K C) P (I - K C)^T + K R K^T with K^T = L^{-T} G^T. */
    private void joseph(double[] r, int rOff, double[] cov, int po, double[] pf, int pfo, int k) {
        System.arraycopy(gT, 0, kT, 0, k * d);
        MatrixOps.solveUpperTransposedRows(chol, 0, kT, 0, k, d);
        MatrixOps.mulTransA(kT, 0, co, 0, m, 0, d, k, d);
        for (int i = 0; i < d * d; i++) m[i] = -m[i];
        for (int i = 0; i < d; i++) m[i * d + i] += 1.0;
        MatrixOps.mul(m, 0, cov, po, tmp, 0, d, d, d);
        MatrixOps.mulTransB(tmp, 0, m, 0, pf, pfo, d, d, d);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0.0;
                for (int l = 0; l < k; l++) sum += r[rOff + rows[i] * n + rows[l]] * kT[l * d + j];
                kr[i * d + j] = sum;
            }
        }
        MatrixOps.mulTransA(kT, 0, kr, 0, tmp, 0, d, k, d);
        for (int i = 0; i < d * d; i++) pf[pfo + i] += tmp[i];
    }

    /** The steady-state step that reuses L, G^T and log det S of the last full update. */
    SteadyStep freeze(LinearGaussianStateSpaceModel model) { return SteadyStep.of(model, chol, gT, logDet); }
}
