package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The banded Cholesky solver against dense EJML algebra and against the Kalman smoother on an LDS posterior precision. */
class BlockTridiagonalTest {
    /** Posterior precision and linear term of x | y for a fully observed LDS without inputs or biases. */
    private static double[][] posteriorInformation(LinearGaussianStateSpaceModel m, TimeSeries y) {
        int d = m.latentDim(), n = m.obsDim(), t = y.length(), dd = d * d;
        double[] qi = inverse(m.dynamicsCovariance().view(), d), ri = inverse(m.emissionCovariance().view(), n);
        double[] p0i = inverse(m.initialCovarianceView(), d), a = m.dynamics().view(), c = m.emissions().view();
        double[] diag = new double[t * dd], lower = new double[(t - 1) * dd], h = new double[t * d];
        double[] riC = new double[n * d], ctRiC = new double[dd], qiA = new double[dd], atQiA = new double[dd];
        MatrixOps.mul(ri, 0, c, 0, riC, 0, n, n, d);
        MatrixOps.mulTransA(c, 0, riC, 0, ctRiC, 0, d, n, d);
        MatrixOps.mul(qi, 0, a, 0, qiA, 0, d, d, d);
        MatrixOps.mulTransA(a, 0, qiA, 0, atQiA, 0, d, d, d);
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < dd; i++) {
                diag[s * dd + i] = ctRiC[i] + (s == 0 ? p0i[i] : qi[i]) + (s < t - 1 ? atQiA[i] : 0);
                if (s < t - 1) lower[s * dd + i] = -qiA[i];
            }
            for (int i = 0; i < d; i++) for (int k = 0; k < n; k++) h[s * d + i] += riC[k * d + i] * y.value(s, k);
        }
        double[] p0m = new double[d];
        MatrixOps.mulVec(p0i, 0, m.initialMeanView(), 0, p0m, 0, d, d);
        for (int i = 0; i < d; i++) h[i] += p0m[i];
        return new double[][] {diag, lower, h};
    }

    private static double[] inverse(double[] s, int d) {
        double[] l = new double[d * d], out = new double[d * d];
        Cholesky.factorOrThrow(s, d, l, "s");
        Cholesky.inverse(l, d, out);
        return out;
    }

    private static DMatrixRMaj dense(double[] diag, double[] lower, int t, int d) {
        DMatrixRMaj j = new DMatrixRMaj(t * d, t * d);
        for (int s = 0; s < t; s++) {
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    j.set(s * d + a, s * d + b, diag[s * d * d + a * d + b]);
                    if (s < t - 1) {
                        j.set((s + 1) * d + a, s * d + b, lower[s * d * d + a * d + b]);
                        j.set(s * d + b, (s + 1) * d + a, lower[s * d * d + a * d + b]);
                    }
                }
            }
        }
        return j;
    }

    @Test
    void solveAndLogDetMatchDenseAlgebra() {
        int d = 3, t = 20;
        LinearGaussianStateSpaceModel m = RandomLds.model(77, d, 2, 0, 0);
        TimeSeries y = RandomLds.data(m, t, 0, 3);
        double[][] info = posteriorInformation(m, y);
        BlockTridiagonal bt = BlockTridiagonal.factor(info[0], info[1], t, d);
        DMatrixRMaj j = dense(info[0], info[1], t, d), x = new DMatrixRMaj(t * d, 1);
        CommonOps_DDRM.solve(j, new DMatrixRMaj(t * d, 1, true, info[2]), x);
        double[] got = bt.solve(info[2]);
        for (int i = 0; i < t * d; i++) assertEquals(x.get(i), got[i], 1e-9);
        org.ejml.interfaces.decomposition.CholeskyDecomposition_F64<DMatrixRMaj> ch =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(t * d, true);
        assertTrue(ch.decompose(j.copy()));
        DMatrixRMaj l = ch.getT(null);
        double logDet = 0;
        for (int i = 0; i < t * d; i++) logDet += 2 * Math.log(l.get(i, i));
        assertEquals(logDet, bt.logDet(), 1e-9 * Math.abs(logDet));
    }

    @Test
    void informationFormSolveEqualsKalmanSmootherMeans() {
        int d = 2, t = 60;
        Random r = new Random(4);
        java.util.Map<String, io.ssm4j.data.NdArray> p = new java.util.LinkedHashMap<>(RandomLds.model(12, d, 3, 0, 0).parameters());
        p.remove("b");
        p.remove("d");
        LinearGaussianStateSpaceModel m = LinearGaussianStateSpaceModel.fromParameters(p);
        TimeSeries y = RandomLds.data(m, t, 0, r.nextInt(100));
        double[][] info = posteriorInformation(m, y);
        double[] x = BlockTridiagonal.factor(info[0], info[1], t, d).solve(info[2]);
        SmoothedPosterior post = KalmanSmoother.smooth(m, y);
        for (int i = 0; i < t * d; i++) assertEquals(post.means()[i], x[i], 1e-9);
    }

    @Test
    void samplesHaveThePosteriorMoments() {
        int d = 2, t = 6, draws = 40_000;
        LinearGaussianStateSpaceModel m = RandomLds.model(31, d, 2, 0, 0);
        TimeSeries y = RandomLds.data(m, t, 0, 5);
        double[][] info = posteriorInformation(m, y);
        BlockTridiagonal bt = BlockTridiagonal.factor(info[0], info[1], t, d);
        double[] mean = bt.solve(info[2]);
        DMatrixRMaj cov = new DMatrixRMaj(t * d, t * d);
        CommonOps_DDRM.invert(dense(info[0], info[1], t, d), cov);
        Rng rng = Rng.seeded(2);
        double[] sum = new double[t * d], sq = new double[t * d];
        for (int n = 0; n < draws; n++) {
            double[] x = bt.sample(info[2], rng);
            for (int i = 0; i < x.length; i++) {
                sum[i] += x[i];
                sq[i] += x[i] * x[i];
            }
        }
        for (int i = 0; i < t * d; i++) {
            double mu = sum[i] / draws, var = cov.get(i, i);
            assertEquals(mean[i], mu, 5 * Math.sqrt(var / draws), "mean " + i);
            assertEquals(var, sq[i] / draws - mu * mu, 6 * var * Math.sqrt(2.0 / draws), "variance " + i);
        }
    }

    @Test
    void notPositiveDefiniteNamesTheBlock() {
        double[] diag = {1, 0, 0, 1, 1, 0, 0, -1}, lower = {0, 0, 0, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockTridiagonal.factor(diag, lower, 2, 2));
        assertTrue(e.getMessage().contains("t=1"), e.getMessage());
    }
}
