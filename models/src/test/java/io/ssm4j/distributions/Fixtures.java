package io.ssm4j.distributions;

import java.util.Random;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.ejml.data.DMatrixRMaj;

/** Test helpers: random SPD matrices, EJML and Commons Math adapters. */
final class Fixtures {
    private Fixtures() {}

    /** A random SPD matrix A A^T + d I / 2 (d x d) from a fixed seed. */
    static double[] randomSpd(int d, long seed) {
        Random r = new Random(seed);
        double[] a = new double[d * d];
        for (int i = 0; i < a.length; i++) a[i] = r.nextGaussian();
        double[] s = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double v = 0;
                for (int k = 0; k < d; k++) v += a[i * d + k] * a[j * d + k];
                s[i * d + j] = v + (i == j ? 0.5 * d : 0);
            }
        }
        return s;
    }

    static double[] randomVector(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
        return x;
    }

    static DMatrixRMaj mat(double[] a, int rows, int cols) {
        return new DMatrixRMaj(rows, cols, true, a);
    }

    static double[][] square(double[] a, int d) {
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) m[i][j] = a[i * d + j];
        return m;
    }

    /** log N(x; mean, cov) by Commons Math, an independent implementation. */
    static double commonsLogNormal(double[] x, double[] mean, double[] cov) {
        return Math.log(new MultivariateNormalDistribution(mean, square(cov, mean.length)).density(x));
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) throw new AssertionError("lengths " + a.length + " vs " + b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
