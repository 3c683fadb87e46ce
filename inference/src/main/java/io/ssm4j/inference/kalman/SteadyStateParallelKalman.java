package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Supplier;

/**
 * The Kalman filter and RTS smoother of a time-invariant model on fully observed data, parallel in time over
 * the steady-state part of the sequence. Once the covariances have converged (the "converged" filter of
 * {@link KalmanFilter}) both passes are affine recurrences with a fixed matrix,
 * <pre>
 *   filter:    m_{t+1|t} = F m_{t|t-1} + g_t,        F = A (I - K C),  g_t = A K (y_t - d - D u_t) + B u_t + b
 *   smoother:  m_{t|T}   = J m_{t+1|T} + h_t,        h_t = m_{t|t} - J m_{t+1|t}
 * </pre>
 * and F, J have spectral radius below one (the steady-state filter and smoother are stable). So the steady part is
 * cut into blocks (a partition that depends on T alone, so any pool gives the same numbers); every block runs
 * the recurrence at once from a zero start (the first from the true one), and the true state x_s = x_s^0 + M^k c
 * differs from the local x_s^0 by the carried-in state c pushed through k steps, which dies out geometrically.
 * A short sequential pass then carries each block's true incoming state in and re-runs its first steps until the
 * correction is below one unit in the last place of the state for {@value #QUIET_STEPS} steps in a row (or the
 * block ends), fixing the log-likelihood terms of those steps on the way; the rest of the block is already exact
 * to rounding. This is the two-level scan of the affine maps (Blelloch 1990, "Prefix sums and their
 * applications"; for Kalman filters Sarkka and Garcia-Fernandez 2021) with the block reduction replaced by the
 * geometric decay of F^k and J^k: work stays ~T instead of the 2-3 T of a general scan, so 2 cores already gain.
 * The transient at the start (filter) and at the end (smoother covariances) runs sequentially as in
 * {@link KalmanFilter} and {@link KalmanSmoother}; results equal theirs up to rounding.
 */
final class SteadyStateParallelKalman {
    /** Steps in a block of the default partition (before rounding to at most {@value #MAX_BLOCKS} blocks). */
    static final int BLOCK = 16384;
    /** The most blocks. */
    static final int MAX_BLOCKS = 32;
    /** Consecutive negligible corrections after which a block's remaining local values are taken as exact. */
    static final int QUIET_STEPS = 4;

    private SteadyStateParallelKalman() {}

    /** The partition of n steady steps: ceil(n / BLOCK) blocks, at most {@value #MAX_BLOCKS}. */
    static TimeBlocks partition(int n) {
        return TimeBlocks.of(n, Math.max(1, Math.min(MAX_BLOCKS, (n + BLOCK - 1) / BLOCK)));
    }

