package io.ssm4j.benchmarks;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LDS dataset of the peer comparison with its true parameters (A, Q, C, R, m0, P0): {@code lds_d4_t100000}
 * (D = 4, N = 8, T = 100000) or {@code lds_d10_t10000} (D = 10, N = 20, T = 10000), read from the shared peer data.
 * When that is absent, data of the same size are simulated from a fixed stable model (A = 0.9 I + 0.05 on the
 * superdiagonal, Q = 0.1 I, C ~ N(0, 1), R = 0.5 I, N = 2D, m0 = 0, P0 = I) and {@link #source} says so.
 *
 * @param model  the true parameters
 * @param y      the observations, T x N
 * @param source the shared folder's path, or a note that the data were simulated
 */
public record LdsTruthData(LinearGaussianStateSpaceModel model, TimeSeries y, String source) implements BenchData {
    /** Reads (or simulates) the named dataset. */
    public static LdsTruthData load(String dataset) {
        return SharedPeers.dataset(dataset).map(dir -> {
            Map<String, NdArray> p = new LinkedHashMap<>();
            for (String name : new String[] {"A", "Q", "C", "R", "m0", "P0"}) p.put(name, SharedPeers.array(dir, name));
            NdArray obs = SharedPeers.array(dir, "y");
            return new LdsTruthData(LinearGaussianStateSpaceModel.fromParameters(p),
                    TimeSeries.of(obs.dataView(), obs.dim(0), obs.dim(1)), dir.toString());
        }).orElseGet(() -> simulate(dataset));
    }

    private static LdsTruthData simulate(String dataset) {
        int d = dataset.contains("d10") ? 10 : 4, t = dataset.contains("t10000") && !dataset.contains("t100000") ? 10_000 : 100_000;
        int n = 2 * d;
        Rng rng = Rng.seeded(20_240_601L);
        double[] a = new double[d * d], c = new double[n * d], q = new double[d * d], r = new double[n * n], p0 = new double[d * d];
        for (int i = 0; i < d; i++) {
            a[i * d + i] = 0.9;
            if (i + 1 < d) a[i * d + i + 1] = 0.05;
            q[i * d + i] = 0.1;
            p0[i * d + i] = 1.0;
        }
        for (int i = 0; i < n * d; i++) c[i] = rng.gaussian();
        for (int i = 0; i < n; i++) r[i * n + i] = 0.5;
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(a, d, d));
        p.put("Q", NdArray.of(q, d, d));
        p.put("C", NdArray.of(c, n, d));
        p.put("R", NdArray.of(r, n, n));
        p.put("m0", NdArray.of(new double[d], d));
        p.put("P0", NdArray.of(p0, d, d));
        LinearGaussianStateSpaceModel model = LinearGaussianStateSpaceModel.fromParameters(p);
        return new LdsTruthData(model, model.sample(t, null, rng).observations(),
                SimulatedDatasets.SOURCE_PREFIX + " (shared peer data absent)");
    }

}
