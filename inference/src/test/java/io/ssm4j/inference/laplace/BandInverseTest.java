package io.ssm4j.inference.laplace;

import io.ssm4j.inference.kalman.BlockTridiagonal;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** BlockTridiagonal.bandInverse against the dense EJML inverse on random SPD block-tridiagonal matrices. */
class BandInverseTest {
    @Test
    void bandOfTheInverseEqualsTheDenseInverse() {
        Random r = new Random(5);
        for (int[] shape : new int[][] {{1, 3}, {2, 1}, {7, 3}, {12, 4}}) {
            int t = shape[0], d = shape[1], dd = d * d, k = t * d;
            double[] diag = new double[t * dd], lower = new double[Math.max(0, t - 1) * dd];
            DMatrixRMaj dense = new DMatrixRMaj(k, k);
            for (int s = 0; s + 1 < t; s++) {
                for (int i = 0; i < dd; i++) lower[s * dd + i] = r.nextGaussian();
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        dense.set((s + 1) * d + i, s * d + j, lower[s * dd + i * d + j]);
                        dense.set(s * d + j, (s + 1) * d + i, lower[s * dd + i * d + j]);
                    }
                }
            }
            for (int s = 0; s < t; s++) {
                double[] g = new double[dd];
                for (int i = 0; i < dd; i++) g[i] = r.nextGaussian();
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double v = 0;
                        for (int l = 0; l < d; l++) v += g[i * d + l] * g[j * d + l];
                        diag[s * dd + i * d + j] = v + (i == j ? 2 * d + 1 : 0);
                        dense.set(s * d + i, s * d + j, diag[s * dd + i * d + j]);
                    }
                }
            }
            BlockTridiagonal.BandInverse band = BlockTridiagonal.factor(diag, lower, t, d).bandInverse();
            DMatrixRMaj inv = dense.copy();
            CommonOps_DDRM.invert(inv);
            for (int s = 0; s < t; s++) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        assertEquals(inv.get(s * d + i, s * d + j), band.diagonal()[s * dd + i * d + j], 1e-11, "diag t=" + s);
                        if (s + 1 < t) assertEquals(inv.get((s + 1) * d + i, s * d + j), band.lower()[s * dd + i * d + j], 1e-11, "lower t=" + s);
                    }
                }
            }
        }
    }
}
