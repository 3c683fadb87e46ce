package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
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

    private BlockFilter(LinearGaussianStateSpaceModel model, double[] y, boolean[] mask, double[] u, KalmanOptions options,
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

    /**
     * The filter of a whole sequence: output arrays allocated for its T steps, with the prior m0, P0 as the
     * predicted moments of step 0 (the first block's starting point).
     */
    static BlockFilter forSequence(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options) {
        int t = y.length(), d = model.latentDim(), dd = d * d;
        double[] mp = new double[t * d], pp = new double[t * dd], mf = new double[t * d], pf = new double[t * dd];
        System.arraycopy(model.initialMeanView(), 0, mp, 0, d);
        System.arraycopy(model.initialCovarianceView(), 0, pp, 0, dd);
        return new BlockFilter(model, y.valuesView(), y.maskView(), y.hasInputs() ? y.inputsView() : null, options,
                mp, pp, mf, pf);
    }

    /** The output arrays as a {@link FilteredPosterior} (shared, not copied). */
    FilteredPosterior posterior(double logLikelihood, int steadyFrom) {
        int d = model.latentDim();
        return new FilteredPosterior(mf.length / d, d, logLikelihood, mp, pp, mf, pf, steadyFrom);
    }

    /** Filters steps [from, to); returns their log-likelihood terms summed in time order. */
    double run(int from, int to) {
        Transient head = runTransient(from, to);
        return head.steadyFrom() < to ? runSteady(head, head.steadyFrom(), to, head.logLikelihood(), null)
                : head.logLikelihood();
    }

    /**
     * The full steps of [from, to) before the steady-state switch fires: their log-likelihood terms summed in
     * time order, the first steady step s (m_{s|s-1}, P_{s|s-1} written; {@code to} when the switch never fires)
     * and the fixed gain from there on (null when none).
     */
    record Transient(double logLikelihood, int steadyFrom, SteadyStep step) {}

    /** Filters steps [from, to) in full until the steady-state switch fires. */
    Transient runTransient(int from, int to) {
        int d = model.latentDim(), dd = d * d;
        MeasurementUpdate update = new MeasurementUpdate(d, model.obsDim());
        double[] tmp = new double[dd], work = new double[dd];
        MatrixSequence a = model.dynamics(), q = model.dynamicsCovariance();
        boolean canSteady = options.steadyStateEnabled() && model.isTimeInvariant() && mask == null;
        double ll = 0.0;
        for (int s = from; s < to; s++) {
            ll += update.update(model, y, mask, u, s, mp, s * d, pp, s * dd, mf, s * d, pf, s * dd, options.update());
            requireFinite(ll, s);
            if (s == to - 1) break;
            MatrixOps.mulVec(a.view(), a.offset(s), mf, s * d, mp, (s + 1) * d, d, d);
            model.addDynamicsOffset(u, s, mp, (s + 1) * d);
            KalmanFilter.predictCovariance(a.view(), a.offset(s), pf, s * dd, q.view(), q.offset(s), pp, (s + 1) * dd, tmp, work, d);
            if (canSteady && s > from && update.observed == model.obsDim()
                    && MatrixOps.maxAbsDiff(pp, (s + 1) * dd, pp, s * dd, dd)
                    <= options.steadyStateTolerance() * MatrixOps.maxAbs(pp, s * dd, dd)) {
                return new Transient(ll, s + 1, update.freeze(model));
            }
        }
        return new Transient(ll, to, null);
    }

    /**
     * Steady-state steps [from, to) after {@code head}, with a worker's own copy of its gain, starting from m_{from|from-1} at step
     * {@code from} of the mean arrays; the covariances are copies of P_{s|s-1} and P_{s-1|s-1} at the first steady
     * step s. Like {@link #run}, writes nothing at step {@code to}: the prediction out of the
     * last step goes into {@code outgoing} when that is not null (and the sequence goes on).
     * Returns {@code ll} plus the steps' log-likelihood terms, added in time order.
     */
    double runSteady(Transient head, int from, int to, double ll, double[] outgoing) {
        int d = model.latentDim(), dd = d * d, t = mf.length / d, first = head.steadyFrom();
        SteadyStep step = head.step().forWorker();
        for (int s = from; s < to; s++) {
            ll += step.update(y, u, s, mp, s * d, mf, s * d);
            requireFinite(ll, s);
            if (s < to - 1) step.predict(u, s, mf, s * d, mp, (s + 1) * d);
            else if (outgoing != null && s < t - 1) step.predict(u, s, mf, s * d, outgoing, 0);
        }
        MatrixOps.repeatBlock(pf, (first - 1) * dd, dd, from, to);
        MatrixOps.repeatBlock(pp, first * dd, dd, Math.max(from, first + 1), to);
        return ll;
    }

    private void requireFinite(double ll, int s) {
        if (!Double.isFinite(ll) || !Double.isFinite(mf[s * model.latentDim()])) {
            throw new IllegalStateException("Kalman filter: non-finite value at t=" + s);
        }
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
