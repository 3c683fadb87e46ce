package io.ssm4j.inference.laplace;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;

/**
 * Expected sufficient statistics of the Gaussian dynamics x_1 ~ N(m0, P0), x_{t+1} ~ N(A x_t + b, Q) under a
 * Gaussian posterior q(x) with means m_t, covariances S_t and cross-covariances V_{t+1,t}, summed over steps and
 * trials, and the closed-form M-step on them (Shumway and Stoffer 1982; Ghahramani and Hinton 1996, "Parameter
 * estimation for linear dynamical systems"). With z_t = [x_t; 1]:
 * <pre>
 *   [A b] = (sum_t E[x_{t+1} z_t^T]) (sum_t E[z_t z_t^T])^{-1}
 *   Q     = (sum_t E[x_{t+1} x_{t+1}^T] - [A b] sum_t E[z_t x_{t+1}^T]) / (number of transitions)
 *   m0    = mean over trials of m_1,   P0 = mean over trials of E[x_1 x_1^T] - m0 m0^T
 * </pre>
 * A value that adds ({@link #plus}), so trials can be reduced in any grouping.
 */
public final class DynamicsStatistics {
    private final int dim;
    /** sum E[z_t z_t^T] over t &lt; T, (D+1) x (D+1). */
    private final double[] zz;
    /** sum E[x_{t+1} z_t^T], D x (D+1). */
    private final double[] xz;
    /** sum E[x_{t+1} x_{t+1}^T], D x D. */
    private final double[] xx;
    private final double transitions;
    private final double[] first;
    private final double[] firstSecond;
    private final double trials;

    private DynamicsStatistics(int dim, double[] zz, double[] xz, double[] xx, double transitions, double[] first,
                               double[] firstSecond, double trials) {
        this.dim = dim;
        this.zz = zz;
        this.xz = xz;
        this.xx = xx;
        this.transitions = transitions;
        this.first = first;
        this.firstSecond = firstSecond;
        this.trials = trials;
    }

    /** The empty element of {@link #plus}. */
    public static DynamicsStatistics empty(int dim) {
        int e = dim + 1;
        return new DynamicsStatistics(dim, new double[e * e], new double[dim * e], new double[dim * dim], 0,
                new double[dim], new double[dim * dim], 0);
    }

    /** The statistics of one trial's posterior. */
    public static DynamicsStatistics of(LaplacePosterior q) {
        return of(q.mode(), q.covariances(), q.crossCovariances(), q.length(), q.latentDim());
    }

    /** The statistics of a single path x (T x D) taken as known (zero covariances): least squares on the path. */
    public static DynamicsStatistics ofPath(double[] x, int steps, int dim) {
        if (x.length != steps * dim) throw new IllegalArgumentException("x: expected T x D = " + steps + " x " + dim + " values, got " + x.length);
        return of(x, null, null, steps, dim);
    }

    private static DynamicsStatistics of(double[] m, double[] s, double[] v, int steps, int d) {
        int e = d + 1, dd = d * d;
        DynamicsStatistics r = empty(d);
        for (int t = 0; t + 1 < steps; t++) {
            int a = t * d, b = (t + 1) * d;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    r.zz[i * e + j] += (s == null ? 0 : s[t * dd + i * d + j]) + m[a + i] * m[a + j];
                    r.xz[i * e + j] += (v == null ? 0 : v[t * dd + i * d + j]) + m[b + i] * m[a + j];
                    r.xx[i * d + j] += (s == null ? 0 : s[(t + 1) * dd + i * d + j]) + m[b + i] * m[b + j];
                }
                r.zz[i * e + d] += m[a + i];
                r.zz[d * e + i] += m[a + i];
                r.xz[i * e + d] += m[b + i];
            }
            r.zz[d * e + d] += 1;
        }
        for (int i = 0; i < d; i++) {
            r.first[i] = m[i];
            for (int j = 0; j < d; j++) r.firstSecond[i * d + j] = (s == null ? 0 : s[i * d + j]) + m[i] * m[j];
        }
        return new DynamicsStatistics(d, r.zz, r.xz, r.xx, steps - 1, r.first, r.firstSecond, 1);
    }

    /** The sum of these statistics and other's. */
    public DynamicsStatistics plus(DynamicsStatistics other) {
        if (other.dim != dim) throw new IllegalArgumentException("dimension " + other.dim + " != " + dim);
        return new DynamicsStatistics(dim, add(zz, other.zz), add(xz, other.xz), add(xx, other.xx),
                transitions + other.transitions, add(first, other.first), add(firstSecond, other.firstSecond),
                trials + other.trials);
    }

    private static double[] add(double[] u, double[] v) {
        double[] r = u.clone();
        for (int i = 0; i < r.length; i++) r[i] += v[i];
        return r;
    }

    /** The M-step: {A, b, Q, m0, P0} as flat arrays (D x D, D, D x D, D, D x D). */
    public double[][] maximize() {
        if (transitions < 1) throw new IllegalStateException("the dynamics M-step needs at least one transition (T >= 2)");
        int d = dim, e = d + 1;
        double[] l = new double[e * e];
        if (!Cholesky.factor(zz, e, l)) throw new IllegalStateException("sum E[z z^T] is singular: the posterior means are degenerate");
        // W^T = (sum zz)^{-1} (sum xz)^T, column by column
        double[] w = new double[d * e], col = new double[e];
        for (int i = 0; i < d; i++) {
            System.arraycopy(xz, i * e, col, 0, e);
            Cholesky.solve(l, e, col);
            System.arraycopy(col, 0, w, i * e, e);
        }
        double[] a = new double[d * d], b = new double[d], q = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(w, i * e, a, i * d, d);
            b[i] = w[i * e + d];
        }
        double[] wxz = new double[d * d];
        MatrixOps.mulTransB(w, 0, xz, 0, wxz, 0, d, e, d);
        for (int i = 0; i < d * d; i++) q[i] = (xx[i] - wxz[i]) / transitions;
        Cholesky.symmetrize(q, d);
        double[] m0 = new double[d], p0 = new double[d * d];
        for (int i = 0; i < d; i++) m0[i] = first[i] / trials;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) p0[i * d + j] = firstSecond[i * d + j] / trials - m0[i] * m0[j];
        }
        Cholesky.symmetrize(p0, d);
        return new double[][] {a, b, q, m0, p0};
    }
}
