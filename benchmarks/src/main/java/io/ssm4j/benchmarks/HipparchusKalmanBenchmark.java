package io.ssm4j.benchmarks;

import io.ssm4j.inference.kalman.FilteredPosterior;
import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.inference.kalman.KalmanSmoother;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * ssm4j's Kalman filter and RTS smoother against Hipparchus' ({@link HipparchusKalman}) in the same JVM on the LDS
 * datasets {@code lds_d4_t100000} and {@code lds_d10_t10000} under their true parameters; ssm4j with and without
 * its steady-state shortcut.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Threads(1)
public class HipparchusKalmanBenchmark {
    /** The Hipparchus process and measurements of the dataset, built once. */
    @State(Scope.Benchmark)
    public static class Reference {
        HipparchusKalman kalman;

        /** Builds the Hipparchus inputs from the loaded dataset. */
        @Setup(Level.Trial)
        public void build(LdsDataState s) { kalman = HipparchusKalman.of(s.model, s.y); }
    }

    /** ssm4j's filter, default options (steady-state shortcut). */
    @Benchmark
    public FilteredPosterior ssm4jFilter(LdsDataState s) { return KalmanFilter.filter(s.model, s.y); }

    /** ssm4j's filter, every step in full. */
    @Benchmark
    public FilteredPosterior ssm4jFilterFull(LdsDataState s) {
        return KalmanFilter.filter(s.model, s.y, KalmanOptions.defaults().withoutSteadyState());
    }

    /** Hipparchus' linear Kalman filter. */
    @Benchmark
    public double[] hipparchusFilter(Reference r) { return r.kalman.filter(); }

    /** ssm4j's filter and smoother, default options. */
    @Benchmark
    public SmoothedPosterior ssm4jSmoother(LdsDataState s) { return KalmanSmoother.smooth(s.model, s.y); }

    /** Hipparchus' filter and RTS smoother. */
    @Benchmark
    public double[] hipparchusSmoother(Reference r) { return r.kalman.smooth(); }
}
