package io.ssm4j.inference.lds;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.distributions.RegressionStats;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.inference.kalman.KalmanSmoother;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.List;

/**
 * The E-step of LDS EM: the Kalman filter and RTS smoother of each trial, reduced to the {@link LdsStatistics}
 * (the expected moments of z_t = [x_t; u_t; 1]) and the exact log-likelihood. Trials run in parallel and are
 * summed in trial order, so the result does not depend on the thread count. Missing entries of y_t contribute
 * nothing to the emission sums; a step with some entries missing goes to the per-output sums.
 */
public final class LdsEStep {
    private LdsEStep() {}

    /** The statistics of one trial. */
    public static LdsStatistics of(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options) {
        return fromPosterior(model, y, KalmanSmoother.smooth(model, y, options));
    }

    /** Statistics summed over all trials (parallel over trials, reduced in order). */
    public static LdsStatistics of(LinearGaussianStateSpaceModel model, Trials trials, KalmanOptions options,
                                   TrialExecutor executor) {
        List<LdsStatistics> parts = executor.map(trials.size(), i -> of(model, trials.get(i), options));
        LdsStatistics total = parts.get(0);
        for (int i = 1; i < parts.size(); i++) total = total.plus(parts.get(i));
        return total;
    }

    /** The statistics of y from its smoothed posterior under the model. */
    public static LdsStatistics fromPosterior(LinearGaussianStateSpaceModel model, TimeSeries y, SmoothedPosterior post) {
        int t = y.length(), d = model.latentDim(), m = model.inputDim(), n = model.obsDim(), p = d + m + 1, dd = d * d;
        double[] ms = post.means(), ps = post.covariances(), vs = post.crossCovariances();
        double[] u = m > 0 ? y.inputsView() : null, yv = y.valuesView();
        boolean[] mask = y.maskView();
        double[] z = new double[p], zNext = new double[p], cur = new double[p * p];
        double[] dynZz = new double[p * p], dynYz = new double[d * p], dynYy = new double[dd];
        double[] emZz = new double[p * p], emYz = new double[n * p], emYy = new double[n * n];
        double emN = 0;
        double[][] rowZz = null, rowYz = null;
        double[] rowYy = null, rowN = null;
        covariate(ms, u, 0, d, m, z);
        for (int s = 0; s < t; s++) {
            secondMoment(z, ps, s * dd, d, p, cur);
            if (s < t - 1) {
                covariate(ms, u, s + 1, d, m, zNext);
                add(dynZz, cur);
                for (int i = 0; i < d; i++) {
                    double xi = zNext[i];
                    for (int j = 0; j < p; j++) dynYz[i * p + j] += xi * z[j];
                    for (int j = 0; j < d; j++) {
                        dynYz[i * p + j] += vs[s * dd + i * d + j];
                        dynYy[i * d + j] += xi * zNext[j] + ps[(s + 1) * dd + i * d + j];
                    }
                }
            }
            int observed = observedCount(mask, s, n);
            if (observed == n) {
                emN++;
                add(emZz, cur);
                int yo = s * n;
                for (int i = 0; i < n; i++) {
                    double yi = yv[yo + i];
                    for (int j = 0; j < p; j++) emYz[i * p + j] += yi * z[j];
                    for (int j = 0; j < n; j++) emYy[i * n + j] += yi * yv[yo + j];
                }
            } else if (observed > 0) {
                if (rowZz == null) {
                    rowZz = new double[n][p * p];
                    rowYz = new double[n][p];
                    rowYy = new double[n];
                    rowN = new double[n];
                }
                for (int i = 0; i < n; i++) {
                    if (!mask[s * n + i]) continue;
                    double yi = yv[s * n + i];
                    rowN[i]++;
                    rowYy[i] += yi * yi;
                    add(rowZz[i], cur);
                    for (int j = 0; j < p; j++) rowYz[i][j] += yi * z[j];
                }
            }
            double[] swap = z;
            z = zNext;
            zNext = swap;
        }
        RegressionStats[] rows = null;
        if (rowZz != null) {
            rows = new RegressionStats[n];
            for (int i = 0; i < n; i++) rows[i] = new RegressionStats(rowN[i], rowZz[i], rowYz[i], new double[] {rowYy[i]});
        }
        double[] x0 = new double[d], x0x0 = new double[dd];
        System.arraycopy(ms, 0, x0, 0, d);
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) x0x0[i * d + j] = ps[i * d + j] + ms[i] * ms[j];
        return new LdsStatistics(1, x0, x0x0, new RegressionStats(Math.max(t - 1, 0), dynZz, dynYz, dynYy),
                new RegressionStats(emN, emZz, emYz, emYy), rows, post.logLikelihood());
    }

    /** z = [m_s; u_s; 1]. */
    private static void covariate(double[] ms, double[] u, int s, int d, int m, double[] z) {
        System.arraycopy(ms, s * d, z, 0, d);
        if (m > 0) System.arraycopy(u, s * m, z, d, m);
        z[d + m] = 1.0;
    }

    /** out = z z^T + [P_s 0; 0 0] = E[z_t z_t^T]. */
    private static void secondMoment(double[] z, double[] ps, int po, int d, int p, double[] out) {
        for (int i = 0; i < p; i++) {
            double zi = z[i];
            for (int j = 0; j < p; j++) out[i * p + j] = zi * z[j];
        }
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) out[i * p + j] += ps[po + i * d + j];
    }

    private static int observedCount(boolean[] mask, int s, int n) {
        if (mask == null) return n;
        int c = 0;
        for (int i = 0; i < n; i++) if (mask[s * n + i]) c++;
        return c;
    }

    private static void add(double[] acc, double[] v) {
        for (int i = 0; i < acc.length; i++) acc[i] += v[i];
    }
}
