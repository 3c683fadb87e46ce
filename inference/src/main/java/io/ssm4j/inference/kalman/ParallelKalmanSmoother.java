package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.concurrent.ForkJoinPool;

/**
 * The Rauch-Tung-Striebel smoother parallel in time (Sarkka and Garcia-Fernandez 2021, "Temporal parallelization
 * of Bayesian smoothers", IEEE Trans. Automatic Control 66(1)), after {@link ParallelKalmanFilter}, as a blocked
 * scan over a {@link ForkJoinPool} on the partition of {@link TimeBlocks}:
 * <ol>
 *   <li>in parallel: every block computes its smoother gains J_t = P_{t|t} A_t^T P_{t+1|t}^{-1}; the last block
 *       then runs the ordinary RTS recursion from m_{T|T}, P_{T|T}, and each inner block reduces its smoothing
 *       elements (E_t, g_t, L_t) = (J_t, m_{t|t} - J_t m_{t+1|t}, P_{t|t} - J_t P_{t+1|t} J_t^T) into one
 *       ({@link SmoothingElement});</li>
 *   <li>sequentially, from the last block back: the smoothed state at each block's end,
 *       m_s = E m_e + g, P_s = E P_e E^T + L;</li>
 *   <li>in parallel: every other block runs the RTS recursion from its incoming smoothed state, with the
 *       lag-one cross-covariances Cov(x_{t+1}, x_t | y) = P_{t+1|T} J_t^T.</li>
 * </ol>
 * Returns the same {@link SmoothedPosterior} as {@link KalmanSmoother} up to rounding (the log-likelihood is the
 * parallel filter's), bit-identical for every pool size because the partition depends on T alone.
 * {@link KalmanInference} chooses between this and the sequential smoother.
 */
public final class ParallelKalmanSmoother {
    private ParallelKalmanSmoother() {}

    /** Filters and smooths one sequence on {@code pool} with {@link KalmanOptions#defaults()}. */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y, ForkJoinPool pool) {
        return smooth(model, y, KalmanOptions.defaults(), pool);
    }

    /**
     * Filters and smooths one sequence on {@code pool}.
     *
     * @throws IllegalArgumentException when the data do not fit the model, or an argument is null
     * @throws IllegalStateException    naming the step when a covariance loses positive-definiteness
     */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                           ForkJoinPool pool) {
        ParallelKalmanFilter.requireArguments(model, y, options, pool);
        return smooth(model, y, options, pool, TimeBlocks.of(y.length()));
    }

    /** Filter and smoother on a given partition (tests use small partitions). */
    static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                    ForkJoinPool pool, TimeBlocks blocks) {
        FilteredPosterior f = ParallelKalmanFilter.filter(model, y, options, pool, blocks);
        try {
            return smooth(model, f, options, pool, blocks);
        } catch (RuntimeException e) {
            try {
                KalmanSmoother.smooth(model, y, options);
            } catch (IllegalArgumentException | IllegalStateException exact) {
                throw exact;
            }
            throw e;
        }
    }

    private static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, FilteredPosterior f,
                                            KalmanOptions options, ForkJoinPool pool, TimeBlocks blocks) {
        int t = f.length(), d = f.latentDim(), dd = d * d, count = blocks.count();
        double[] ms = new double[t * d], ps = new double[t * dd], cross = new double[Math.max(t - 1, 0) * dd];
        BlockSmoother smoother = new BlockSmoother(model, f, options, ms, ps, cross);
        SmoothingElement[] element = new SmoothingElement[count];
        TimeBlocks.runAll(pool, 0, count, b -> {
            int s = blocks.start(b), e = blocks.end(b);
            if (b == count - 1) {
                smoother.gains(s, e, false);
                smoother.run(s, e, null, null);
            } else {
                element[b] = smoother.gains(s, e, b > 0);
            }
        });
        double[][] inMean = new double[count][], inCov = new double[count][];
        for (int b = count - 2; b >= 0; b--) {
            if (b == count - 2) {
                int s = blocks.start(count - 1);
                inMean[b] = java.util.Arrays.copyOfRange(ms, s * d, (s + 1) * d);
                inCov[b] = java.util.Arrays.copyOfRange(ps, s * dd, (s + 1) * dd);
            } else {
                inMean[b] = new double[d];
                inCov[b] = new double[dd];
                element[b + 1].apply(inMean[b + 1], inCov[b + 1], inMean[b], inCov[b]);
            }
        }
        TimeBlocks.runAll(pool, 0, count - 1, b -> smoother.run(blocks.start(b), blocks.end(b), inMean[b], inCov[b]));
        return new SmoothedPosterior(t, d, f.logLikelihood(), ms, ps, cross);
    }
}
