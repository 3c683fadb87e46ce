package io.ssm4j.inference.lds;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.distributions.RegressionStats;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.inference.kalman.KalmanInference;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * The E-step of LDS EM: the Kalman filter and RTS smoother of each trial, reduced to the {@link LdsStatistics}
 * (the expected moments of z_t = [x_t; u_t; 1]) and the exact log-likelihood. Trials run in parallel and are
 * summed in trial order, so the result does not depend on the thread count. Missing entries of y_t contribute
 * nothing to the emission sums; a step with some entries missing goes to the per-output sums.
 */
public final class LdsEStep {
    /** The key of the cached sum_t y_t y_t^T on a series. */
    private static final Object SCATTER_KEY = new Object();

    private LdsEStep() {}

    /** The statistics of one trial, its smoother run by {@link KalmanInference} on {@code pool} (null: this thread). */
    public static LdsStatistics of(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options,
                                   ForkJoinPool pool) {
        return fromPosterior(model, y, KalmanInference.smooth(model, y, options, pool));
    }

    /** Statistics summed over all trials (parallel over trials, reduced in order). */
    public static LdsStatistics of(LinearGaussianStateSpaceModel model, Trials trials, KalmanOptions options,
                                   TrialExecutor executor) {
        List<LdsStatistics> parts = executor.map(trials.size(), i -> of(model, trials.get(i), options, executor.pool()));
        LdsStatistics total = parts.get(0);
        for (int i = 1; i < parts.size(); i++) total = total.plus(parts.get(i));
        return total;
    }

    /**
     * The statistics of y from its smoothed posterior under the model. The posterior covariances enter only
     * through their sums sum_t P_{t|T} and sum_t V_{t+1,t|T} (contiguous loops), and sum_t y_t y_t^T of a fully
     * observed series is computed once per series, so a step costs O(P^2 + N P).
     */
    public static LdsStatistics fromPosterior(LinearGaussianStateSpaceModel model, TimeSeries y, SmoothedPosterior post) {
        int t = y.length(), d = model.latentDim(), m = model.inputDim(), n = model.obsDim(), p = d + m + 1, dd = d * d;
        double[] ms = post.means(), ps = post.covariances(), vs = post.crossCovariances();
        double[] u = m > 0 ? y.inputsView() : null, yv = y.valuesView();
        boolean[] mask = y.maskView();
        double[] z = new double[p], zNext = new double[p], cur = new double[p * p];
        double[] zzAll = new double[p * p], dynYz = new double[d * p];
        double[] emZz = new double[p * p], emYz = new double[n * p], emP = new double[dd];
        double[] emYy = mask == null ? y.derived(SCATTER_KEY, LdsEStep::outputScatter) : new double[n * n];
        double emN = 0;
        double[][] rowZz = null, rowYz = null;
        double[] rowYy = null, rowN = null;
        covariate(ms, u, 0, d, m, z);
        for (int s = 0; s < t; s++) {
            addOuterUpper(zzAll, z, p);
            if (s < t - 1) {
                covariate(ms, u, s + 1, d, m, zNext);
                for (int i = 0; i < d; i++) axpy(zNext[i], z, dynYz, i * p, p);
            }
            int observed = observedCount(mask, s, n);
            if (observed == n) {
                emN++;
                int yo = s * n;
                for (int i = 0; i < n; i++) axpy(yv[yo + i], z, emYz, i * p, p);
                if (mask != null) {
                    addOuterUpper(emZz, z, p);
                    for (int i = 0; i < dd; i++) emP[i] += ps[s * dd + i];
                    for (int i = 0; i < n; i++) for (int j = i; j < n; j++) emYy[i * n + j] += yv[yo + i] * yv[yo + j];
                }
            } else if (observed > 0) {
                if (rowZz == null) {
                    rowZz = new double[n][p * p];
                    rowYz = new double[n][p];
                    rowYy = new double[n];
                    rowN = new double[n];
                }
                secondMoment(z, ps, s * dd, d, p, cur);
                for (int i = 0; i < n; i++) {
                    if (!mask[s * n + i]) continue;
                    double yi = yv[s * n + i];
                    rowN[i]++;
                    rowYy[i] += yi * yi;
                    add(rowZz[i], cur);
                    axpy(yi, z, rowYz[i], 0, p);
                }
            }
            double[] swap = z;
            z = zNext;
            zNext = swap;
        }
        mirrorUpper(zzAll, p);
        double[] sumP = blockSum(ps, t, dd), sumV = blockSum(vs, t - 1, dd);
        // dynamics: covariates z_0..z_{T-2}, targets x_1..x_{T-1}
        double[] zLast = new double[p], zFirst = new double[p];
        covariate(ms, u, t - 1, d, m, zLast);
        covariate(ms, u, 0, d, m, zFirst);
        double[] dynZz = zzAll.clone(), dynYy = new double[dd];
        for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) dynZz[i * p + j] -= zLast[i] * zLast[j];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double pij = sumP[i * d + j];
                dynZz[i * p + j] += pij - ps[(t - 1) * dd + i * d + j];
                dynYz[i * p + j] += sumV[i * d + j];
                dynYy[i * d + j] = zzAll[i * p + j] - zFirst[i] * zFirst[j] + pij - ps[i * d + j];
            }
        }
        if (mask == null) {
            System.arraycopy(zzAll, 0, emZz, 0, p * p);
            System.arraycopy(sumP, 0, emP, 0, dd);
        } else {
            mirrorUpper(emZz, p);
            mirrorUpper(emYy, n);
        }
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) emZz[i * p + j] += emP[i * d + j];
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

    /** sum_t y_t y_t^T of a fully observed series (N x N), cached on the series. */
    private static double[] outputScatter(TimeSeries y) {
        int n = y.dim();
        double[] yv = y.valuesView(), out = new double[n * n];
        for (int s = 0; s < y.length(); s++) {
            for (int i = 0; i < n; i++) for (int j = i; j < n; j++) out[i * n + j] += yv[s * n + i] * yv[s * n + j];
        }
        mirrorUpper(out, n);
        return out;
    }

    /** The sum of count consecutive blocks of length len. */
    private static double[] blockSum(double[] a, int count, int len) {
        double[] out = new double[len];
        for (int b = 0; b < count; b++) for (int i = 0; i < len; i++) out[i] += a[b * len + i];
        return out;
    }

    private static void addOuterUpper(double[] acc, double[] z, int p) {
        for (int i = 0; i < p; i++) {
            double zi = z[i];
            for (int j = i; j < p; j++) acc[i * p + j] += zi * z[j];
        }
    }

    private static void mirrorUpper(double[] a, int p) {
        for (int i = 0; i < p; i++) for (int j = 0; j < i; j++) a[i * p + j] = a[j * p + i];
    }

    private static void axpy(double a, double[] x, double[] y, int yo, int len) {
        for (int j = 0; j < len; j++) y[yo + j] += a * x[j];
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
