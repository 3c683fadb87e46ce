package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * The Kalman filter parallel in time: the associative scan of Sarkka and Garcia-Fernandez (2021), "Temporal
 * parallelization of Bayesian smoothers", IEEE Trans. Automatic Control 66(1), run as a blocked scan over
 * a {@link ForkJoinPool}, which is what pays on a few cores:
 * <ol>
 *   <li>in parallel: block 0 runs the ordinary filter from the prior; every other block [s, e) reduces the
 *       filtering elements of its steps ({@link FilteringOperator}) into one element
 *       (A, b, C, eta, J) of p(x_{e-1} | x_{s-1}, y_{s:e-1}) and p(y_{s:e-1} | x_{s-1});</li>
 *   <li>sequentially over the B block summaries: the filtered state at each block's end,
 *       N(m, P) (x) element = N(A (I + P J)^{-1} (m + P eta) + b, A (I + P J)^{-1} P A^T + C);</li>
 *   <li>in parallel: each block b &gt;= 1 predicts from its incoming filtered state and runs the ordinary filter
 *       ({@link BlockFilter}), which gives the exact per-step innovations and so the log marginal likelihood
 *       log p(y) = sum_t log N(y_t^o; C^o m_{t|t-1} + d^o + D^o u_t, S_t), summed per block then over blocks.</li>
 * </ol>
 * Missing entries and inputs are handled per step as in {@link KalmanFilter} (an element uses only the observed
 * rows of its step). The partition depends on T alone ({@link TimeBlocks}), so the output is bit-identical for
 * every pool size; it equals {@link KalmanFilter}'s up to rounding. The returned posterior reports
 * {@code steadyFrom = T}. The reduction costs O(D^3 + N D^2 + N^3) per step, a few times a sequential filter
 * step, spread over the workers; the sequential filter drops to O(D^2 + N D) per step once it reaches its steady
 * state, which the scan's reduction cannot: see {@link KalmanInference} for when the scan pays.
 */
public final class ParallelKalmanFilter {
    private ParallelKalmanFilter() {}

    /**
     * Filters one sequence on {@code pool}.
     *
     * @throws IllegalArgumentException when the data do not fit the model, or pool or options is null
     * @throws IllegalStateException    naming the step when a covariance loses positive-definiteness
     */
    public static FilteredPosterior filter(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                           ForkJoinPool pool) {
        requireArguments(model, y, options, pool);
        return filter(model, y, options, pool, TimeBlocks.of(y.length()));
    }

    static void requireArguments(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                 ForkJoinPool pool) {
        if (model == null) throw new IllegalArgumentException("model: must not be null");
        if (y == null) throw new IllegalArgumentException("y: must not be null");
        if (options == null) throw new IllegalArgumentException("options: must not be null");
        if (pool == null) throw new IllegalArgumentException("pool: must not be null");
        model.requireCompatible(y.length(), y.dim(), y.inputDim(), y.hasInputs());
    }

    /** The filter on a given partition (tests use small partitions). */
    static FilteredPosterior filter(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                    ForkJoinPool pool, TimeBlocks blocks) {
        Objects.requireNonNull(pool, "pool");
        int t = y.length(), count = blocks.count();
        double[] yv = y.valuesView(), u = y.hasInputs() ? y.inputsView() : null;
        boolean[] mask = y.maskView();
        BlockFilter runner = BlockFilter.forSequence(model, y, options);
        FilteredPosterior arrays = runner.posterior(Double.NaN, t); // a view of the output arrays, filled below
        double[] mf = arrays.filteredMeans(), pf = arrays.filteredCovariances();
        FilteringElement[] element = new FilteringElement[count];
        double[] ll = new double[count];
        try {
            TimeBlocks.runAll(pool, 0, count, b -> {
                if (b == 0) {
                    ll[0] = runner.run(0, blocks.end(0));
                } else {
                    element[b] = reduce(model, yv, mask, u, blocks.start(b), blocks.end(b));
                }
            });
            FilteringElement[] incoming = scan(model, blocks, element, mf, pf);
            TimeBlocks.runAll(pool, 1, count, b -> {
                int s = blocks.start(b);
                runner.predictInto(s, incoming[b].b, 0, incoming[b].c, 0);
                ll[b] = runner.run(s, blocks.end(b));
            });
        } catch (RuntimeException e) {
            throw exactFailure(model, y, options, e);
        }
        double total = 0.0;
        for (double v : ll) total += v;
        return runner.posterior(total, t);
    }

    /** The element of steps [from, to) given x_{from-1}, reduced left to right. */
    private static FilteringElement reduce(LinearGaussianStateSpaceModel model, double[] y, boolean[] mask, double[] u,
                                           int from, int to) {
        int d = model.latentDim();
        FilteringOperator op = new FilteringOperator(d, model.obsDim());
        FilteringElement acc = new FilteringElement(d), step = new FilteringElement(d), next = new FilteringElement(d);
        op.stepElement(model, y, mask, u, from, acc);
        for (int s = from + 1; s < to; s++) {
            op.stepElement(model, y, mask, u, s, step);
            op.combine(acc, step, next);
            FilteringElement swap = acc;
            acc = next;
            next = swap;
        }
        return acc;
    }

    /** The filtered state (as a state element: b = mean, c = covariance) at the step before each block b &gt;= 1. */
    private static FilteringElement[] scan(LinearGaussianStateSpaceModel model, TimeBlocks blocks,
                                           FilteringElement[] element, double[] mf, double[] pf) {
        int d = model.latentDim(), count = blocks.count();
        FilteringElement[] incoming = new FilteringElement[count];
        if (count < 2) return incoming;
        FilteringOperator op = new FilteringOperator(d, model.obsDim());
        incoming[1] = new FilteringElement(d);
        int last = blocks.end(0) - 1;
        incoming[1].setState(mf, last * d, pf, last * d * d);
        for (int b = 2; b < count; b++) {
            incoming[b] = new FilteringElement(d);
            op.combine(incoming[b - 1], element[b - 1], incoming[b]);
            incoming[b].setState(incoming[b].b, 0, incoming[b].c, 0);
        }
        return incoming;
    }

    /** The sequential filter's exception for these inputs (it names the earliest bad step), else {@code cause}. */
    private static RuntimeException exactFailure(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                                 RuntimeException cause) {
        try {
            KalmanFilter.filter(model, y, options);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e;
        }
        return cause;
    }
}
