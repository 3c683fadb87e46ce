package io.ssm4j.inference.kalman;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Gemm;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import io.ssm4j.models.lds.MatrixSequence;

import java.util.Arrays;

/**
 * The filtering elements of one step and their associative operator (Sarkka and Garcia-Fernandez 2021,
 * "Temporal parallelization of Bayesian smoothers", IEEE TAC 66(1), Lemmas 7-8), with workspaces sized once.
 *
 * <p>Element of step t &gt;= 1, given x_{t-1}: with F = A_{t-1}, f = B u_{t-1} + b, Q = Q_{t-1}, the observed rows
 * H = C_t^o, r = y_t^o - d^o - D^o u_t, S = H Q H^T + R_t^oo = L L^T, G = L^{-1} H, w = L^{-1} (r - H f):
 * <pre>
 *   A = F - (G Q)^T (G F)     (= (I - K H) F,  K = Q H^T S^{-1})
 *   b = f + (G Q)^T w         (= f + K (r - H f))
 *   C = Q - (G Q)^T (G Q)     (= (I - K H) Q)
 *   eta = (G F)^T w           (= F^T H^T S^{-1} (r - H f))
 *   J = (G F)^T (G F)         (= F^T H^T S^{-1} H F)
 * </pre>
 * and a step with no observed entry is (F, f, Q, 0, 0). The operator, element i before element j, with
 * M = (I + C_i J_j)^{-1} (an LU solve, never an inverse):
 * <pre>
 *   A_ij = A_j M A_i,                     b_ij = A_j M (b_i + C_i eta_j) + b_j,
 *   C_ij = A_j M C_i A_j^T + C_j,         eta_ij = (M A_i)^T (eta_j - J_j b_i) + eta_i,
 *   J_ij = (M A_i)^T J_j A_i + J_i
 * </pre>
 * using (I + J_j C_i)^{-1} = M^T for symmetric C_i, J_j. Not thread-safe: one operator per worker.
 */
final class FilteringOperator {
    private final int d;
    private final int n;
    private final int[] rows;
    private final double[] h;
    private final double[] s;
    private final double[] chol;
    private final double[] offset;
    private final double[] f;
    private final double[] w;
    private final double[] gq;
    private final double[] gf;
    private final double[] wMat;
    private final double[] xa;
    private final double[] xc;
    private final double[] xv;
    private final double[] tmp;
    private final double[] vec;
    private final LuSolver lu;

    FilteringOperator(int d, int n) {
        this.d = d;
        this.n = n;
        rows = new int[n];
        h = new double[n * d];
        s = new double[n * n];
        chol = new double[n * n];
        offset = new double[n];
        f = new double[d];
        w = new double[n];
        gq = new double[n * d];
        gf = new double[n * d];
        wMat = new double[d * d];
        xa = new double[d * d];
        xc = new double[d * d];
        xv = new double[d];
        tmp = new double[d * d];
        vec = new double[d];
        lu = new LuSolver(d);
    }

