package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

/**
 * The emission part of log p(x | y) for generalized-linear emissions, sum over observed (t, n) of
 * log p(y_tn | eta_tn) with eta_tn = c_n . x_t + d_n, with its gradient sum_n g_tn c_n and its negative Hessian,
 * block-diagonal in t: W_t = sum_n (-h_tn) c_n c_n^T (= C^T diag(w_t) C), where g, h are the first and second
 * derivatives of log p(y | eta) in eta. Missing entries of y drop out of every sum. The eta-free normaliser
 * (sum of -log y!) is computed once.
 */
final class GlmEmissionTerms {
    private final EmissionFamily family;
    private final double[] c;
    private final double[] bias;
    private final double[] y;
    private final boolean[] mask;
    private final int steps;
    private final int dim;
    private final int obs;
    private final double normalizer;
    /** c_n c_n^T for every n (N x D x D), so W_t = sum_n w_tn (c_n c_n^T) is one contiguous pass. */
    private final double[] outer;

    GlmEmissionTerms(GeneralizedLinearDynamicalSystem model, TimeSeries series) {
        model.requireCompatible(series);
        this.family = model.family();
        this.c = model.emissionsView();
        this.bias = model.emissionBiasView();
        this.y = series.valuesView();
        this.mask = series.maskView();
        this.steps = series.length();
        this.dim = model.latentDim();
        this.obs = model.obsDim();
        double z = 0.0;
        for (int k = 0; k < y.length; k++) if (mask == null || mask[k]) z += family.logNormalizer(y[k]);
        this.normalizer = z;
        int d = dim, dd = d * d;
        this.outer = new double[obs * dd];
        for (int n = 0; n < obs; n++) {
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) outer[n * dd + i * d + j] = c[n * d + i] * c[n * d + j];
        }
    }

    /** The log-likelihood at x (no derivatives). */
    double logLikelihood(double[] x) {
        return accumulate(x, null, null);
    }

    /**
     * The log-likelihood at x; when grad is non-null adds its gradient to grad (T x D) and its negative Hessian
     * blocks W_t to diagonal (T x D x D).
     */
    double accumulate(double[] x, double[] grad, double[] diagonal) {
        int d = dim, dd = d * d;
        double[] der = grad == null ? null : new double[2];
        double s = normalizer;
        for (int t = 0; t < steps; t++) {
            int xo = t * d, wo = t * dd;
            for (int n = 0; n < obs; n++) {
                int k = t * obs + n;
                if (mask != null && !mask[k]) continue;
                int co = n * d;
                double eta = bias[n];
                for (int i = 0; i < d; i++) eta += c[co + i] * x[xo + i];
                s += family.kernel(y[k], eta, der);
                if (der == null) continue;
                double g = der[0], w = -der[1];
                for (int i = 0; i < d; i++) grad[xo + i] += g * c[co + i];
                int oo = n * dd;
                for (int i = 0; i < dd; i++) diagonal[wo + i] += w * outer[oo + i];
            }
        }
        return s;
    }
}
