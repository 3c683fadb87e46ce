package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.SymmetricEigen;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic starting point for Laplace-EM on GLM-LDS data (as in the PCA initialisations of Macke et al.
 * 2011 and of ssm):
 * <ol>
 *   <li>z_tn = log(ys_tn + 0.1), ys the counts smoothed in time with a Gaussian kernel (missing entries skipped;
 *       a missing z_tn gets neuron n's mean);</li>
 *   <li>PCA of z pooled over trials: d = mean of z, C = the top-D eigenvectors of Cov(z) (orthonormal columns),
 *       x^_t = C^T (z_t - d);</li>
 *   <li>A, b, Q by least squares of x^_{t+1} on (x^_t, 1) ({@link DynamicsStatistics#ofPath}); m0 = mean of x^_1,
 *       P0 = the covariance of x^ over all steps.</li>
 * </ol>
 * No randomness. Also returns the paths x^ (warm starts for the first E-step).
 */
final class GlmLdsInitializer {
    private static final double OFFSET = 0.1;
    private static final double JITTER = 1e-6;

    record Start(GeneralizedLinearDynamicalSystem model, List<double[]> paths) {}

    private GlmLdsInitializer() {}

    static Start initialize(PoissonLdsSpec spec, List<TimeSeries> data) {
        int n = data.get(0).dim(), dim = spec.latentDim();
        if (dim > n) throw new IllegalArgumentException("latent dimension D = " + dim + " exceeds the observation dimension N = " + n);
        List<double[]> zs = new ArrayList<>();
        double[] mean = new double[n];
        long count = 0;
        for (TimeSeries y : data) {
            double[] z = transformed(y, spec.smoothingWidth());
            zs.add(z);
            for (int t = 0; t < y.length(); t++) for (int k = 0; k < n; k++) mean[k] += z[t * n + k];
            count += y.length();
        }
        for (int k = 0; k < n; k++) mean[k] /= count;
        double[] cov = new double[n * n];
        for (double[] z : zs) {
            for (int t = 0; t < z.length / n; t++) {
                for (int i = 0; i < n; i++) {
                    double zi = z[t * n + i] - mean[i];
                    for (int j = 0; j <= i; j++) cov[i * n + j] += zi * (z[t * n + j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) cov[j * n + i] = cov[i * n + j] /= count;
        double[] c = SymmetricEigen.top(cov, n, dim).vectors();
        List<double[]> paths = new ArrayList<>();
        DynamicsStatistics stats = DynamicsStatistics.empty(dim);
        double[] xMean = new double[dim], xSecond = new double[dim * dim];
        for (double[] z : zs) {
            int steps = z.length / n;
            double[] x = new double[steps * dim];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < dim; i++) {
                    double s = 0;
                    for (int k = 0; k < n; k++) s += c[k * dim + i] * (z[t * n + k] - mean[k]);
                    x[t * dim + i] = s;
                    xMean[i] += s;
                }
                for (int i = 0; i < dim; i++) for (int j = 0; j < dim; j++) xSecond[i * dim + j] += x[t * dim + i] * x[t * dim + j];
            }
            paths.add(x);
            if (steps > 1) stats = stats.plus(DynamicsStatistics.ofPath(x, steps, dim));
        }
        double[][] abq = stats.maximize();
        double[] p0 = new double[dim * dim], m0 = new double[dim];
        for (double[] x : paths) for (int i = 0; i < dim; i++) m0[i] += x[i] / paths.size();
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                p0[i * dim + j] = xSecond[i * dim + j] / count - xMean[i] * xMean[j] / ((double) count * count);
            }
        }
        double[] q = abq[2];
        for (int i = 0; i < dim; i++) {
            q[i * dim + i] += JITTER;
            p0[i * dim + i] += JITTER;
        }
        Cholesky.symmetrize(p0, dim);
        GeneralizedLinearDynamicalSystem model = GeneralizedLinearDynamicalSystem.of(spec.family(), dim, n, abq[0], abq[1],
                q, m0, p0, c, mean);
        return new Start(model, paths);
    }

    /** log(smoothed y + 0.1), T x N. */
    static double[] transformed(TimeSeries y, double width) {
        int steps = y.length(), n = y.dim();
        int half = width > 0 ? (int) Math.ceil(3 * width) : 0;
        double[] kernel = new double[half + 1];
        for (int i = 0; i <= half; i++) kernel[i] = width > 0 ? Math.exp(-0.5 * i * i / (width * width)) : 1.0;
        double[] z = new double[steps * n];
        for (int k = 0; k < n; k++) {
            double sumObserved = 0;
            int observed = 0;
            for (int t = 0; t < steps; t++) {
                double num = 0, den = 0;
                for (int s = Math.max(0, t - half); s <= Math.min(steps - 1, t + half); s++) {
                    if (!y.isObserved(s, k)) continue;
                    double w = kernel[Math.abs(s - t)];
                    num += w * y.value(s, k);
                    den += w;
                }
                z[t * n + k] = den > 0 ? Math.log(num / den + OFFSET) : Double.NaN;
                if (den > 0) {
                    sumObserved += z[t * n + k];
                    observed++;
                }
            }
            double fill = observed > 0 ? sumObserved / observed : Math.log(OFFSET);
            for (int t = 0; t < steps; t++) if (Double.isNaN(z[t * n + k])) z[t * n + k] = fill;
        }
        return z;
    }

}