    /** Writes the element of step t (1 &lt;= t &lt; T), conditioned on x_{t-1}, into out. */
    void stepElement(LinearGaussianStateSpaceModel model, double[] y, boolean[] mask, double[] u, int t,
                     FilteringElement out) {
        MatrixSequence as = model.dynamics(), qs = model.dynamicsCovariance();
        double[] fm = as.view(), q = qs.view();
        int fo = as.offset(t - 1), qo = qs.offset(t - 1), dd = d * d;
        Arrays.fill(f, 0.0);
        model.addDynamicsOffset(u, t - 1, f, 0);
        int k = 0;
        for (int i = 0; i < n; i++) if (mask == null || mask[t * n + i]) rows[k++] = i;
        if (k == 0) {
            System.arraycopy(fm, fo, out.a, 0, dd);
            System.arraycopy(f, 0, out.b, 0, d);
            System.arraycopy(q, qo, out.c, 0, dd);
            Arrays.fill(out.eta, 0.0);
            Arrays.fill(out.j, 0.0);
            return;
        }
        MatrixSequence cs = model.emissions(), rs = model.emissionCovariance();
        double[] c = cs.view(), r = rs.view();
        int cOff = cs.offset(t), rOff = rs.offset(t);
        model.emissionOffset(u, t, offset, 0);
        for (int i = 0; i < k; i++) {
            System.arraycopy(c, cOff + rows[i] * d, h, i * d, d);
            double pred = offset[rows[i]];
            for (int j = 0; j < d; j++) pred += h[i * d + j] * f[j];
            w[i] = y[t * n + rows[i]] - pred;
        }
        MatrixOps.mul(h, 0, q, qo, gq, 0, k, d, d);
        MatrixOps.mulTransB(gq, 0, h, 0, s, 0, k, d, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) s[i * k + j] += r[rOff + rows[i] * n + rows[j]];
        }
        if (!Cholesky.factor(s, k, chol)) {
            throw new IllegalStateException("parallel Kalman filter: C Q C^T + R is not positive definite at t=" + t);
        }
        Gemm.solveLowerRows(chol, 0, h, 0, k, d);
        MatrixOps.solveLower(chol, 0, w, 0, k);
        MatrixOps.mul(h, 0, q, qo, gq, 0, k, d, d);
        MatrixOps.mul(h, 0, fm, fo, gf, 0, k, d, d);
        MatrixOps.mulTransA(gq, 0, gf, 0, out.a, 0, d, k, d);
        for (int i = 0; i < dd; i++) out.a[i] = fm[fo + i] - out.a[i];
        MatrixOps.mulTransA(gq, 0, gq, 0, out.c, 0, d, k, d);
        for (int i = 0; i < dd; i++) out.c[i] = q[qo + i] - out.c[i];
        MatrixOps.symmetrize(out.c, 0, d);
        MatrixOps.mulTransA(gf, 0, gf, 0, out.j, 0, d, k, d);
        MatrixOps.symmetrize(out.j, 0, d);
        MatrixOps.mulTransA(gf, 0, w, 0, out.eta, 0, d, k, 1);
        MatrixOps.mulTransA(gq, 0, w, 0, out.b, 0, d, k, 1);
        for (int i = 0; i < d; i++) out.b[i] += f[i];
    }

    /**
     * out = first (x) second, first covering the earlier steps. out must be neither input.
     *
     * @throws IllegalStateException when I + C_i J_j is numerically singular
     */
    void combine(FilteringElement first, FilteringElement second, FilteringElement out) {
        int dd = d * d;
        MatrixOps.mul(first.c, 0, second.j, 0, wMat, 0, d, d, d);
        for (int i = 0; i < d; i++) wMat[i * d + i] += 1.0;
        if (!lu.factor(wMat, 0)) {
            throw new IllegalStateException("parallel Kalman filter: I + C_i J_j is singular in the scan");
        }
        System.arraycopy(first.a, 0, xa, 0, dd);
        lu.solve(xa, 0, d);
        System.arraycopy(first.c, 0, xc, 0, dd);
        lu.solve(xc, 0, d);
        System.arraycopy(first.b, 0, xv, 0, d);
        MatrixOps.mulVecAdd(first.c, 0, second.eta, 0, xv, 0, d, d);
        lu.solve(xv, 0, 1);

        MatrixOps.mul(second.a, 0, xa, 0, out.a, 0, d, d, d);
        MatrixOps.mulVec(second.a, 0, xv, 0, out.b, 0, d, d);
        for (int i = 0; i < d; i++) out.b[i] += second.b[i];
        MatrixOps.mul(second.a, 0, xc, 0, tmp, 0, d, d, d);
        MatrixOps.mulTransB(tmp, 0, second.a, 0, out.c, 0, d, d, d);
        for (int i = 0; i < dd; i++) out.c[i] += second.c[i];
        MatrixOps.symmetrize(out.c, 0, d);

        System.arraycopy(second.eta, 0, vec, 0, d);
        for (int i = 0; i < d; i++) {
            double sum = 0.0;
            for (int j = 0; j < d; j++) sum += second.j[i * d + j] * first.b[j];
            vec[i] -= sum;
        }
        MatrixOps.mulTransA(xa, 0, vec, 0, out.eta, 0, d, d, 1);
        for (int i = 0; i < d; i++) out.eta[i] += first.eta[i];
        MatrixOps.mul(second.j, 0, first.a, 0, tmp, 0, d, d, d);
        MatrixOps.mulTransA(xa, 0, tmp, 0, out.j, 0, d, d, d);
        for (int i = 0; i < dd; i++) out.j[i] += first.j[i];
        MatrixOps.symmetrize(out.j, 0, d);
    }
}
