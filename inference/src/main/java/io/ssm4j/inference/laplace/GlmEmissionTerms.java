package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

/**
 * The emission part of log p(x | y) for generalized-linear emissions, sum over observed (t, n) of
 * log p(y_tn | eta_tn) with eta_tn = c_n . x_t + d_n, with its gradient sum_n g_tn c_n and its negative Hessian,
 * block-diagonal in t: W_t = sum_n (-h_tn) c_n c_n^T (= C^T diag(w_t) C), where g, h are the first and second
 * derivatives of log p(y | eta) in eta. Missing entries of y drop out of every sum.
 */
final class GlmEmissionTerms {
    private final GeneralizedLinearDynamicalSystem model;
    private final EmissionFamily family;
    private final double[] y;
    private final boolean[] mask;
    private final int steps;
    private final int dim;
    private final int obs;

    GlmEmissionTerms(GeneralizedLinearDynamicalSystem model, TimeSeries series) {
        model.requireCompatible(series);
        this.model = model;
        this.family = model.family();
        this.y = series.valuesView();
        this.mask = series.maskView();
        this.steps = series.length();
        this.dim = model.latentDim();
        this.obs = model.obsDim();
    }

    /** The log-likelihood at x (no derivatives). */
    double logLikelihood(double[] x) {
        double s = 0.0;
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < obs; n++) {
                int k = t * obs + n;
                if (mask != null && !mask[k]) continue;
                s += family.logLikelihood(y[k], model.predictor(x, t, n));
            }
        }
        return s;
    }

    /**
     * The log-likelihood at x; adds its gradient to grad (T x D) and its negative Hessian blocks W_t to
     * diagonal (T x D x D).
     */
    double accumulate(double[] x, double[] grad, double[] diagonal) {
        double[] c = model.emissionsView(), der = new double[2];
        int d = dim, dd = d * d;
        double s = 0.0;
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < obs; n++) {
                int k = t * obs + n;
                if (mask != null && !mask[k]) continue;
                double eta = model.predictor(x, t, n);
                s += family.logLikelihood(y[k], eta);
                family.derivatives(y[k], eta, der);
                double g = der[0], w = -der[1];
                int co = n * d;
                for (int i = 0; i < d; i++) {
                    double ci = c[co + i];
                    grad[t * d + i] += g * ci;
                    double wci = w * ci;
                    int row = t * dd + i * d;
                    for (int j = 0; j < d; j++) diagonal[row + j] += wci * c[co + j];
                }
            }
        }
        return s;
    }
}
