package io.ssm4j.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel behind {@link Gemm}: C = A B (A n x k, B k x m, row-major). C is computed in tiles of
 * 4 rows x 2 vectors (8 accumulators in registers): for each shared index t, two vectors of row t of B and four
 * broadcasts of A's column t give 8 fused multiply-adds (Goto and van de Geijn 2008, "Anatomy of high-performance
 * matrix multiplication", the micro-kernel idea). The shared dimension runs in panels of {@link #KC} rows of B,
 * which every row tile of C reuses from cache before the next panel is read; each entry's sum is still accumulated
 * in index order. Leftover rows use 1 x 2-vector tiles and leftover columns a
 * scalar loop. Only loaded when the Vector API module is present.
 */
final class SimdGemm {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Panel depth of the shared dimension. */
    static final int KC = 128;

    private SimdGemm() {}

    static void mul(double[] a, int ao, double[] b, int bo, double[] c, int co, int n, int k, int m) {
        int mv = m - m % (2 * L);
        for (int i = 0; i < n; i++) java.util.Arrays.fill(c, co + i * m, co + i * m + m, 0.0);
        for (int t0 = 0; t0 < k; t0 += KC) {
            int t1 = Math.min(k, t0 + KC);
            int i = 0;
            for (; i + 4 <= n; i += 4) {
                for (int j = 0; j < mv; j += 2 * L) tile4(a, ao, b, bo, c, co, k, m, i, j, t0, t1);
                for (int r = i; r < i + 4; r++) scalarTail(a, ao, b, bo, c, co, k, m, r, mv, t0, t1);
            }
            for (; i < n; i++) {
                for (int j = 0; j < mv; j += 2 * L) tile1(a, ao, b, bo, c, co, k, m, i, j, t0, t1);
                scalarTail(a, ao, b, bo, c, co, k, m, i, mv, t0, t1);
            }
        }
    }

    private static void tile4(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int m, int i, int j,
                              int t0, int t1) {
        int c0 = co + i * m + j, c1 = c0 + m, c2 = c1 + m, c3 = c2 + m;
        DoubleVector x00 = DoubleVector.fromArray(S, c, c0), x01 = DoubleVector.fromArray(S, c, c0 + L);
        DoubleVector x10 = DoubleVector.fromArray(S, c, c1), x11 = DoubleVector.fromArray(S, c, c1 + L);
        DoubleVector x20 = DoubleVector.fromArray(S, c, c2), x21 = DoubleVector.fromArray(S, c, c2 + L);
        DoubleVector x30 = DoubleVector.fromArray(S, c, c3), x31 = DoubleVector.fromArray(S, c, c3 + L);
        int a0 = ao + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k;
        for (int t = t0; t < t1; t++) {
            int bt = bo + t * m + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bt), b1 = DoubleVector.fromArray(S, b, bt + L);
            DoubleVector v = DoubleVector.broadcast(S, a[a0 + t]);
            x00 = b0.fma(v, x00);
            x01 = b1.fma(v, x01);
            v = DoubleVector.broadcast(S, a[a1 + t]);
            x10 = b0.fma(v, x10);
            x11 = b1.fma(v, x11);
            v = DoubleVector.broadcast(S, a[a2 + t]);
            x20 = b0.fma(v, x20);
            x21 = b1.fma(v, x21);
            v = DoubleVector.broadcast(S, a[a3 + t]);
            x30 = b0.fma(v, x30);
            x31 = b1.fma(v, x31);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + L);
    }

    private static void tile1(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int m, int i, int j,
                              int t0, int t1) {
        int c0 = co + i * m + j, a0 = ao + i * k;
        DoubleVector x0 = DoubleVector.fromArray(S, c, c0), x1 = DoubleVector.fromArray(S, c, c0 + L);
        for (int t = t0; t < t1; t++) {
            int bt = bo + t * m + j;
            DoubleVector v = DoubleVector.broadcast(S, a[a0 + t]);
            x0 = DoubleVector.fromArray(S, b, bt).fma(v, x0);
            x1 = DoubleVector.fromArray(S, b, bt + L).fma(v, x1);
        }
        x0.intoArray(c, c0);
        x1.intoArray(c, c0 + L);
    }

    private static void scalarTail(double[] a, int ao, double[] b, int bo, double[] c, int co, int k, int m, int i,
                                   int from, int t0, int t1) {
        for (int j = from; j < m; j++) {
            double s = c[co + i * m + j];
            for (int t = t0; t < t1; t++) s = Math.fma(a[ao + i * k + t], b[bo + t * m + j], s);
            c[co + i * m + j] = s;
        }
    }
}
