package io.ssm4j.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API kernel behind {@link Gemm#solveLowerRows}: B := L^{-1} B for L n x n lower triangular and B n x m,
 * by forward substitution b_i = (b_i - sum_{t &lt; i} L_it b_t) / L_ii on whole rows. Every column of B is an
 * independent solve, so B is taken in column strips of two vectors; down each strip, rows go in blocks of four held
 * in 8 registers: the rows above the block (already solved) enter by fused multiply-adds as in {@link SimdGemm}'s
 * micro-kernel, then the 4 x 4 triangle is solved in registers. Leftover columns use scalar fused multiply-adds in
 * the same order, leftover rows one-row tiles. Only loaded when the Vector API module is present.
 */
final class SimdTriangular {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SimdTriangular() {}

    static void solveLowerRows(double[] l, int lo, double[] b, int bo, int n, int m) {
        int mv = m - m % (2 * L);
        for (int j = 0; j < mv; j += 2 * L) {
            int i = 0;
            for (; i + 4 <= n; i += 4) tile4(l, lo, b, bo, n, m, i, j);
            for (; i < n; i++) tile1(l, lo, b, bo, n, m, i, j);
        }
        for (int j = mv; j < m; j++) {
            for (int i = 0; i < n; i++) {
                double s = b[bo + i * m + j];
                for (int t = 0; t < i; t++) s = Math.fma(-l[lo + i * n + t], b[bo + t * m + j], s);
                b[bo + i * m + j] = s * (1.0 / l[lo + i * n + i]);
            }
        }
    }

    /** Rows i..i+3 of the strip at column j. */
    private static void tile4(double[] l, int lo, double[] b, int bo, int n, int m, int i, int j) {
        int r0 = bo + i * m + j, r1 = r0 + m, r2 = r1 + m, r3 = r2 + m;
        int l0 = lo + i * n, l1 = l0 + n, l2 = l1 + n, l3 = l2 + n;
        DoubleVector x00 = DoubleVector.fromArray(S, b, r0), x01 = DoubleVector.fromArray(S, b, r0 + L);
        DoubleVector x10 = DoubleVector.fromArray(S, b, r1), x11 = DoubleVector.fromArray(S, b, r1 + L);
        DoubleVector x20 = DoubleVector.fromArray(S, b, r2), x21 = DoubleVector.fromArray(S, b, r2 + L);
        DoubleVector x30 = DoubleVector.fromArray(S, b, r3), x31 = DoubleVector.fromArray(S, b, r3 + L);
        for (int t = 0; t < i; t++) {
            int bt = bo + t * m + j;
            DoubleVector b0 = DoubleVector.fromArray(S, b, bt), b1 = DoubleVector.fromArray(S, b, bt + L);
            DoubleVector v = DoubleVector.broadcast(S, -l[l0 + t]);
            x00 = b0.fma(v, x00);
            x01 = b1.fma(v, x01);
            v = DoubleVector.broadcast(S, -l[l1 + t]);
            x10 = b0.fma(v, x10);
            x11 = b1.fma(v, x11);
            v = DoubleVector.broadcast(S, -l[l2 + t]);
            x20 = b0.fma(v, x20);
            x21 = b1.fma(v, x21);
            v = DoubleVector.broadcast(S, -l[l3 + t]);
            x30 = b0.fma(v, x30);
            x31 = b1.fma(v, x31);
        }
        double d0 = 1.0 / l[l0 + i], d1 = 1.0 / l[l1 + i + 1], d2 = 1.0 / l[l2 + i + 2], d3 = 1.0 / l[l3 + i + 3];
        x00 = x00.mul(d0);
        x01 = x01.mul(d0);
        DoubleVector v = DoubleVector.broadcast(S, -l[l1 + i]);
        x10 = x00.fma(v, x10).mul(d1);
        x11 = x01.fma(v, x11).mul(d1);
        v = DoubleVector.broadcast(S, -l[l2 + i]);
        x20 = x00.fma(v, x20);
        x21 = x01.fma(v, x21);
        v = DoubleVector.broadcast(S, -l[l2 + i + 1]);
        x20 = x10.fma(v, x20).mul(d2);
        x21 = x11.fma(v, x21).mul(d2);
        v = DoubleVector.broadcast(S, -l[l3 + i]);
        x30 = x00.fma(v, x30);
        x31 = x01.fma(v, x31);
        v = DoubleVector.broadcast(S, -l[l3 + i + 1]);
        x30 = x10.fma(v, x30);
        x31 = x11.fma(v, x31);
        v = DoubleVector.broadcast(S, -l[l3 + i + 2]);
        x30 = x20.fma(v, x30).mul(d3);
        x31 = x21.fma(v, x31).mul(d3);
        x00.intoArray(b, r0);
        x01.intoArray(b, r0 + L);
        x10.intoArray(b, r1);
        x11.intoArray(b, r1 + L);
        x20.intoArray(b, r2);
        x21.intoArray(b, r2 + L);
        x30.intoArray(b, r3);
        x31.intoArray(b, r3 + L);
    }

    /** Row i of the strip at column j. */
    private static void tile1(double[] l, int lo, double[] b, int bo, int n, int m, int i, int j) {
        int r0 = bo + i * m + j, l0 = lo + i * n;
        DoubleVector x0 = DoubleVector.fromArray(S, b, r0), x1 = DoubleVector.fromArray(S, b, r0 + L);
        for (int t = 0; t < i; t++) {
            int bt = bo + t * m + j;
            DoubleVector v = DoubleVector.broadcast(S, -l[l0 + t]);
            x0 = DoubleVector.fromArray(S, b, bt).fma(v, x0);
            x1 = DoubleVector.fromArray(S, b, bt + L).fma(v, x1);
        }
        double d = 1.0 / l[l0 + i];
        x0.mul(d).intoArray(b, r0);
        x1.mul(d).intoArray(b, r0 + L);
    }
}
