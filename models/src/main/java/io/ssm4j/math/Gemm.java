package io.ssm4j.math;

/**
 * Dense matrix products on flat row-major {@code double[]} for the larger matrices of the Kalman filter
 * (D, N of a few tens and up): C = A B, C = A B^T and C = A^T B, and the triangular solve L^{-1} B, writing into caller-owned outputs. When the JDK
 * Vector API is in use ({@link VectorOps#best()}) and the product is large enough to pay, they run the
 * register-blocked, cache-blocked SIMD kernel ({@code SimdGemm}: 4 rows x 2 vectors of C held in registers, the
 * shared dimension in panels that stay in L1); otherwise, and as the reference the tests hold them to, the plain
 * loops of {@link MatrixOps}. The transposed forms first transpose the operand into a caller-owned workspace
 * (O(k m), against the product's 2 n k m flops). Each entry is summed over the shared index in the same order
 * whatever the path, with fused multiply-adds on the SIMD path, so the two agree to rounding (relative ~1e-15).
 * Outputs must not alias inputs or the workspace.
 */
public final class Gemm {
    /** Below this many multiply-adds (n k m) the plain loops are as fast. */
    static final int MIN_WORK = 8 * 8 * 8;
    private static final boolean SIMD = VectorOps.best() != VectorOps.scalar();

    private Gemm() {}

    /** C = A B with A n x k (at ao), B k x m (at bo), C n x m (at co). */
    public static void mul(double[] a, int ao, double[] b, int bo, double[] c, int co, int n, int k, int m) {
        if (SIMD && (long) n * k * m >= MIN_WORK && m >= 8) {
            SimdGemm.mul(a, ao, b, bo, c, co, n, k, m);
        } else {
            MatrixOps.mul(a, ao, b, bo, c, co, n, k, m);
        }
    }

    /** C = A B^T with A n x k, B m x k, C n x m; work holds at least k m entries. */
    public static void mulTransB(double[] a, int ao, double[] b, int bo, double[] c, int co, int n, int k, int m, double[] work) {
        if (SIMD && (long) n * k * m >= MIN_WORK && m >= 8) {
            transpose(b, bo, m, k, work);
            SimdGemm.mul(a, ao, work, 0, c, co, n, k, m);
        } else {
            MatrixOps.mulTransB(a, ao, b, bo, c, co, n, k, m);
        }
    }

    /** C = A^T B with A k x n, B k x m, C n x m; work holds at least k n entries. */
    public static void mulTransA(double[] a, int ao, double[] b, int bo, double[] c, int co, int n, int k, int m, double[] work) {
        if (SIMD && (long) n * k * m >= MIN_WORK && m >= 8) {
            transpose(a, ao, k, n, work);
            SimdGemm.mul(work, 0, b, bo, c, co, n, k, m);
        } else {
            MatrixOps.mulTransA(a, ao, b, bo, c, co, n, k, m);
        }
    }

    /**
     * B := L^{-1} B in place for L n x n lower triangular (at lo) and B n x m (at bo): forward substitution on
     * whole rows, by the SIMD kernel ({@code SimdTriangular}) when it pays, else {@link MatrixOps#solveLowerRows}.
     */
    public static void solveLowerRows(double[] l, int lo, double[] b, int bo, int n, int m) {
        if (SIMD && (long) n * n * m >= 2 * MIN_WORK && m >= 8) {
            SimdTriangular.solveLowerRows(l, lo, b, bo, n, m);
        } else {
            MatrixOps.solveLowerRows(l, lo, b, bo, n, m);
        }
    }

    /** out (cols x rows) = X^T for X rows x cols at xo. */
    static void transpose(double[] x, int xo, int rows, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            int xi = xo + i * cols;
            for (int j = 0; j < cols; j++) out[j * rows + i] = x[xi + j];
        }
    }

    /** Whether the SIMD kernel is in use (for reports). */
    public static boolean simd() { return SIMD; }
}
