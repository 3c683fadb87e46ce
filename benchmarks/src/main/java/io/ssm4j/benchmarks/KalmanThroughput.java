package io.ssm4j.benchmarks;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Floating-point throughput of the dense Kalman filter ({@code benchmarks/bench throughput [D] [T]}): a seeded
 * D x D model with N = D outputs (A = 0.9 I + 0.05 G / sqrt(D), Q = 0.1 I, C = G' / sqrt(D), R = 0.5 I, G and G'
 * standard normal), T steps, every step in full ({@link KalmanOptions#withoutSteadyState()}), one thread. One step
 * of the standard form costs, counting a multiply-add as 2 flops,
 * <pre>
 *   update:   C P            2 N D^2
 *             (C P) C^T      2 N^2 D
 *             chol(S)        N^3 / 3
 *             L^{-1} (C P)   N^2 D
 *             G G^T          2 N D^2      (P_f = P - G G^T, G = (C P)^T L^{-T})
 *   predict:  A P            2 D^3
 *             (A P) A^T      2 D^3
 * </pre>
 * (lower-order terms dropped), 11 1/3 D^3 at N = D. GFLOP/s = flops per step * T / seconds, set against the
 * machine's double-precision peak of one core: GHz x 2 FMA units x lanes (4 for AVX2, 8 for AVX-512) x 2 flops,
 * with the clock and flags read from /proc/cpuinfo.
 */
public final class KalmanThroughput {
    private KalmanThroughput() {}

    /** Flops of one full filter step with latent dimension d and n outputs (see the class comment). */
    public static double flopsPerStep(int d, int n) {
        double dd = d, nn = n;
        return 2 * nn * dd * dd + 2 * nn * nn * dd + nn * nn * nn / 3 + nn * nn * dd + 2 * nn * dd * dd + 4 * dd * dd * dd;
    }

    /** Runs the measurement: args [D] [T] [repeats]. */
    public static void main(String[] args) throws Exception {
        int d = args.length > 0 ? Integer.parseInt(args[0]) : 64, t = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        LinearGaussianStateSpaceModel model = model(d, Rng.seeded(64));
        TimeSeries y = model.sample(t, null, Rng.seeded(65)).observations();
        KalmanOptions full = KalmanOptions.defaults().withoutSteadyState();
        Timing timing = RepeatTimer.time(3, repeats, () -> KalmanFilter.filter(model, y, full).logLikelihood());
        double gflops = flopsPerStep(d, d) * t / timing.median() / 1e9, best = flopsPerStep(d, d) * t / timing.min() / 1e9;
        double ghz = clockGhz();
        int lanes = hasFlag("avx512f") ? 8 : hasFlag("avx2") ? 4 : 2;
        double peak = ghz * 2 * lanes * 2;
        System.out.printf(Locale.ROOT, "machine: %s%n", MachineInfo.current().describe());
        System.out.printf(Locale.ROOT, "Kalman filter, D = N = %d, T = %d, no steady state, one thread%n", d, t);
        System.out.printf(Locale.ROOT, "flops/step: %.0f (11 1/3 D^3 at N = D); median %.4f s, min %.4f s over %d runs%n",
                flopsPerStep(d, d), timing.median(), timing.min(), repeats);
        System.out.printf(Locale.ROOT, "throughput: %.2f GFLOP/s (median), %.2f GFLOP/s (best)%n", gflops, best);
        System.out.printf(Locale.ROOT, "peak of one core: %.3f GHz x 2 FMA x %d lanes x 2 = %.1f GFLOP/s; fraction %.1f%% (median), %.1f%% (best)%n",
                ghz, lanes, peak, 100 * gflops / peak, 100 * best / peak);
    }

    static LinearGaussianStateSpaceModel model(int d, Rng rng) {
        double[] a = new double[d * d], c = new double[d * d], q = new double[d * d], r = new double[d * d], p0 = new double[d * d];
        double s = 1 / Math.sqrt(d);
        for (int i = 0; i < d * d; i++) {
            a[i] = 0.05 * s * rng.gaussian();
            c[i] = s * rng.gaussian();
        }
        for (int i = 0; i < d; i++) {
            a[i * d + i] += 0.9;
            q[i * d + i] = 0.1;
            r[i * d + i] = 0.5;
            p0[i * d + i] = 1;
        }
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(a, d, d));
        p.put("Q", NdArray.of(q, d, d));
        p.put("C", NdArray.of(c, d, d));
        p.put("R", NdArray.of(r, d, d));
        p.put("m0", NdArray.of(new double[d], d));
        p.put("P0", NdArray.of(p0, d, d));
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    private static double clockGhz() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("cpu MHz")) return Double.parseDouble(line.substring(line.indexOf(':') + 1).trim()) / 1000;
            }
        } catch (Exception e) {
            System.err.println("throughput: cannot read the clock from /proc/cpuinfo (" + e.getMessage() + "); assuming 2.0 GHz");
        }
        return 2.0;
    }

    private static boolean hasFlag(String flag) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) return (" " + line + " ").contains(" " + flag + " ");
            }
        } catch (Exception e) {
            return false;
        }
        return false;
    }
}
