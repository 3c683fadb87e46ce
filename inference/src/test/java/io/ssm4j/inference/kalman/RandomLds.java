package io.ssm4j.inference.kalman;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Random LDS parameters and data for tests: stable A, well-conditioned covariances, optional inputs and time variation. */
final class RandomLds {
    private RandomLds() {}

    static double[] matrix(Random r, int n, int m, double scale) {
        double[] a = new double[n * m];
        for (int i = 0; i < a.length; i++) a[i] = scale * r.nextGaussian();
        return a;
    }

    /** W W^T / k + floor I. */
    static double[] spd(Random r, int n, double floor) {
        double[] w = matrix(r, n, n, 1.0), s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) v += w[i * n + k] * w[j * n + k];
                s[i * n + j] = v / n + (i == j ? floor : 0);
            }
        }
        return s;
    }

    /** A with Frobenius norm 0.95 (so spectral radius below 0.95). */
    static double[] stable(Random r, int d) {
        double[] a = matrix(r, d, d, 1.0);
        double f = 0;
        for (double v : a) f += v * v;
        f = Math.sqrt(f);
        for (int i = 0; i < a.length; i++) a[i] *= 0.95 / f;
        return a;
    }

    static double[] repeat(Random r, int count, java.util.function.Supplier<double[]> block) {
        double[] first = block.get();
        double[] out = new double[count * first.length];
        System.arraycopy(first, 0, out, 0, first.length);
        for (int t = 1; t < count; t++) System.arraycopy(block.get(), 0, out, t * first.length, first.length);
        return out;
    }

    /**
     * @param m input dimension (0: none)
     * @param varyingLength T for time-varying A, Q, C, R; 0 for fixed
     */
    static LinearGaussianStateSpaceModel model(long seed, int d, int n, int m, int varyingLength) {
        Random r = new Random(seed);
        Map<String, NdArray> p = new LinkedHashMap<>();
        int t = varyingLength;
        if (t == 0) {
            p.put("A", NdArray.of(stable(r, d), d, d));
            p.put("Q", NdArray.of(spd(r, d, 0.1), d, d));
            p.put("C", NdArray.of(matrix(r, n, d, 1.0), n, d));
            p.put("R", NdArray.of(spd(r, n, 0.2), n, n));
        } else {
            p.put("A", NdArray.of(repeat(r, t - 1, () -> stable(r, d)), t - 1, d, d));
            p.put("Q", NdArray.of(repeat(r, t - 1, () -> spd(r, d, 0.1)), t - 1, d, d));
            p.put("C", NdArray.of(repeat(r, t, () -> matrix(r, n, d, 1.0)), t, n, d));
            p.put("R", NdArray.of(repeat(r, t, () -> spd(r, n, 0.2)), t, n, n));
        }
        if (m > 0) {
            p.put("B", NdArray.of(matrix(r, d, m, 0.5), d, m));
            p.put("D", NdArray.of(matrix(r, n, m, 0.5), n, m));
        }
        p.put("b", NdArray.of(matrix(r, 1, d, 0.3), d));
        p.put("d", NdArray.of(matrix(r, 1, n, 0.3), n));
        p.put("m0", NdArray.of(matrix(r, 1, d, 1.0), d));
        p.put("P0", NdArray.of(spd(r, d, 0.5), d, d));
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    /** Data sampled from the model, with inputs when it takes them and roughly missingFraction of entries masked. */
    static TimeSeries data(LinearGaussianStateSpaceModel model, int t, double missingFraction, long seed) {
        Random r = new Random(seed);
        int m = model.inputDim();
        double[] u = m == 0 ? null : matrix(r, t, m, 1.0);
        TimeSeries y = model.sample(t, u, Rng.seeded(seed)).observations();
        if (missingFraction <= 0) return y;
        boolean[] mask = new boolean[t * y.dim()];
        for (int i = 0; i < mask.length; i++) mask[i] = r.nextDouble() >= missingFraction;
        for (int i = 0; i < y.dim(); i++) mask[3 * y.dim() + i] = false;
        return y.withMask(mask);
    }
}
