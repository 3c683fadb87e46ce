package io.ssm4j.inference.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.distributions.RegressionStats;
import io.ssm4j.math.SymmetricEigen;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A starting point for LDS EM by principal component analysis (as in ssm's and dynamax's initialisations;
 * Roweis and Ghahramani 1999): with ybar the mean of the observed entries and U the top-D eigenvectors of the
 * sample covariance of y (missing entries filled with the column means),
 * <pre>
 *   x_t = U^T (y_t - ybar)                                          (projection)
 *   [A B b], Q  = least squares of x_{t+1} on [x_t; u_t; 1], residual covariance
 *   [C D d], R  = least squares of y_t on [x_t; u_t; 1], diagonal residual variances
 *   m0 = mean of the x_1, P0 = covariance of all x_t
 * </pre>
 * Each covariance is floored (Q, P0 at 1e-6 of their mean variance, each R_ii at 1e-3 of var(y_i)) so the start is
 * positive definite even when D = N. B and D exist when the data have inputs. Deterministic: no random numbers are
 * drawn (eigenvector signs are fixed so the largest entry of each is positive).
 */
public final class LdsInitializer {
    private static final double STATE_FLOOR = 1e-6;
    private static final double NOISE_FLOOR = 1e-3;

    private LdsInitializer() {}

    /**
     * @throws IllegalArgumentException when latentDim is not in 1..N or the trials are too short to regress on
     */
    public static LinearGaussianStateSpaceModel pca(Trials trials, int latentDim) {
        int n = trials.dim(), d = latentDim, m = trials.get(0).hasInputs() ? trials.inputDim() : 0, p = d + m + 1;
        if (d < 1 || d > n) throw new IllegalArgumentException("latent dimension must be in 1.." + n + " (the data dimension), got " + d);
        double[] mean = new double[n], var = new double[n];
        double[] cov = covariance(trials, mean, var);
        double[] u = SymmetricEigen.top(cov, n, d).vectors();
        double[][] xs = new double[trials.size()][];
        for (int k = 0; k < trials.size(); k++) xs[k] = project(trials.get(k), u, mean, d);
        RegressionStats dyn = RegressionStats.empty(d, p), emis = RegressionStats.empty(n, p);
        double[] x0 = new double[d], xx = new double[d * d], xs1 = new double[d];
        long steps = 0;
        for (int k = 0; k < trials.size(); k++) {
            TimeSeries y = trials.get(k);
            int t = y.length();
            double[] z = covariates(xs[k], y, t, d, m);
            double[] filled = filled(y, mean);
            dyn = dyn.plus(moments(z, p, xs[k], d, d, t - 1));
            emis = emis.plus(moments(z, p, filled, 0, n, t));
            for (int i = 0; i < d; i++) x0[i] += xs[k][i] / trials.size();
            for (int s = 0; s < t; s++) {
                for (int i = 0; i < d; i++) {
                    xs1[i] += xs[k][s * d + i];
                    for (int j = 0; j < d; j++) xx[i * d + j] += xs[k][s * d + i] * xs[k][s * d + j];
                }
            }
            steps += t;
        }
        boolean[] all = new boolean[p];
        java.util.Arrays.fill(all, true);
        RegressionMStep.Result dr = RegressionMStep.maximize(dyn, new double[d * p], all, new double[d * d], true, false, null,
                "initial dynamics regression");
        RegressionMStep.Result er = RegressionMStep.maximize(emis, new double[n * p], all, new double[n * n], true, true, null,
                "initial emission regression");
        double[] p0 = new double[d * d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) p0[i * d + j] = xx[i * d + j] / steps - xs1[i] * xs1[j] / ((double) steps * steps);
        double[] r = er.covariance();
        for (int i = 0; i < n; i++) r[i * n + i] = Math.max(r[i * n + i], NOISE_FLOOR * var[i]) + Double.MIN_NORMAL;
        Map<String, NdArray> params = new LinkedHashMap<>();
        LdsMStep.putWeights(params, dr.weights(), d, m, "A", "B", "b");
        params.put("Q", NdArray.of(floored(dr.covariance(), d), d, d));
        LdsMStep.putWeights(params, er.weights(), n, m, "C", "D", "d");
        params.put("R", NdArray.of(r, n, n));
        params.put("m0", NdArray.of(x0, d));
        params.put("P0", NdArray.of(floored(p0, d), d, d));
        return LinearGaussianStateSpaceModel.fromParameters(params);
    }

