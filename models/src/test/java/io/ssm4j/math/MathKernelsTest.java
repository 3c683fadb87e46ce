package io.ssm4j.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cholesky helpers against EJML, log-sum-exp against direct sums, and the random streams' reproducibility and moments. */
class MathKernelsTest {
    @Test
    void choleskySolveInverseAndLogDetAgreeWithEjml() {
        Random r = new Random(3);
        int n = 6;
        double[] a = new double[n * n];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = i == j ? 1 : 0;
                for (int m = 0; m < n; m++) v += a[i * n + m] * a[j * n + m];
                s[i * n + j] = v;
            }
        }
        double[] l = new double[n * n];
        assertTrue(Cholesky.factor(s, n, l));
        DMatrixRMaj sm = new DMatrixRMaj(n, n, true, s);
        assertEquals(Math.log(CommonOps_DDRM.det(sm)), Cholesky.logDet(l, n), 1e-10);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) b[i] = r.nextGaussian();
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        CommonOps_DDRM.solve(sm, new DMatrixRMaj(n, 1, true, b), x);
        double[] ours = b.clone();
        Cholesky.solve(l, n, ours);
        for (int i = 0; i < n; i++) assertEquals(x.get(i, 0), ours[i], 1e-10);
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        CommonOps_DDRM.invert(sm, inv);
        double[] oursInv = new double[n * n];
        Cholesky.inverse(l, n, oursInv);
        for (int i = 0; i < n * n; i++) assertEquals(inv.get(i), oursInv[i], 1e-10);
        double[] notPd = {1, 2, 2, 1};
        assertFalse(Cholesky.factor(notPd, 2, new double[4]));
    }

    @Test
    void logSumExpIsStable() {
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)), LogSumExp.of(new double[] {1, 2, 3}), 1e-14);
        assertEquals(1000 + Math.log(2), LogSumExp.of(new double[] {1000, 1000}), 1e-12);
        assertEquals(Double.NEGATIVE_INFINITY, LogSumExp.of(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}));
        assertEquals(-5, LogSumExp.of(new double[] {Double.NEGATIVE_INFINITY, -5}), 0);
    }

    @Test
    void randomStreamsAreReproducibleAndHaveTheRightMoments() {
        Rng a = Rng.seeded(5), b = Rng.seeded(5);
        for (int i = 0; i < 100; i++) assertEquals(a.gaussian(), b.gaussian());
        Rng r = Rng.seeded(6);
        int n = 200000;
        double sg = 0, sg2 = 0, gam = 0, gam2 = 0, poi = 0, poiBig = 0;
        for (int i = 0; i < n; i++) {
            double g = r.gaussian();
            sg += g;
            sg2 += g * g;
            double x = r.gamma(0.7);
            gam += x;
            gam2 += x * x;
            poi += r.poisson(3.5);
            poiBig += r.poisson(40);
        }
        assertEquals(0, sg / n, 0.01);
        assertEquals(1, sg2 / n, 0.01);
        assertEquals(0.7, gam / n, 0.01);
        assertEquals(0.7, gam2 / n - Math.pow(gam / n, 2), 0.02);
        assertEquals(3.5, poi / n, 0.02);
        assertEquals(40, poiBig / n, 0.06);
    }
}