    /** Filters and smooths one sequence, its steady part in blocks on {@code pool} (null: in order, here). */
    static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                    ForkJoinPool pool) {
        int t = y.length(), d = model.latentDim(), dd = d * d;
        // the smoother's outputs (tens of MB, zeroed by the JVM) are allocated by a worker while this thread filters
        Supplier<double[][]> allocate = () -> new double[][] {new double[t * d], new double[t * dd], new double[Math.max(t - 1, 0) * dd]};
        ForkJoinTask<double[][]> outputs = pool == null ? null : pool.submit(allocate::get);
        FilteredPosterior f = filter(model, y, options, pool);
        double[][] out = outputs == null ? allocate.get() : outputs.join();
        double[] ms = out[0], ps = out[1], cross = out[2];
        RtsRecursion rts = new RtsRecursion(model, f, options, ms, ps, cross);
        int s = t - 2;
        while (s >= 0 && !(rts.covarianceFixed() && s >= f.steadyFrom())) rts.step(s--);
        if (s >= 0) {
            smoothSteady(f, rts.gain(), f.steadyFrom(), s + 1, ms, ps, cross, pool);
            s = f.steadyFrom() - 1;
        }
        for (; s >= 0; s--) rts.step(s);
        return new SmoothedPosterior(t, d, f.logLikelihood(), ms, ps, cross);
    }

    /** Filters one sequence, its steady part in blocks on {@code pool} (null: in order, here). */
    static FilteredPosterior filter(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                    ForkJoinPool pool) {
        int t = y.length(), d = model.latentDim();
        model.requireCompatible(t, y.dim(), y.inputDim(), y.hasInputs());
        BlockFilter steps = BlockFilter.forSequence(model, y, options);
        BlockFilter.Transient head = steps.runTransient(0, t);
        int first = head.steadyFrom();
        if (first >= t) return steps.posterior(head.logLikelihood(), first);
        FilteredPosterior arrays = steps.posterior(Double.NaN, first); // a view of the output arrays, filled below
        double[] yv = y.valuesView(), u = y.hasInputs() ? y.inputsView() : null;
        double[] mp = arrays.predictedMeans(), mf = arrays.filteredMeans();
        TimeBlocks blocks = partition(t - first);
        int count = blocks.count();
        double[] blockLl = new double[count];
        double[][] outgoing = new double[count][d];
        TimeBlocks.runAll(pool, 0, count, b -> {
            int from = first + blocks.start(b), to = first + blocks.end(b);
            if (b > 0) Arrays.fill(mp, from * d, (from + 1) * d, 0.0);
            blockLl[b] = steps.runSteady(head, from, to, 0.0, outgoing[b]);
        });
        SteadyStep step = head.step().forWorker();
        double[] incoming = outgoing[0], scratch = new double[d];
        for (int b = 1; b < count; b++) {
            int from = first + blocks.start(b), to = first + blocks.end(b);
            FilterCorrection c = correctFilter(step, yv, u, from, to, incoming, outgoing[b], mp, mf, scratch, t);
            blockLl[b] += c.logLikelihoodChange();
            incoming = c.outgoing();
        }
        double ll = head.logLikelihood();
        for (double v : blockLl) ll += v;
        return steps.posterior(ll, first);
    }

    /** The change of a block's log-likelihood terms and the block's true outgoing prediction. */
    private record FilterCorrection(double logLikelihoodChange, double[] outgoing) {}

    /**
     * Re-runs the steps of block [from, to) from its true incoming prediction until the correction to the local
     * m_{s|s-1} is negligible for {@value #QUIET_STEPS} steps; the outgoing prediction is then the local one.
     */
    private static FilterCorrection correctFilter(SteadyStep step, double[] y, double[] u, int from, int to,
                                                  double[] incoming, double[] localOutgoing, double[] mp, double[] mf,
                                                  double[] scratch, int t) {
        int d = incoming.length;
        double[] x = incoming.clone();
        double change = 0.0;
        int quiet = 0;
        for (int s = from; s < to; s++) {
            quiet = negligible(x, 0, mp, s * d) ? quiet + 1 : 0;
            if (quiet >= QUIET_STEPS) return new FilterCorrection(change, localOutgoing);
            change -= step.update(y, u, s, mp, s * d, scratch, 0);
            System.arraycopy(x, 0, mp, s * d, d);
            change += step.update(y, u, s, mp, s * d, mf, s * d);
            if (s < t - 1) step.predict(u, s, mf, s * d, x, 0);
        }
        return new FilterCorrection(change, x);
    }

    /**
     * Smoothed means of the steady steps [lo, hi) from m_{hi|T} (already in ms) with the fixed gain, and the
     * covariances there as copies of those at hi.
     */
    private static void smoothSteady(FilteredPosterior f, SmootherGain gain, int lo, int hi, double[] ms, double[] ps,
                                     double[] cross, ForkJoinPool pool) {
        int d = f.latentDim(), dd = d * d;
        TimeBlocks blocks = partition(hi - lo);
        int count = blocks.count();
        double[] zero = new double[d];
        TimeBlocks.runAll(pool, 0, count, b -> {
            int from = lo + blocks.start(b), to = lo + blocks.end(b);
            double[] diff = new double[d];
            for (int s = to - 1; s >= from; s--) {
                boolean top = s == to - 1;
                double[] next = top && b < count - 1 ? zero : ms;
                gain.backwardMean(f, s, next, next == zero ? 0 : (s + 1) * d, ms, s * d, diff);
            }
            MatrixOps.repeatBlock(ps, hi * dd, dd, from, to);
            MatrixOps.repeatBlock(cross, hi * dd, dd, from, to);
        });
        double[] value = new double[d], diff = new double[d];
        for (int b = count - 2; b >= 0; b--) {
            int from = lo + blocks.start(b), to = lo + blocks.end(b);
            int quiet = 0;
            for (int s = to - 1; s >= from; s--) {
                gain.backwardMean(f, s, ms, (s + 1) * d, value, 0, diff);
                quiet = negligible(value, 0, ms, s * d) ? quiet + 1 : 0;
                if (quiet >= QUIET_STEPS) break;
                System.arraycopy(value, 0, ms, s * d, d);
            }
        }
    }

    /** Whether max_i |x_i - y_i| is at most one unit in the last place of max_i |y_i|. */
    private static boolean negligible(double[] x, int xo, double[] y, int yo) {
        int d = x.length;
        double diff = 0.0, scale = 0.0;
        for (int i = 0; i < d; i++) {
            diff = Math.max(diff, Math.abs(x[xo + i] - y[yo + i]));
            scale = Math.max(scale, Math.abs(y[yo + i]));
        }
        return diff <= Math.ulp(scale);
    }
}
