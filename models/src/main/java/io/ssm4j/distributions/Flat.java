package io.ssm4j.distributions;

import io.ssm4j.math.Cholesky;

/** Small dense operations on flat row-major matrices, used by the conjugate updates (not hot paths). */
final class Flat {
    static final double LOG_2PI = Math.log(2 * Math.PI);

    private Flat() {}

    /** C = A B with A n x k and B k x m. */
    static double[] multiply(double[] a, double[] b, int n, int k, int m) {
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                double aik = a[i * k + t];
                if (aik == 0) continue;
                for (int j = 0; j < m; j++) c[i * m + j] += aik * b[t * m + j];
            }
        }
        return c;
    }

    /** C = A B^T with A n x k and B m x k. */
    static double[] multiplyTransB(double[] a, double[] b, int n, int k, int m) {
        double[] c = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int t = 0; t < k; t++) s += a[i * k + t] * b[j * k + t];
                c[i * m + j] = s;
            }
        }
        return c;
    }

    /** Squared Mahalanobis norm |L^{-1} v|^2 = v^T S^{-1} v for S = L L^T (v is not modified). */
    static double mahalanobis(double[] l, int d, double[] v) {
        double[] z = v.clone();
        Cholesky.solveLower(l, d, z);
        double s = 0;
        for (double zi : z) s += zi * zi;
        return s;
    }

    /** tr(S^{-1} A) for S = L L^T and A d x d. */
    static double traceSolve(double[] l, int d, double[] a) {
        double[] col = new double[d];
        double tr = 0;
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) col[i] = a[i * d + j];
            Cholesky.solve(l, d, col);
            tr += col[j];
        }
        return tr;
    }

    /** x = mean + L z with z a vector of independent standard normals. */
    static double[] correlatedNormal(double[] mean, double[] l, int d, io.ssm4j.math.Rng rng) {
        double[] z = new double[d];
        for (int i = 0; i < d; i++) z[i] = rng.gaussian();
        double[] x = new double[d];
        for (int i = 0; i < d; i++) {
            double s = mean[i];
            for (int k = 0; k <= i; k++) s += l[i * d + k] * z[k];
            x[i] = s;
        }
        return x;
    }

    /** Gaussian log density log N(x; mean, S) from the factor L of S and log det S. */
    static double normalLogDensity(double[] x, double[] mean, double[] l, double logDet, int d) {
        double[] r = new double[d];
        for (int i = 0; i < d; i++) r[i] = x[i] - mean[i];
        return -0.5 * (d * LOG_2PI + logDet + mahalanobis(l, d, r));
    }

    /** A copy of a scaled by c. */
    static double[] scale(double[] a, double c) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) r[i] = c * a[i];
        return r;
    }
}
