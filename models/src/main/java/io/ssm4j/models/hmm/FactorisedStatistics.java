package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;

import java.util.function.DoubleBinaryOperator;

/**
 * Expected sufficient statistics of the emission families that factorise over dimensions given the state,
 * p(y_t | z_t = k) = prod_d p(y_td | theta_kd) (diagonal Gaussian, Poisson, Bernoulli, categorical). With
 * o_td = 1 where y_td is observed and 0 where it is missing:
 * <pre>
 *   power sums     S_m[k, d]    = sum_t w_tk o_td y_td^m,     m = 0..order    (layout ((k D + d)(order + 1) + m))
 *   category counts N[k, d, c]  = sum_t w_tk o_td [y_td = c]                    (layout ((k D + d) C + c))
 * </pre>
 * Missing entries drop out exactly: marginalising y_td removes its factor from the product, so the M-step of
 * theta_kd sees only the observed entries of dimension d.
 */
final class FactorisedStatistics {
    /** Below this total weight a (state, dimension) pair has no data and keeps its parameter under ML. */
    static final double EMPTY = 1e-10;

    private FactorisedStatistics() {}

    /** Adds the power sums S_0..S_order of the observed entries of y under weights w[t*K + k]. */
    static void addPowerSums(TimeSeries y, double[] weights, int k, int order, double[] s) {
        double[] v = y.valuesView();
        int d = y.dim(), stride = order + 1;
        for (int t = 0; t < y.length(); t++) {
            for (int j = 0; j < k; j++) {
                double w = weights[t * k + j];
                if (w == 0) continue;
                for (int a = 0; a < d; a++) {
                    if (!y.isObserved(t, a)) continue;
                    double x = v[t * d + a], term = w;
                    int base = (j * d + a) * stride;
                    for (int m = 0; m <= order; m++) {
                        s[base + m] += term;
                        term *= x;
                    }
                }
            }
        }
    }

    /** Adds the weighted counts of the observed category codes (already checked to lie in 0..C-1). */
    static void addCounts(TimeSeries y, double[] weights, int k, int categories, double[] s) {
        double[] v = y.valuesView();
        int d = y.dim();
        for (int t = 0; t < y.length(); t++) {
            for (int j = 0; j < k; j++) {
                double w = weights[t * k + j];
                if (w == 0) continue;
                for (int a = 0; a < d; a++) {
                    if (y.isObserved(t, a)) s[(j * d + a) * categories + (int) v[t * d + a]] += w;
                }
            }
        }
    }

    /**
     * out[kd] = update(S_0[kd], S_1[kd]) for every (state, dimension) pair of power sums of the given order: the
     * per-entry M-step or posterior draw of a one-parameter family.
     */
    static double[] mapFirstMoments(double[] s, int order, DoubleBinaryOperator update) {
        int stride = order + 1;
        double[] out = new double[s.length / stride];
        for (int i = 0; i < out.length; i++) out[i] = update.applyAsDouble(s[i * stride], s[i * stride + 1]);
        return out;
    }

    /** The weighted means S_1 / S_0, keeping current[i] where S_0 is (numerically) zero. */
    static double[] meansOrKeep(double[] s, int order, double[] current) {
        double[] out = mapFirstMoments(s, order, (n, sum) -> n < EMPTY ? Double.NaN : sum / n);
        for (int i = 0; i < out.length; i++) if (Double.isNaN(out[i])) out[i] = current[i];
        return out;
    }
}
