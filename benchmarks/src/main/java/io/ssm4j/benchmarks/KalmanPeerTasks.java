package io.ssm4j.benchmarks;

import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.inference.kalman.KalmanInference;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.inference.kalman.KalmanSmoother;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleSupplier;

/**
 * {@code bench} tasks that time ssm4j's Kalman filter and RTS smoother against Hipparchus' ({@link HipparchusKalman})
 * in the same JVM, on the same data, one thread each, under the datasets' true parameters:
 * <ul>
 *   <li>{@code kalman_filter_d10}, {@code kalman_smoother_d10}: {@code lds_d10_t10000} (D = 10, N = 20, T = 1e4);</li>
 *   <li>{@code kalman_filter_d4}, {@code kalman_smoother_d4}: {@code lds_d4_t100000} (D = 4, N = 8, T = 1e5).</li>
 * </ul>
 * ssm4j runs with its default options (steady-state shortcut on: the datasets are time-invariant and fully observed);
 * the {@code _full} variants switch it off, so every step is computed as Hipparchus does. The {@code _2workers}
 * variants time {@code KalmanInference} on a pool of 2 against ssm4j's own sequential smoother: the parallel-in-time
 * speed-up on two cores. ssm4j's key output is
 * log p(y); Hipparchus computes no likelihood, and {@code HipparchusAgreementTest} checks the means agree.
 */
final class KalmanPeerTasks {
    private static final ForkJoinPool TWO_WORKERS = new ForkJoinPool(2);
    private static final String SEQUENTIAL = "ssm4j KalmanSmoother (sequential, 1 thread)";
    private static final String FILTER = "Hipparchus LinearKalmanFilter", SMOOTHER = "Hipparchus LinearKalmanFilter + KalmanSmoother";

    private KalmanPeerTasks() {}

    static List<BenchTask<?>> all() {
        List<BenchTask<?>> out = new ArrayList<>();
        for (String[] ds : new String[][] {{"d10", "lds_d10_t10000", "D=10 N=20 T=1e4"}, {"d4", "lds_d4_t100000", "D=4 N=8 T=1e5"}}) {
            String dataset = ds[1];
            BenchTask.LivePeer<LdsTruthData> filter = new BenchTask.LivePeer<>(FILTER, KalmanPeerTasks::hipparchusFilter);
            BenchTask.LivePeer<LdsTruthData> smoother = new BenchTask.LivePeer<>(SMOOTHER, KalmanPeerTasks::hipparchusSmoother);
            out.add(BenchTask.live("kalman_filter_" + ds[0], "LDS " + ds[2] + ", true params: Kalman filter",
                    "log p(y)", () -> LdsTruthData.load(dataset), d -> ourFilter(d, true), 3, 7, filter));
            out.add(BenchTask.live("kalman_filter_" + ds[0] + "_full", "LDS " + ds[2] + ", true params: Kalman filter, "
                    + "no steady-state shortcut", "log p(y)", () -> LdsTruthData.load(dataset), d -> ourFilter(d, false), 3, 7, filter));
            out.add(BenchTask.live("kalman_smoother_" + ds[0], "LDS " + ds[2] + ", true params: Kalman filter + RTS smoother",
                    "log p(y)", () -> LdsTruthData.load(dataset), KalmanPeerTasks::ourSmoother, 3, 7, smoother));
            out.add(BenchTask.live("kalman_smoother_" + ds[0] + "_2workers", "LDS " + ds[2] + ", true params: filter + "
                    + "smoother by KalmanInference on 2 workers vs ssm4j's sequential smoother", "log p(y)",
                    () -> LdsTruthData.load(dataset), KalmanPeerTasks::ourTwoWorkerSmoother, 3, 7,
                    new BenchTask.LivePeer<>(SEQUENTIAL, KalmanPeerTasks::ourSmoother)));
        }
        return out;
    }

    private static DoubleSupplier ourFilter(LdsTruthData d, boolean steady) {
        KalmanOptions options = steady ? KalmanOptions.defaults()
                : KalmanOptions.defaults().withoutSteadyState();
        return () -> KalmanFilter.filter(d.model(), d.y(), options).logLikelihood();
    }

    private static DoubleSupplier ourSmoother(LdsTruthData d) {
        return () -> KalmanSmoother.smooth(d.model(), d.y()).logLikelihood();
    }

    /** KalmanInference's choice on a pool of 2 (the steady-state blocks when T is long). */
    private static DoubleSupplier ourTwoWorkerSmoother(LdsTruthData d) {
        ForkJoinPool pool = TWO_WORKERS;
        return () -> KalmanInference.smooth(d.model(), d.y(), KalmanOptions.defaults(), pool).logLikelihood();
    }

    private static DoubleSupplier hipparchusFilter(LdsTruthData d) {
        HipparchusKalman ref = HipparchusKalman.of(d.model(), d.y());
        return () -> last(ref.filter());
    }

    private static DoubleSupplier hipparchusSmoother(LdsTruthData d) {
        HipparchusKalman ref = HipparchusKalman.of(d.model(), d.y());
        return () -> last(ref.smooth());
    }

    private static double last(double[] v) { return v[v.length - 1]; }
}
