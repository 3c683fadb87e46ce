package io.ssm4j.inference.kalman;

/**
 * Solves W X = B for a small square, generally non-symmetric W (n x n, row-major) by LU factorisation with
 * partial pivoting (Golub and Van Loan 2013, "Matrix Computations", alg. 3.4.1): P W = L U, then forward and back
 * substitution on the rows of B (n x m). The filtering operator of the parallel Kalman scan needs it for
 * W = I + C_i J_j, which is non-singular whenever C_i and J_j are positive semidefinite. Workspace sized once;
 * not thread-safe.
 */
final class LuSolver {
    private final int n;
    private final double[] lu;
    private final int[] pivot;

    LuSolver(int n) {
        this.n = n;
        lu = new double[n * n];
        pivot = new int[n];
    }

    /**
     * Factors w (copied; w itself is not changed).
     *
     * @return false when a pivot is zero or not finite (W numerically singular)
     */
    boolean factor(double[] w, int wo) {
        System.arraycopy(w, wo, lu, 0, n * n);
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = Math.abs(lu[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(lu[i * n + k]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            if (!(best > 0) || !Double.isFinite(best)) return false;
            pivot[k] = p;
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    double t = lu[k * n + j];
                    lu[k * n + j] = lu[p * n + j];
                    lu[p * n + j] = t;
                }
            }
            double inv = 1.0 / lu[k * n + k];
            for (int i = k + 1; i < n; i++) {
                double f = lu[i * n + k] * inv;
                lu[i * n + k] = f;
                if (f == 0.0) continue;
                for (int j = k + 1; j < n; j++) lu[i * n + j] -= f * lu[k * n + j];
            }
        }
        return true;
    }

    /** B := W^{-1} B in place for B n x m (row-major, at bo), using the last {@link #factor}. */
    void solve(double[] b, int bo, int m) {
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p == k) continue;
            for (int j = 0; j < m; j++) {
                double t = b[bo + k * m + j];
                b[bo + k * m + j] = b[bo + p * m + j];
                b[bo + p * m + j] = t;
            }
        }
        for (int i = 0; i < n; i++) {
            int bi = bo + i * m;
            for (int k = 0; k < i; k++) {
                double f = lu[i * n + k];
                if (f == 0.0) continue;
                int bk = bo + k * m;
                for (int j = 0; j < m; j++) b[bi + j] -= f * b[bk + j];
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            int bi = bo + i * m;
            for (int k = i + 1; k < n; k++) {
                double f = lu[i * n + k];
                if (f == 0.0) continue;
                int bk = bo + k * m;
                for (int j = 0; j < m; j++) b[bi + j] -= f * b[bk + j];
            }
            double inv = 1.0 / lu[i * n + i];
            for (int j = 0; j < m; j++) b[bi + j] *= inv;
        }
    }
}
