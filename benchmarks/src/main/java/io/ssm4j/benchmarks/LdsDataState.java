package io.ssm4j.benchmarks;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JMH state: an LDS dataset of the peer comparison, {@code lds_d4_t100000} (D = 4, N = 8, T = 100000) or
 * {@code lds_d10_t10000} (D = 10, T = 10000), with its true parameters (A, Q, C, R, m0, P0), read from the shared
 * peer data; when that is absent, data of the same size are simulated from a fixed stable model and the printed
 * source says so.
 */
@State(Scope.Benchmark)
public class LdsDataState {
    /** The dataset's name. */
    @Param({"lds_d4_t100000", "lds_d10_t10000"})
    public String dataset;
    /** The true parameters. */
    public LinearGaussianStateSpaceModel model;
    /** The observations. */
    public TimeSeries y;

    /** Reads (or simulates) the dataset. */
    @Setup(Level.Trial)
    public void load() {
        String source = SharedPeers.dataset(dataset).map(dir -> {
            Map<String, NdArray> p = new LinkedHashMap<>();
            for (String name : new String[] {"A", "Q", "C", "R", "m0", "P0"}) p.put(name, SharedPeers.array(dir, name));
            model = LinearGaussianStateSpaceModel.fromParameters(p);
            NdArray obs = SharedPeers.array(dir, "y");
            y = TimeSeries.of(obs.dataView(), obs.dim(0), obs.dim(1));
            return dir.toString();
        }).orElseGet(this::simulate);
        System.out.println("# data: " + dataset + " from " + source);
    }

    private String simulate() {
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
        model = LinearGaussianStateSpaceModel.fromParameters(p);
        y = model.sample(t, null, rng).observations();
        return SimulatedDatasets.SOURCE_PREFIX + " (shared peer data absent)";
    }

}
