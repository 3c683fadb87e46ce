package io.ssm4j.math;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Vector API kernels equal the scalar reference for every length (tails included) and offset. */
class VectorOpsTest {
    private static final VectorOps SIMD = VectorOps.best(), SCALAR = VectorOps.scalar();

    private static double[] random(Random r, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
        return x;
    }

    @Test
    void vectorKernelsEqualTheScalarReference() {
        Random r = new Random(1);
        for (int n = 0; n <= 41; n++) {
            double[] a = random(r, n + 3), b = random(r, n + 5);
            assertEquals(SCALAR.dot(a, 3, b, 5, n), SIMD.dot(a, 3, b, 5, n), 1e-12, "dot n=" + n);
            assertEquals(SCALAR.sum(a, 1, n), SIMD.sum(a, 1, n), 1e-12, "sum n=" + n);
            double[] z = random(r, 7 * (n + 4)), d1 = random(r, 9), d2 = d1.clone();
            SCALAR.addDots(a, 2, z, n + 4, 3, 7, n, d1, 1);
            SIMD.addDots(a, 2, z, n + 4, 3, 7, n, d2, 1);
            assertArrayClose(d1, d2, "addDots n=" + n);
            assertEquals(SCALAR.max(a, 2, n), SIMD.max(a, 2, n), 0, "max n=" + n);
            double[] y1 = random(r, n + 2), y2 = y1.clone();
            SCALAR.axpy(0.7, a, 1, y1, 2, n);
            SIMD.axpy(0.7, a, 1, y2, 2, n);
            assertArrayClose(y1, y2, "axpy n=" + n);
            SCALAR.multiply(a, 0, b, 1, y1, 0, n);
            SIMD.multiply(a, 0, b, 1, y2, 0, n);
            assertArrayClose(y1, y2, "multiply n=" + n);
            SCALAR.addSquares(a, 1, y1, 2, n);
            SIMD.addSquares(a, 1, y2, 2, n);
            assertArrayClose(y1, y2, "addSquares n=" + n);
            double[] e1 = a.clone(), e2 = a.clone();
            SCALAR.expShift(e1, 1, n, 0.3);
            SIMD.expShift(e2, 1, n, 0.3);
            for (int i = 0; i < e1.length; i++) assertEquals(e1[i], e2[i], 0, "exp must be bit-identical, n=" + n);
        }
    }

    @Test
    void portableExpIsAccurateAndHandlesTheEdges() {
        Random r = new Random(4);
        for (int i = 0; i < 200000; i++) {
            double x = (r.nextDouble() - 0.9) * 1500;
            double e = Math.exp(x);
            assertEquals(e, PortableExp.exp(x), 4 * Math.ulp(e) + Double.MIN_VALUE, "exp(" + x + ")");
        }
        assertEquals(0.0, PortableExp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, PortableExp.exp(Double.POSITIVE_INFINITY));
        assertEquals(1.0, PortableExp.exp(0.0));
        assertEquals(true, Double.isNaN(PortableExp.exp(Double.NaN)));
        double[] edge = {Double.NEGATIVE_INFINITY, -800, -745.2, -708.5, -1e-300, 0, 1e-300, 1, 709.7, 800, Double.NaN};
        double[] a = edge.clone(), b = edge.clone();
        SCALAR.expShift(a, 0, a.length, 0);
        SIMD.expShift(b, 0, b.length, 0);
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 0, "edge " + edge[i]);
    }

    @Test
    void sparseQuadraticFormsEqualADenseComputation() {
        Random r = new Random(2);
        int rows = 3, cols = 5, n = 37, ldz = 45, t0 = 4;
        double[] h = random(r, rows * cols);
        h[1] = 0;
        h[7] = 0; // zero entries are left out of the sparse rows
        double[] zT = random(r, cols * ldz);
        int nnz = 0;
        for (double v : h) if (v != 0) nnz++;
        double[] coef = new double[nnz];
        int[] col = new int[nnz], rowStart = new int[rows + 1];
        for (int a = 0, e = 0; a < rows; a++) {
            rowStart[a] = e;
            for (int c = 0; c < cols; c++) {
                if (h[a * cols + c] != 0) {
                    coef[e] = h[a * cols + c];
                    col[e++] = c;
                }
            }
            rowStart[a + 1] = e;
        }
        for (VectorOps ops : new VectorOps[] {SCALAR, SIMD}) {
            double[] quad = new double[n + 2];
            ops.sparseQuadraticForms(coef, col, rowStart, rows, zT, ldz, t0, n, quad, 2);
            for (int i = 0; i < n; i++) {
                double q = 0;
                for (int a = 0; a < rows; a++) {
                    double s = 0;
                    for (int c = 0; c < cols; c++) s += h[a * cols + c] * zT[c * ldz + t0 + i];
                    q += s * s;
                }
                assertEquals(q, quad[2 + i], 1e-12 * Math.max(1, q), ops.name() + " t=" + i);
            }
        }
    }

    private static void assertArrayClose(double[] x, double[] y, String what) {
        for (int i = 0; i < x.length; i++) assertEquals(x[i], y[i], 1e-12 * Math.max(1, Math.abs(x[i])), what + " i=" + i);
    }
}
