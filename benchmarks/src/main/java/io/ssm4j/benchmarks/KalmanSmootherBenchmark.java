package io.ssm4j.benchmarks;

import io.ssm4j.inference.kalman.KalmanInference;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.inference.kalman.KalmanSmoother;
import io.ssm4j.inference.kalman.ParallelKalmanSmoother;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * Kalman filter + RTS smoother (means, covariances, lag-one cross-covariances, log-likelihood) on the LDS datasets
 * {@code lds_d4_t100000} and {@code lds_d10_t10000} under their true parameters: the sequential smoother with its
 * steady-state shortcut (the baseline), the same without the shortcut, the parallel-in-time blocked scan on the
 * common pool, and {@link KalmanInference#smooth}, which picks one of them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Threads(1)
public class KalmanSmootherBenchmark {
    /** Sequential filter and smoother with the steady-state shortcut (the default). */
    @Benchmark
    public SmoothedPosterior sequential(LdsDataState s) {
        return KalmanSmoother.smooth(s.model, s.y);
    }

    /** Sequential filter and smoother, every step computed in full. */
    @Benchmark
    public SmoothedPosterior sequentialFull(LdsDataState s) {
        return KalmanSmoother.smooth(s.model, s.y, KalmanOptions.defaults().withoutSteadyState());
    }

    /** The parallel-in-time filter and smoother on the common pool. */
    @Benchmark
    public SmoothedPosterior parallel(LdsDataState s) {
        return ParallelKalmanSmoother.smooth(s.model, s.y, ForkJoinPool.commonPool());
    }

    /** The automatic choice. */
    @Benchmark
    public SmoothedPosterior chosen(LdsDataState s) {
        return KalmanInference.smooth(s.model, s.y);
    }
}
