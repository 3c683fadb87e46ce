package io.ssm4j.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Vector API matrix kernel ({@link SimdGemm}, through {@link Gemm}) against the plain loops of
 * {@link MatrixOps} on shapes that exercise the 4-row tiles, the leftover rows and columns and several panels of
 * the shared dimension, with nonzero offsets: equal within 1e-13 of sum_t |a_it| |b_tj|.
 */
class GemmTest {
    static final int[][] SHAPES = {{1, 1, 8}, {3, 5, 9}, {4, 8, 8}, {7, 13, 17}, {64, 64, 64}, {33, 300, 41}, {5, 129, 16}};

    static double[] random(Rng rng, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) v[i] = rng.gaussian();
        return v;
    }

    /** |C - C_ref| &lt;= 1e-13 (|A| |B|)_ij entry by entry. */
    static void assertClose(double[] c, double[] ref, double[] bound, int co, int len, String what) {
        for (int i = 0; i < len; i++) {
            double e = Math.abs(c[co + i] - ref[co + i]);
            assertTrue(e <= 1e-13 * bound[i] + 1e-300, what + ": entry " + i + " differs by " + e + " (scale " + bound[i] + ")");
        }
    }

    static double[] absProductBound(double[] a, int ao, double[] b, int bo, int n, int k, int m) {
        double[] aa = new double[n * k], bb = new double[k * m], out = new double[n * m];
        for (int i = 0; i < aa.length; i++) aa[i] = Math.abs(a[ao + i]);
        for (int i = 0; i < bb.length; i++) bb[i] = Math.abs(b[bo + i]);
        MatrixOps.mul(aa, 0, bb, 0, out, 0, n, k, m);
        return out;
    }

    @Test
    void simdKernelMatchesScalarProduct() {
        Rng rng = Rng.seeded(3);
        for (int[] s : SHAPES) {
            int n = s[0], k = s[1], m = s[2], ao = 3, bo = 5, co = 7;
            double[] a = random(rng, ao + n * k), b = random(rng, bo + k * m);
            double[] c = random(rng, co + n * m), ref = c.clone();
            SimdGemm.mul(a, ao, b, bo, c, co, n, k, m);
            MatrixOps.mul(a, ao, b, bo, ref, co, n, k, m);
            assertClose(c, ref, absProductBound(a, ao, b, bo, n, k, m), co, n * m, "A B " + n + "x" + k + "x" + m);
            for (int i = 0; i < co; i++) assertTrue(c[i] == ref[i], "wrote before the output offset");
        }
    }

    @Test
    void transposedFormsMatchScalarProducts() {
        Rng rng = Rng.seeded(4);
        for (int[] s : SHAPES) {
            int n = s[0], k = s[1], m = s[2];
            double[] a = random(rng, 2 + n * k), bt = random(rng, 1 + m * k), c = new double[n * m], ref = new double[n * m];
            double[] work = new double[Math.max(k * m, k * n)];
            Gemm.mulTransB(a, 2, bt, 1, c, 0, n, k, m, work);
            MatrixOps.mulTransB(a, 2, bt, 1, ref, 0, n, k, m);
            double[] b = new double[k * m];
            Gemm.transpose(bt, 1, m, k, b);
            assertClose(c, ref, absProductBound(a, 2, b, 0, n, k, m), 0, n * m, "A B^T " + n + "x" + k + "x" + m);
            double[] at = random(rng, k * n), b2 = random(rng, k * m);
            Gemm.mulTransA(at, 0, b2, 0, c, 0, n, k, m, work);
            MatrixOps.mulTransA(at, 0, b2, 0, ref, 0, n, k, m);
            double[] a2 = new double[n * k];
            Gemm.transpose(at, 0, k, n, a2);
            assertClose(c, ref, absProductBound(a2, 0, b2, 0, n, k, m), 0, n * m, "A^T B " + n + "x" + k + "x" + m);
        }
    }

    @Test
    void triangularSolveKernelInvertsL() {
        Rng rng = Rng.seeded(5);
        for (int n : new int[] {1, 3, 4, 5, 8, 13, 64}) {
            for (int m : new int[] {8, 9, 16, 17, 64}) {
                double[] l = new double[2 + n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < i; j++) l[2 + i * n + j] = 0.5 * rng.gaussian() / Math.sqrt(n);
                    l[2 + i * n + i] = 1.5 + Math.abs(rng.gaussian());
                }
                double[] b = random(rng, 3 + n * m), x = b.clone(), ref = b.clone();
                SimdTriangular.solveLowerRows(l, 2, x, 3, n, m);
                MatrixOps.solveLowerRows(l, 2, ref, 3, n, m);
                double[] lx = new double[n * m], xOnly = java.util.Arrays.copyOfRange(x, 3, 3 + n * m);
                double[] lOnly = java.util.Arrays.copyOfRange(l, 2, 2 + n * n);
                MatrixOps.mul(lOnly, 0, xOnly, 0, lx, 0, n, n, m);
                double[] bound = absProductBound(lOnly, 0, xOnly, 0, n, n, m);
                for (int i = 0; i < n * m; i++) {
                    assertTrue(Math.abs(lx[i] - b[3 + i]) <= 1e-13 * bound[i], "L X = B at " + i + ", n=" + n + " m=" + m);
                    assertTrue(Math.abs(x[3 + i] - ref[3 + i]) <= 1e-12 * (1 + Math.abs(ref[3 + i])), "vs scalar at " + i + ", n=" + n + " m=" + m);
                }
                for (int i = 0; i < 3; i++) assertTrue(x[i] == b[i], "wrote before the offset");
            }
        }
    }
}
