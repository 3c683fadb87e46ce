package io.ssm4j.tests;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/** R^2 of the true latents x (T x D) regressed on an affine map of estimates xh (T x K), per dimension (as peers.py r2_affine). */
final class AffineR2 {
    private AffineR2() {}

    static double[] of(double[] xh, int k, double[] x, int d) {
        int t = x.length / d;
        DMatrixRMaj design = new DMatrixRMaj(t, k + 1), target = new DMatrixRMaj(t, d, true, x), w = new DMatrixRMaj(k + 1, d);
        for (int s = 0; s < t; s++) {
            for (int j = 0; j < k; j++) design.set(s, j, xh[s * k + j]);
            design.set(s, k, 1.0);
        }
        if (!CommonOps_DDRM.solve(design, target, w)) throw new IllegalStateException("least squares failed");
        DMatrixRMaj fit = new DMatrixRMaj(t, d);
        CommonOps_DDRM.mult(design, w, fit);
        double[] r2 = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int s = 0; s < t; s++) mean += x[s * d + j] / t;
            double res = 0, tot = 0;
            for (int s = 0; s < t; s++) {
                double e = x[s * d + j] - fit.get(s, j), c = x[s * d + j] - mean;
                res += e * e;
                tot += c * c;
            }
            r2[j] = 1 - res / tot;
        }
        return r2;
    }
}