    /** Sample covariance of y with missing entries filled by the column means; fills mean and var. */
    private static double[] covariance(Trials trials, double[] mean, double[] var) {
        int n = mean.length;
        double[] count = new double[n];
        for (TimeSeries y : trials) {
            for (int t = 0; t < y.length(); t++) {
                for (int i = 0; i < n; i++) {
                    if (y.isObserved(t, i)) {
                        mean[i] += y.value(t, i);
                        count[i]++;
                    }
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (count[i] == 0) throw new IllegalArgumentException("output " + i + " is never observed; cannot initialise by PCA");
            mean[i] /= count[i];
        }
        double[] cov = new double[n * n], c = new double[n];
        long total = 0;
        for (TimeSeries y : trials) {
            for (int t = 0; t < y.length(); t++, total++) {
                for (int i = 0; i < n; i++) c[i] = y.isObserved(t, i) ? y.value(t, i) - mean[i] : 0;
                for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) cov[i * n + j] += c[i] * c[j];
            }
        }
        for (int i = 0; i < n * n; i++) cov[i] /= total;
        for (int i = 0; i < n; i++) var[i] = cov[i * n + i];
        return cov;
    }

    private static double[] filled(TimeSeries y, double[] mean) {
        int t = y.length(), n = y.dim();
        double[] out = new double[t * n];
        for (int s = 0; s < t; s++) for (int i = 0; i < n; i++) out[s * n + i] = y.isObserved(s, i) ? y.value(s, i) : mean[i];
        return out;
    }

    private static double[] project(TimeSeries y, double[] u, double[] mean, int d) {
        double[] f = filled(y, mean);
        int t = y.length(), n = y.dim();
        double[] x = new double[t * d];
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < n; i++) {
                double c = f[s * n + i] - mean[i];
                for (int j = 0; j < d; j++) x[s * d + j] += u[i * d + j] * c;
            }
        }
        return x;
    }

    /** Rows z_t = [x_t; u_t; 1], T x P. */
    private static double[] covariates(double[] x, TimeSeries y, int t, int d, int m) {
        int p = d + m + 1;
        double[] z = new double[t * p];
        for (int s = 0; s < t; s++) {
            System.arraycopy(x, s * d, z, s * p, d);
            for (int j = 0; j < m; j++) z[s * p + d + j] = y.input(s, j);
            z[s * p + d + m] = 1;
        }
        return z;
    }

    /** Moments of the targets v (rows of width q, starting vShift entries in) on the covariate rows of z, for count rows. */
    private static RegressionStats moments(double[] z, int p, double[] v, int vShift, int q, int count) {
        double[] zz = new double[p * p], yz = new double[q * p], yy = new double[q * q];
        for (int s = 0; s < Math.max(count, 0); s++) {
            int zo = s * p, vo = s * q + vShift;
            for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) zz[i * p + j] += z[zo + i] * z[zo + j];
            for (int i = 0; i < q; i++) {
                for (int j = 0; j < p; j++) yz[i * p + j] += v[vo + i] * z[zo + j];
                for (int j = 0; j < q; j++) yy[i * q + j] += v[vo + i] * v[vo + j];
            }
        }
        return new RegressionStats(Math.max(count, 0), zz, yz, yy);
    }

    private static double[] floored(double[] s, int d) {
        double tr = 0;
        for (int i = 0; i < d; i++) tr += s[i * d + i];
        double floor = STATE_FLOOR * Math.max(tr / d, Double.MIN_NORMAL) + Double.MIN_NORMAL;
        for (int i = 0; i < d; i++) s[i * d + i] += floor;
        return s;
    }
}
