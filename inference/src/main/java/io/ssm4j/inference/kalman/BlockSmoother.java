package io.ssm4j.inference.kalman;

import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.Arrays;

/**
 * The per-block work of {@link ParallelKalmanSmoother} on one filter output: the smoother gains
 * J_t = P_{t|t} A_t^T P_{t+1|t}^{-1} of a block (stored transposed, one D x D block per step, shared by the
 * reduction and the finishing pass), optionally reduced into the block's {@link SmoothingElement}, and the RTS
 * recursion over a block from the smoothed state just after it:
 * <pre>
 *   m_{t|T} = m_{t|t} + J_t (m_{t+1|T} - m_{t+1|t}),   P_{t|T} = P_{t|t} + J_t (P_{t+1|T} - P_{t+1|t}) J_t^T,
 *   Cov(x_{t+1}, x_t | y) = P_{t+1|T} J_t^T
 * </pre>
 * (Rauch, Tung and Striebel 1965; de Jong and MacKinnon 1988 for the cross-covariance). A gain whose inputs
 * (A_t, P_{t|t}, P_{t+1|t}) are bit-identical to the next step's is copied, not recomputed, and where such a gain
 * also leaves P_{t|T} unchanged within {@link KalmanOptions#steadyStateTolerance()} the covariance recursion is
 * skipped, as in {@link KalmanSmoother}. Distinct blocks write disjoint ranges, so blocks may run concurrently.
 */
final class BlockSmoother {
    private final LinearGaussianStateSpaceModel model;
    private final FilteredPosterior f;
    private final KalmanOptions options;
    private final double[] ms;
    private final double[] ps;
    private final double[] cross;
    private final double[] gains;
    private final boolean[] repeat;

    BlockSmoother(LinearGaussianStateSpaceModel model, FilteredPosterior f, KalmanOptions options, double[] ms,
                  double[] ps, double[] cross) {
        this.model = model;
        this.f = f;
        this.options = options;
        this.ms = ms;
        this.ps = ps;
        this.cross = cross;
        int t = f.length(), d = f.latentDim();
        gains = new double[Math.max(t - 1, 0) * d * d];
        repeat = new boolean[Math.max(t - 1, 0)];
    }

    /**
     * Computes J_t^T for t in [from, min(to, T-1)), backwards; when {@code reduce}, also returns the smoothing
     * element of steps [from, to) (which must end before T-1), else null.
     */
    SmoothingElement gains(int from, int to, boolean reduce) {
        int t = f.length(), d = f.latentDim(), dd = d * d, hi = Math.min(to, t - 1);
        double[] pf = f.filteredCovariances(), pp = f.predictedCovariances();
        SmootherGain gain = new SmootherGain(d);
        SmoothingElement element = reduce ? new SmoothingElement(d) : null;
        double[] l = reduce ? new double[dd] : null;
        boolean fixedA = model.dynamics().isFixed();
        for (int s = hi - 1; s >= from; s--) {
            boolean same = s + 1 < hi && fixedA && sameBlock(pf, s, s + 1, dd) && sameBlock(pp, s + 1, s + 2, dd);
            repeat[s] = same;
            if (same) {
                System.arraycopy(gains, (s + 1) * dd, gains, s * dd, dd);
            } else {
                gain.compute(model.dynamics(), f, s);
                System.arraycopy(gain.jT, 0, gains, s * dd, dd);
                if (reduce) {
                    MatrixOps.mulTransA(gain.jT, 0, gain.aP, 0, l, 0, d, d, d);
                    for (int i = 0; i < dd; i++) l[i] = pf[s * dd + i] - l[i];
                    MatrixOps.symmetrize(l, 0, d);
                }
            }
            if (!reduce) continue;
            if (s == hi - 1) {
                element.setStep(gains, s * dd, f.filteredMeans(), s * d, f.predictedMeans(), (s + 1) * d, l, 0);
            } else {
                element.prepend(gains, s * dd, f.filteredMeans(), s * d, f.predictedMeans(), (s + 1) * d, l, 0);
            }
        }
        return element;
    }

    private static boolean sameBlock(double[] x, int i, int j, int dd) {
        return Arrays.equals(x, i * dd, (i + 1) * dd, x, j * dd, (j + 1) * dd);
    }

    /**
     * Runs the RTS recursion over [from, to), backwards, from the smoothed state of step {@code to} (nextMean,
     * nextCov), or from the filtered state of step T-1 when to == T (then the next arguments are ignored).
     * Needs {@link #gains} for the same steps first.
     */
    void run(int from, int to, double[] nextMean, double[] nextCov) {
        int t = f.length(), d = f.latentDim(), dd = d * d, hi = to;
        double[] mf = f.filteredMeans(), mp = f.predictedMeans(), pf = f.filteredCovariances(), pp = f.predictedCovariances();
        if (to == t) {
            System.arraycopy(mf, (t - 1) * d, ms, (t - 1) * d, d);
            System.arraycopy(pf, (t - 1) * dd, ps, (t - 1) * dd, dd);
            hi = t - 1;
        }
        double[] diff = new double[d], tmp = new double[dd];
        boolean covFixed = false;
        for (int s = hi - 1; s >= from; s--) {
            boolean edge = s + 1 == to;
            double[] nm = edge ? nextMean : ms, np = edge ? nextCov : ps;
            int nmo = edge ? 0 : (s + 1) * d, npo = edge ? 0 : (s + 1) * dd, jo = s * dd;
            for (int i = 0; i < d; i++) diff[i] = nm[nmo + i] - mp[(s + 1) * d + i];
            System.arraycopy(mf, s * d, ms, s * d, d);
            for (int i = 0; i < d; i++) {
                double di = diff[i];
                int r = jo + i * d;
                for (int j = 0; j < d; j++) ms[s * d + j] += gains[r + j] * di;
            }
            if (covFixed && repeat[s]) {
                System.arraycopy(ps, (s + 1) * dd, ps, s * dd, dd);
                System.arraycopy(cross, (s + 1) * dd, cross, s * dd, dd);
                continue;
            }
            for (int i = 0; i < dd; i++) tmp[i] = np[npo + i] - pp[(s + 1) * dd + i];
            MatrixOps.mul(tmp, 0, gains, jo, cross, s * dd, d, d, d);
            MatrixOps.mulTransA(gains, jo, cross, s * dd, tmp, 0, d, d, d);
            for (int i = 0; i < dd; i++) ps[s * dd + i] = pf[s * dd + i] + tmp[i];
            MatrixOps.symmetrize(ps, s * dd, d);
            MatrixOps.mul(np, npo, gains, jo, cross, s * dd, d, d, d);
            if (!Double.isFinite(ms[s * d]) || !Double.isFinite(ps[s * dd])) {
                throw new IllegalStateException("Kalman smoother: non-finite value at t=" + s);
            }
            covFixed = repeat[s] && options.steadyStateEnabled()
                    && MatrixOps.maxAbsDiff(ps, s * dd, np, npo, dd) <= options.steadyStateTolerance() * MatrixOps.maxAbs(ps, s * dd, dd);
        }
    }
}
