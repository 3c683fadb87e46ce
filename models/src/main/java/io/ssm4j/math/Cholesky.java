package io.ssm4j.math;

/**
 * Cholesky factorisation S = L L^T of small symmetric positive-definite matrices stored flat and row-major,
 * with the solves and log-determinant built on it. Hand-written rather than EJML's for the D &lt;= 64 matrices
 * that emission models evaluate millions of times: no object per call, outputs passed in and reused.
 * (EJML is the independent check in the tests.)
 */
public final class Cholesky {
    private Cholesky() {}

    /**
     * Factor s (n x n, row-major, only the lower triangle read) into the lower-triangular l (upper part zeroed).
     *
     * @return true when s is numerically positive definite; false leaves l undefined
     */
    public static boolean factor(double[] s, int n, double[] l) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = s[i * n + j];
                for (int k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
                if (i == j) {
                    if (!(sum > 0) || !Double.isFinite(sum)) return false;
                    l[i * n + i] = Math.sqrt(sum);
                } else {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
            for (int j = i + 1; j < n; j++) l[i * n + j] = 0.0;
        }
        return true;
    }

    /** Like {@link #factor} but throws, naming what, when s is not positive definite. */
    public static void factorOrThrow(double[] s, int n, double[] l, String what) {
        if (!factor(s, n, l)) {
            throw new IllegalArgumentException(what + " is not symmetric positive definite");
        }
    }

    /** log det(S) = 2 sum_i log L_ii. */
    public static double logDet(double[] l, int n) {
        double r = 0;
        for (int i = 0; i < n; i++) r += Math.log(l[i * n + i]);
        return 2 * r;
    }

    /** Forward substitution: solves L z = b in place (b becomes z). */
    public static void solveLower(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i * n + k] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /** Back substitution: solves L^T x = b in place. */
    public static void solveUpperTransposed(double[] l, int n, double[] b) {
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /** Solves S x = b in place using the factor L of S. */
    public static void solve(double[] l, int n, double[] b) {
        solveLower(l, n, b);
        solveUpperTransposed(l, n, b);
    }

    /** S^{-1} written to out (n x n), from the factor L. */
    public static void inverse(double[] l, int n, double[] out) {
        double[] col = new double[n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(col, 0.0);
            col[j] = 1.0;
            solve(l, n, col);
            for (int i = 0; i < n; i++) out[i * n + j] = col[i];
        }
    }

    /** Symmetrises s in place: s = (s + s^T) / 2. */
    public static void symmetrize(double[] s, int n) {
        symmetrizeBlocks(s, 1, n);
    }

    /** Symmetrises each of the count consecutive n x n blocks of s in place. */
    public static void symmetrizeBlocks(double[] s, int count, int n) {
        for (int c = 0; c < count; c++) {
            int o = c * n * n;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    double v = 0.5 * (s[o + i * n + j] + s[o + j * n + i]);
                    s[o + i * n + j] = v;
                    s[o + j * n + i] = v;
                }
            }
        }
    }
}
