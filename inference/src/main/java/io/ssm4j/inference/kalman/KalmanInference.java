package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.concurrent.ForkJoinPool;

/**
 * Filter and smoother that pick one of three algorithms; all give the same posterior up to rounding:
 * <ul>
 *   <li>{@link SteadyStateParallelKalman} when the steady-state shortcut applies (time-invariant model, nothing
 *       missing, switch on) and T &gt;= {@value #STEADY_BLOCKED_LENGTH}: its steady part runs in blocks on the pool,
 *       with work ~T, so it gains from 2 workers on; it is chosen whatever the pool (a null pool runs the blocks in
 *       order), so the numbers never depend on the thread count;</li>
 *   <li>otherwise {@link ParallelKalmanSmoother} (the general associative scan) when the rule below says so;</li>
 *   <li>otherwise the sequential {@link KalmanSmoother}.</li>
 * </ul>
 * The rule for the general scan, per step, in multiply-adds, for latent dimension D and observation dimension N:
 * <pre>
 *   full   = 8 D^3 + 2 N D^2 + N^2 D + N^3 / 3      (predict, update, gain, covariance smoothing)
 *   steady = 4 N D + N^2 + 10 D^2                   (the sequential code once its covariances are fixed)
 *   seq    = steady when the model is time-invariant, nothing is missing and the steady-state switch is on,
 *            else full
 *   par    = PAR_FACTOR * full / W                  (element reductions, scan, finishing passes on W workers)
 * </pre>
 * The scan is chosen when T &gt;= {@value #MIN_LENGTH}, W &gt;= 2 and seq &gt;= {@value #MARGIN} * par, with
 * W = min(available processors, pool parallelism). PAR_FACTOR = {@value #PAR_FACTOR} is the measured cost of the
 * scan on one worker relative to the sequential smoother without steady state (1-2.6 on a loaded 2-core machine,
 * D = 4, T = 100000 and D = 10, T = 10000). So on 2 cores the general scan is never chosen; it is for data with
 * missing entries or time-varying parameters from W = 10 workers (a prediction: not measured on many cores).
 */
public final class KalmanInference {
    /** Shorter sequences never use the general scan. */
    public static final int MIN_LENGTH = 4 * TimeBlocks.MIN_BLOCK;
    /** Steady-state-eligible sequences at least this long use {@link SteadyStateParallelKalman}. */
    public static final int STEADY_BLOCKED_LENGTH = 2 * SteadyStateParallelKalman.BLOCK;
    /** Work of the blocked scan relative to the sequential smoother without steady state (measured, rounded up). */
    static final double PAR_FACTOR = 2.5;
    /** Predicted gain required before going parallel (fork-join and memory traffic are not in the model). */
    static final double MARGIN = 4.0;

    /** Which algorithm {@link #smooth} runs. */
    public enum Algorithm { SEQUENTIAL, STEADY_STATE_BLOCKS, PARALLEL_SCAN }

    private KalmanInference() {}

    /** Filters and smooths with {@link KalmanOptions#defaults()} on the common pool. */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y) {
        return smooth(model, y, KalmanOptions.defaults(), ForkJoinPool.commonPool());
    }

    /**
     * Filters and smooths with the algorithm {@link #choose} picks, on {@code pool} (null: this thread only).
     *
     * @throws IllegalArgumentException when the data do not fit the model, or an argument other than the pool is null
     * @throws IllegalStateException    naming the step when a covariance loses positive-definiteness
     */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                           ForkJoinPool pool) {
        return switch (choose(model, y, options, pool)) {
            case STEADY_STATE_BLOCKS -> SteadyStateParallelKalman.smooth(model, y, options, pool);
            case PARALLEL_SCAN -> ParallelKalmanSmoother.smooth(model, y, options, pool);
            case SEQUENTIAL -> KalmanSmoother.smooth(model, y, options);
        };
    }

    /** The filter alone (log-likelihood and filtered moments), chosen like {@link #smooth}. */
    public static FilteredPosterior filter(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                           ForkJoinPool pool) {
        return switch (choose(model, y, options, pool)) {
            case STEADY_STATE_BLOCKS -> SteadyStateParallelKalman.filter(model, y, options, pool);
            case PARALLEL_SCAN -> ParallelKalmanFilter.filter(model, y, options, pool);
            case SEQUENTIAL -> KalmanFilter.filter(model, y, options);
        };
    }

    /** The algorithm for these inputs. */
    public static Algorithm choose(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                   ForkJoinPool pool) {
        if (model == null) throw new IllegalArgumentException("model: must not be null");
        if (y == null) throw new IllegalArgumentException("y: must not be null");
        if (options == null) throw new IllegalArgumentException("options: must not be null");
        model.requireCompatible(y.length(), y.dim(), y.inputDim(), y.hasInputs());
        boolean steady = options.steadyStateEnabled() && model.isTimeInvariant() && !y.hasMissing();
        if (steady && y.length() >= STEADY_BLOCKED_LENGTH) return Algorithm.STEADY_STATE_BLOCKS;
        int workers = pool == null ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), pool.getParallelism());
        return parallelPays(model.latentDim(), model.obsDim(), y.length(), steady, workers)
                ? Algorithm.PARALLEL_SCAN : Algorithm.SEQUENTIAL;
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
