package io.ssm4j.benchmarks;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LDS EM benchmark dataset {@code lds_d4_t100000} (D = 4, N = 8, T = 100000) with its fixed EM starting point
 * {@code init/} (A, Q, C, diagonal R, m0, P0), read from the shared peer folder; when that is absent, data of the
 * same shape sampled from a seeded model (A = 0.95 times a rotation, Q = 0.1 I, C ~ N(0, 1/D), R = 0.3 I) and the
 * start A = 0.5 I, Q = 0.5 I, C ~ N(0, 1/D), R = diag(var y), m0 = 0, P0 = I. The cost of EM depends only on D, N
 * and T, so times compare with the peers'; the log-likelihoods do not.
 *
 * @param init   the EM starting point
 * @param y      the observations, T x N
 * @param source the shared folder's path, or a note that the data were simulated
 */
public record LdsBenchmarkData(LinearGaussianStateSpaceModel init, TimeSeries y, String source) implements BenchData {
    /** The peers' dataset name. */
    public static final String NAME = "lds_d4_t100000";
    private static final int D = 4, N = 8, T = 100_000;

    /** The shared dataset, or a simulated stand-in. */
    public static LdsBenchmarkData load() {
        return SharedPeers.dataset(NAME).map(dir -> {
            Map<String, NdArray> p = new LinkedHashMap<>();
            for (String k : new String[] {"A", "Q", "C", "R", "m0", "P0"}) p.put(k, SharedPeers.array(dir, "init/" + k));
            NdArray y = SharedPeers.array(dir, "y");
            return new LdsBenchmarkData(LinearGaussianStateSpaceModel.fromParameters(p), TimeSeries.of(y.dataView(), y.dim(0), y.dim(1)),
                    dir.toString());
        }).orElseGet(LdsBenchmarkData::simulated);
    }

    private static LdsBenchmarkData simulated() {
        Rng rng = Rng.seeded(20_240_601L);
        double c = 0.95 * Math.cos(0.2), s = 0.95 * Math.sin(0.2);
        double[] a = new double[D * D];
        for (int b = 0; b < D; b += 2) {
            a[b * D + b] = c;
            a[b * D + b + 1] = -s;
            a[(b + 1) * D + b] = s;
            a[(b + 1) * D + b + 1] = c;
        }
        LinearGaussianStateSpaceModel truth = model(a, scaledIdentity(D, 0.1), gaussian(rng, N * D, 1 / Math.sqrt(D)), scaledIdentity(N, 0.3));
        TimeSeries y = truth.sample(T, null, rng).observations();
        double[] r = new double[N * N];
        for (int i = 0; i < N; i++) {
            double m = 0, v = 0;
            for (int t = 0; t < T; t++) m += y.value(t, i) / T;
            for (int t = 0; t < T; t++) v += (y.value(t, i) - m) * (y.value(t, i) - m) / T;
            r[i * N + i] = v;
        }
        LinearGaussianStateSpaceModel init = model(scaledIdentity(D, 0.5), scaledIdentity(D, 0.5), gaussian(rng, N * D, 1 / Math.sqrt(D)), r);
        return new LdsBenchmarkData(init, y, SimulatedDatasets.SOURCE_PREFIX + " (no shared peer data; seeded LDS of the same D, N, T)");
    }

    private static LinearGaussianStateSpaceModel model(double[] a, double[] q, double[] c, double[] r) {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(a, D, D));
        p.put("Q", NdArray.of(q, D, D));
        p.put("C", NdArray.of(c, N, D));
        p.put("R", NdArray.of(r, N, N));
        p.put("m0", NdArray.of(new double[D], D));
        p.put("P0", NdArray.of(scaledIdentity(D, 1), D, D));
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    private static double[] scaledIdentity(int n, double v) {
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) m[i * n + i] = v;
        return m;
    }

    private static double[] gaussian(Rng rng, int len, double scale) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) v[i] = scale * rng.gaussian();
        return v;
    }

}
