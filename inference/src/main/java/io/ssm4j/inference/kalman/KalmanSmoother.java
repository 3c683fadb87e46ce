package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

/**
 * The Rauch-Tung-Striebel smoother (Rauch, Tung and Striebel 1965, "Maximum likelihood estimates of linear
 * dynamic systems"), backwards from m_{T|T}, P_{T|T}:
 * <pre>
 *   J_t       = P_{t|t} A_t^T P_{t+1|t}^{-1}
 *   m_{t|T}   = m_{t|t} + J_t (m_{t+1|T} - m_{t+1|t})
 *   P_{t|T}   = P_{t|t} + J_t (P_{t+1|T} - P_{t+1|t}) J_t^T
 *   Cov(x_{t+1}, x_t | y) = P_{t+1|T} J_t^T                     (de Jong and MacKinnon 1988)
 * </pre>
 * Where the filter ran at steady state, J_t is fixed, and once P_{t|T} also stops changing the covariance
 * recursions are skipped (copies) until the filter's transient is reached ({@link RtsRecursion}). {@link #smooth(LinearGaussianStateSpaceModel,
 * FilteredPosterior, KalmanOptions)} works on a filter's output arrays alone, so other filters (a parallel-in-time
 * scan) can be checked against it.
 */
public final class KalmanSmoother {
    private KalmanSmoother() {}

    /** Filters and smooths with {@link KalmanOptions#defaults()}. */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y) {
        return smooth(model, y, KalmanOptions.defaults());
    }

    /** Filters and smooths one sequence. */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options) {
        return smooth(model, KalmanFilter.filter(model, y, options), options);
    }

    /** Smooths a filter's output. */
    public static SmoothedPosterior smooth(LinearGaussianStateSpaceModel model, FilteredPosterior f, KalmanOptions options) {
        int t = f.length(), d = f.latentDim(), dd = d * d;
        double[] ms = new double[t * d], ps = new double[t * dd], cross = new double[Math.max(t - 1, 0) * dd];
        RtsRecursion rts = new RtsRecursion(model, f, options, ms, ps, cross);
        for (int s = t - 2; s >= 0; s--) rts.step(s);
        return new SmoothedPosterior(t, d, f.logLikelihood(), ms, ps, cross);
    }
}
