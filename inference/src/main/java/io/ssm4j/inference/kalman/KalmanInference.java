package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.concurrent.ForkJoinPool;

/**
 * Filter and smoother that pick the sequential ({@link KalmanSmoother}) or the parallel-in-time
 * ({@link ParallelKalmanSmoother}) algorithm; both give the same {@link SmoothedPosterior} up to rounding.
 *
 * <p>The rule, per step, in multiply-adds, for latent dimension D and observation dimension N:
 * <pre>
 *   full   = 8 D^3 + 2 N D^2 + N^2 D + N^3 / 3      (predict, update, gain, covariance smoothing)
 *   steady = 4 N D + N^2 + 10 D^2                   (the sequential code once its covariances are fixed)
 *   seq    = steady when the model is time-invariant, nothing is missing and the steady-state switch is on,
 *            else full
 *   par    = PAR_FACTOR * full / W                  (element reductions, scan, finishing passes on W workers)
 * </pre>
 * Parallel is chosen when T &gt;= {@value #MIN_LENGTH}, W &gt;= 2 and seq &gt;= {@value #MARGIN} * par, with
 * W = min(available processors, pool parallelism) (the calling thread only waits). PAR_FACTOR =
 * {@value #PAR_FACTOR} is the measured cost of the parallel smoother on one worker relative to the sequential one
 * without steady state (1-2.6 on a loaded 2-core machine, D = 4, T = 100000 and D = 10, T = 10000). Measured
 * there (common pool, 1 worker; a pool of 2 was no faster): sequential with its steady-state shortcut
 * 30-60 ms (D = 4) and 18-40 ms (D = 10), sequential in full 250-380 ms and 300-440 ms, parallel 230-1500 ms
 * and 450-650 ms. So on 2 cores the rule always stays sequential; it goes parallel for data with missing entries
 * or time-varying parameters from W = 10 workers, and for steady-state data not below W of a few dozen
 * (predictions: not measured on many cores).
 */
public final class KalmanInference {
    /** Shorter sequences always run sequentially. */
    public static final int MIN_LENGTH = 4 * TimeBlocks.MIN_BLOCK;
    /** Work of the blocked scan relative to the sequential smoother without steady state (measured, rounded up). */
    static final double PAR_FACTOR = 2.5;
    /** Predicted gain required before going parallel (fork-join and memory traffic are not in the model). */
    static final double MARGIN = 4.0;

    private KalmanInference() {}

    /** Filters and smooths with {@link KalmanOptions#defaults()}, on the common pool when the rule says so. */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y) {
        return smooth(model, y, KalmanOptions.defaults(), ForkJoinPool.commonPool());
    }

    /**
     * Filters and smooths, on {@code pool} when the rule above says the parallel scan pays.
     *
     * @throws IllegalArgumentException when the data do not fit the model, or an argument is null
     */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                           ForkJoinPool pool) {
        ParallelKalmanFilter.requireArguments(model, y, options, pool);
        if (usesParallel(model, y, options, pool)) return ParallelKalmanSmoother.smooth(model, y, options, pool);
        return KalmanSmoother.smooth(model, y, options);
    }

    /** Whether {@link #smooth(LinearGaussianStateSpaceModel, TimeSeries, KalmanOptions, ForkJoinPool)} runs in parallel. */
    public static boolean usesParallel(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                       ForkJoinPool pool) {
        int workers = Math.min(Runtime.getRuntime().availableProcessors(), pool.getParallelism());
        boolean steady = options.steadyStateEnabled() && model.isTimeInvariant() && !y.hasMissing();
        return parallelPays(model.latentDim(), model.obsDim(), y.length(), steady, workers);
    }

    /** The rule itself. */
    static boolean parallelPays(int d, int n, int length, boolean steady, int workers) {
        if (length < MIN_LENGTH || workers < 2) return false;
        double dd = d, nn = n;
        double full = 8 * dd * dd * dd + 2 * nn * dd * dd + nn * nn * dd + nn * nn * nn / 3;
        double seq = steady ? 4 * nn * dd + nn * nn + 10 * dd * dd : full;
        return seq >= MARGIN * PAR_FACTOR * full / workers;
    }
}
