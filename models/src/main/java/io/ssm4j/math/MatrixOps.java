package io.ssm4j.math;

/**
 * Small dense matrix products and triangular solves on flat row-major {@code double[]} with explicit offsets,
 * writing into caller-owned outputs (no allocation): the kernels of the Kalman filter and smoother, whose
 * matrices are D x D and N x D with D, N &lt;= ~100. Inner loops run over contiguous rows (axpy form) so the
 * JIT vectorises them. Outputs must not alias inputs.
 */
public final class MatrixOps {
    private MatrixOps() {}

    /** C = A B with A n x k (at ao), B k x m (at bo), C n x m (at co). */
    public static void mul(double[] a, int ao, double[] b, int bo, double[] c, int co, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ci = co + i * m;
            for (int j = 0; j < m; j++) c[ci + j] = 0.0;
            for (int t = 0; t < k; t++) {
                double ait = a[ao + i * k + t];
                if (ait == 0.0) continue;
                int bt = bo + t * m;
                for (int j = 0; j < m; j++) c[ci + j] += ait * b[bt + j];
            }
        }
    }

    /** C = A B^T with A n x k, B m x k, C n x m. */
    public static void mulTransB(double[] a, int ao, double[] b, int bo, double[] c, int co, int n, int k, int m) {
        for (int i = 0; i < n; i++) {
            int ai = ao + i * k;
            for (int j = 0; j < m; j++) {
                int bj = bo + j * k;
                double s = 0.0;
                for (int t = 0; t < k; t++) s += a[ai + t] * b[bj + t];
                c[co + i * m + j] = s;
            }
        }
    }

    /** C = A^T B with A k x n, B k x m, C n x m. */
    public static void mulTransA(double[] a, int ao, double[] b, int bo, double[] c, int co, int n, int k, int m) {
        for (int i = 0; i < n * m; i++) c[co + i] = 0.0;
        for (int t = 0; t < k; t++) {
            int bt = bo + t * m;
            for (int i = 0; i < n; i++) {
                double ati = a[ao + t * n + i];
                if (ati == 0.0) continue;
                int ci = co + i * m;
                for (int j = 0; j < m; j++) c[ci + j] += ati * b[bt + j];
            }
        }
    }

    /** y = A x with A n x k (at ao), x at xo, y at yo. */
    public static void mulVec(double[] a, int ao, double[] x, int xo, double[] y, int yo, int n, int k) {
        for (int i = 0; i < n; i++) {
            int ai = ao + i * k;
            double s = 0.0;
            for (int t = 0; t < k; t++) s += a[ai + t] * x[xo + t];
            y[yo + i] = s;
        }
    }

    /** y += A x with A n x k. */
    public static void mulVecAdd(double[] a, int ao, double[] x, int xo, double[] y, int yo, int n, int k) {
        for (int i = 0; i < n; i++) {
            int ai = ao + i * k;
            double s = 0.0;
            for (int t = 0; t < k; t++) s += a[ai + t] * x[xo + t];
            y[yo + i] += s;
        }
    }

    /**
     * Forward substitution on the rows of an n x m matrix: B := L^{-1} B in place, L n x n lower triangular
     * (at lo, row-major), B at bo.
     */
    public static void solveLowerRows(double[] l, int lo, double[] b, int bo, int n, int m) {
        for (int i = 0; i < n; i++) {
            int bi = bo + i * m;
            for (int k = 0; k < i; k++) {
                double lik = l[lo + i * n + k];
                if (lik == 0.0) continue;
                int bk = bo + k * m;
                for (int j = 0; j < m; j++) b[bi + j] -= lik * b[bk + j];
            }
            double inv = 1.0 / l[lo + i * n + i];
            for (int j = 0; j < m; j++) b[bi + j] *= inv;
        }
    }

    /** Back substitution on the rows of an n x m matrix: B := L^{-T} B in place. */
    public static void solveUpperTransposedRows(double[] l, int lo, double[] b, int bo, int n, int m) {
        for (int i = n - 1; i >= 0; i--) {
            int bi = bo + i * m;
            for (int k = i + 1; k < n; k++) {
                double lki = l[lo + k * n + i];
                if (lki == 0.0) continue;
                int bk = bo + k * m;
                for (int j = 0; j < m; j++) b[bi + j] -= lki * b[bk + j];
            }
            double inv = 1.0 / l[lo + i * n + i];
            for (int j = 0; j < m; j++) b[bi + j] *= inv;
        }
    }

    /** Solves L z = b in place for a vector b (at bo) and L n x n lower triangular (at lo). */
    public static void solveLower(double[] l, int lo, double[] b, int bo, int n) {
        for (int i = 0; i < n; i++) {
            int li = lo + i * n;
            double s = b[bo + i];
            for (int k = 0; k < i; k++) s -= l[li + k] * b[bo + k];
            b[bo + i] = s / l[li + i];
        }
    }

    /** Solves L^T x = b in place for a vector b. */
    public static void solveUpperTransposed(double[] l, int lo, double[] b, int bo, int n) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[bo + i];
            for (int k = i + 1; k < n; k++) s -= l[lo + k * n + i] * b[bo + k];
            b[bo + i] = s / l[lo + i * n + i];
        }
    }

    /** max_i |a[ao+i] - b[bo+i]| over n entries. */
    public static double maxAbsDiff(double[] a, int ao, double[] b, int bo, int n) {
        double m = 0.0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(a[ao + i] - b[bo + i]));
        return m;
    }

    /** max_i |a[ao+i]| over n entries. */
    public static double maxAbs(double[] a, int ao, int n) {
        double m = 0.0;
        for (int i = 0; i < n; i++) m = Math.max(m, Math.abs(a[ao + i]));
        return m;
    }

    /**
     * Copies the {@code len} entries at {@code src} into blocks {@code from..to-1} of a (block b starts at b len), by
     * doubling copies (a few long copies instead of one short copy per block). The source must lie outside the range.
     */
    public static void repeatBlock(double[] a, int src, int len, int from, int to) {
        if (to <= from) return;
        System.arraycopy(a, src, a, from * len, len);
        int done = 1, count = to - from;
        while (done < count) {
            int n = Math.min(done, count - done);
            System.arraycopy(a, from * len, a, (from + done) * len, n * len);
            done += n;
        }
    }

    /** Symmetrises the n x n block at offset o in place: S = (S + S^T) / 2. */
    public static void symmetrize(double[] s, int o, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = 0.5 * (s[o + i * n + j] + s[o + j * n + i]);
                s[o + i * n + j] = v;
                s[o + j * n + i] = v;
            }
        }
    }
}
