package io.ssm4j.inference.kalman;

import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import io.ssm4j.models.lds.MatrixSequence;

/**
 * The Kalman filter of {@link KalmanFilter} over the steps [from, to) of one sequence, starting from the predicted
 * moments m_{from|from-1}, P_{from|from-1} already stored at step {@code from} of the output arrays: the finishing
 * pass of each block of {@link ParallelKalmanFilter}. Writes predicted moments for steps from+1..to-1 and filtered
 * moments for from..to-1, and returns sum_{t in [from, to)} log N(y_t^o; C^o m_{t|t-1} + ..., S_t). Within the block
 * the same steady-state switch as the sequential filter applies (time-invariant model, nothing missing).
 */
final class BlockFilter {
    private final LinearGaussianStateSpaceModel model;
    private final double[] y;
    private final boolean[] mask;
    private final double[] u;
    private final KalmanOptions options;
    private final double[] mp;
    private final double[] pp;
    private final double[] mf;
    private final double[] pf;

    BlockFilter(LinearGaussianStateSpaceModel model, double[] y, boolean[] mask, double[] u, KalmanOptions options,
                double[] mp, double[] pp, double[] mf, double[] pf) {
        this.model = model;
        this.y = y;
        this.mask = mask;
        this.u = u;
        this.options = options;
        this.mp = mp;
        this.pp = pp;
        this.mf = mf;
        this.pf = pf;
    }

    /** Filters steps [from, to); returns their log-likelihood terms summed in time order. */
    double run(int from, int to) {
        int d = model.latentDim(), dd = d * d;
        MeasurementUpdate update = new MeasurementUpdate(d, model.obsDim());
        double[] tmp = new double[dd], work = new double[dd];
        MatrixSequence a = model.dynamics(), q = model.dynamicsCovariance();
        boolean canSteady = options.steadyStateEnabled() && model.isTimeInvariant() && mask == null;
        int steadyFrom = to;
        double ll = 0.0;
        for (int s = from; s < to; s++) {
            boolean steady = s >= steadyFrom;
            if (steady) {
                ll += update.steadyUpdate(model, y, u, s, mp, s * d, mf, s * d);
                System.arraycopy(pf, (s - 1) * dd, pf, s * dd, dd);
            } else {
                ll += update.update(model, y, mask, u, s, mp, s * d, pp, s * dd, mf, s * d, pf, s * dd, options.update());
            }
            if (!Double.isFinite(ll) || !Double.isFinite(mf[s * d])) {
                throw new IllegalStateException("Kalman filter: non-finite value at t=" + s);
            }
            if (s == to - 1) break;
            MatrixOps.mulVec(a.view(), a.offset(s), mf, s * d, mp, (s + 1) * d, d, d);
            model.addDynamicsOffset(u, s, mp, (s + 1) * d);
            if (steady) {
                System.arraycopy(pp, s * dd, pp, (s + 1) * dd, dd);
                continue;
            }
            KalmanFilter.predictCovariance(a.view(), a.offset(s), pf, s * dd, q.view(), q.offset(s), pp, (s + 1) * dd, tmp, work, d);
            if (canSteady && s > from && update.observed == model.obsDim()
                    && MatrixOps.maxAbsDiff(pp, (s + 1) * dd, pp, s * dd, dd)
                    <= options.steadyStateTolerance() * MatrixOps.maxAbs(pp, s * dd, dd)) {
                steadyFrom = s + 1;
            }
        }
        return ll;
    }

    /** Writes m_{t|t-1}, P_{t|t-1} at step t from the filtered state (mean at mo, cov at co) of step t-1. */
    void predictInto(int t, double[] mean, int mo, double[] cov, int co) {
        int d = model.latentDim(), dd = d * d;
        MatrixSequence a = model.dynamics(), q = model.dynamicsCovariance();
        MatrixOps.mulVec(a.view(), a.offset(t - 1), mean, mo, mp, t * d, d, d);
        model.addDynamicsOffset(u, t - 1, mp, t * d);
        KalmanFilter.predictCovariance(a.view(), a.offset(t - 1), cov, co, q.view(), q.offset(t - 1), pp, t * dd,
                new double[dd], new double[dd], d);
    }
}
