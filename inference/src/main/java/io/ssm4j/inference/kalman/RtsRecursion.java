package io.ssm4j.inference.kalman;

import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

/**
 * The backward steps of the RTS smoother ({@link KalmanSmoother}) over one filter output, one step at a time,
 * with its workspace and its steady-state state: where the filter ran at steady state the gain J_t is fixed,
 * and once P_{t|T} also stops changing within the tolerance the covariance recursion is
 * replaced by copies ({@link #covarianceFixed()}) until the filter's transient is reached.
 */
final class RtsRecursion {
    private final LinearGaussianStateSpaceModel model;
    private final FilteredPosterior f;
    private final KalmanOptions options;
    private final double[] ms;
    private final double[] ps;
    private final double[] cross;
    private final SmootherGain gain;
    private final double[] diff;
    private final double[] tmp;
    private boolean gainFixed;
    private boolean covFixed;

    /** Starts at step T-1 (m_{T|T}, P_{T|T} copied from the filter into ms, ps). */
    RtsRecursion(LinearGaussianStateSpaceModel model, FilteredPosterior f, KalmanOptions options, double[] ms,
                 double[] ps, double[] cross) {
        this.model = model;
        this.f = f;
        this.options = options;
        this.ms = ms;
        this.ps = ps;
        this.cross = cross;
        int t = f.length(), d = f.latentDim(), dd = d * d;
        gain = new SmootherGain(d);
        diff = new double[d];
        tmp = new double[dd];
        System.arraycopy(f.filteredMeans(), (t - 1) * d, ms, (t - 1) * d, d);
        System.arraycopy(f.filteredCovariances(), (t - 1) * dd, ps, (t - 1) * dd, dd);
    }

    /** Smoothed moments of step s from those of step s+1, and Cov(x_{s+1}, x_s | y). */
    void step(int s) {
        int d = f.latentDim(), dd = d * d;
        double[] pf = f.filteredCovariances(), pp = f.predictedCovariances();
        boolean steadyFilter = s >= f.steadyFrom();
        if (!(steadyFilter && gainFixed)) {
            gain.compute(model.dynamics(), f, s);
            gainFixed = steadyFilter;
            covFixed = false;
        }
        gain.backwardMean(f, s, ms, (s + 1) * d, ms, s * d, diff);
        if (covFixed) {
            System.arraycopy(ps, (s + 1) * dd, ps, s * dd, dd);
            System.arraycopy(cross, (s + 1) * dd, cross, s * dd, dd);
            return;
        }
        for (int i = 0; i < dd; i++) tmp[i] = ps[(s + 1) * dd + i] - pp[(s + 1) * dd + i];
        MatrixOps.mul(tmp, 0, gain.jT, 0, cross, s * dd, d, d, d);
        MatrixOps.mulTransA(gain.jT, 0, cross, s * dd, tmp, 0, d, d, d);
        for (int i = 0; i < dd; i++) ps[s * dd + i] = pf[s * dd + i] + tmp[i];
        MatrixOps.symmetrize(ps, s * dd, d);
        MatrixOps.mul(ps, (s + 1) * dd, gain.jT, 0, cross, s * dd, d, d, d);
        covFixed = steadyFilter && options.steadyStateEnabled()
                && MatrixOps.maxAbsDiff(ps, s * dd, ps, (s + 1) * dd, dd)
                <= options.steadyStateTolerance() * MatrixOps.maxAbs(ps, s * dd, dd);
    }

    /** Whether the next steps (down to the filter's first steady step) copy the covariances of the last one. */
    boolean covarianceFixed() { return covFixed; }

    /** The current gain (fixed while {@link #covarianceFixed()}). */
    SmootherGain gain() { return gain; }
}
