package io.ssm4j.inference.kalman;

import io.ssm4j.math.MatrixOps;

/**
 * One element of the parallel RTS smoother's associative scan (Sarkka and Garcia-Fernandez 2021, "Temporal
 * parallelization of Bayesian smoothers", IEEE TAC 66(1), sec. V): for a run of steps s..e-1 the backward
 * conditional p(x_s | x_e, y_{1:e-1}) = N(x_s; E x_e + g, L). The element of one step t is
 * <pre>
 *   E_t = J_t = P_{t|t} A_t^T P_{t+1|t}^{-1},   g_t = m_{t|t} - J_t m_{t+1|t},   L_t = P_{t|t} - J_t A_t P_{t|t}
 * </pre>
 * (L_t = P_{t|t} - J_t P_{t+1|t} J_t^T), and the operator, element t before the run it precedes, is
 * <pre>
 *   E' = E_t E,   g' = E_t g + g_t = m_{t|t} + J_t (g - m_{t+1|t}),   L' = E_t L E_t^T + L_t.
 * </pre>
 * A smoothed state N(m, P) of x_e gives N(E m + g, E P E^T + L) for x_s ({@link #apply}). Workspace sized once;
 * not thread-safe.
 */
final class SmoothingElement {
    private final int d;
    final double[] e;
    final double[] g;
    final double[] l;
    private final double[] eNext;
    private final double[] gNext;
    private final double[] tmp;

    SmoothingElement(int d) {
        this.d = d;
        e = new double[d * d];
        g = new double[d];
        l = new double[d * d];
        eNext = new double[d * d];
        gNext = new double[d];
        tmp = new double[d * d];
    }

    /**
     * This element becomes the element of step t alone, from the transposed gain J_t^T (at jo), the filtered mean
     * m_{t|t} (at mo), the predicted mean m_{t+1|t} (at po) and L_t (at lo).
     */
    void setStep(double[] jT, int jo, double[] mf, int mo, double[] mp, int po, double[] lt, int lo) {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) e[i * d + j] = jT[jo + j * d + i];
        }
        System.arraycopy(mf, mo, g, 0, d);
        for (int i = 0; i < d; i++) {
            double s = 0.0;
            for (int j = 0; j < d; j++) s += e[i * d + j] * mp[po + j];
            g[i] -= s;
        }
        System.arraycopy(lt, lo, l, 0, d * d);
    }

    /** Prepends the step element (J_t^T at jo, m_{t|t}, m_{t+1|t}, L_t) to this element: this := step (x) this. */
    void prepend(double[] jT, int jo, double[] mf, int mo, double[] mp, int po, double[] lt, int lo) {
        int dd = d * d;
        MatrixOps.mulTransA(jT, jo, e, 0, eNext, 0, d, d, d);
        System.arraycopy(eNext, 0, e, 0, dd);
        for (int i = 0; i < d; i++) gNext[i] = g[i] - mp[po + i];
        MatrixOps.mulTransA(jT, jo, gNext, 0, g, 0, d, d, 1);
        for (int i = 0; i < d; i++) g[i] += mf[mo + i];
        MatrixOps.mulTransA(jT, jo, l, 0, tmp, 0, d, d, d);
        MatrixOps.mul(tmp, 0, jT, jo, l, 0, d, d, d);
        for (int i = 0; i < dd; i++) l[i] += lt[lo + i];
        MatrixOps.symmetrize(l, 0, d);
    }

    /** (mean, cov) of x_s from those of x_e: mean = E m + g, cov = E P E^T + L (outputs must not alias inputs). */
    void apply(double[] m, double[] p, double[] meanOut, double[] covOut) {
        MatrixOps.mulVec(e, 0, m, 0, meanOut, 0, d, d);
        for (int i = 0; i < d; i++) meanOut[i] += g[i];
        MatrixOps.mul(e, 0, p, 0, tmp, 0, d, d, d);
        MatrixOps.mulTransB(tmp, 0, e, 0, covOut, 0, d, d, d);
        for (int i = 0; i < d * d; i++) covOut[i] += l[i];
        MatrixOps.symmetrize(covOut, 0, d);
    }
}
