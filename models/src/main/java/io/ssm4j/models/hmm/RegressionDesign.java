package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;

/**
 * The design of a linear-Gaussian observation model, stored transposed (feature-major, W x T) for the
 * blocked kernels of {@link io.ssm4j.math.BlockedForms}: column t is z_t = [x_t; y_t] with regressors
 * x_t = [y_{t-1}; ...; y_{t-L}; u_t; 1] (length P = D L + M + 1). L = 0, M = 0 gives x_t = [1], the design
 * of plain Gaussian emissions.
 *
 * <p>{@code usable[t]} is false for t &lt; L and where a lagged value is missing (no regression likelihood);
 * {@code complete[t]} additionally requires y_t fully observed (such rows take the fast blocked path).
 */
final class RegressionDesign {
    final int length;
    final int regressors;
    final int width;
    final double[] columns;
    final boolean[] usable;
    final boolean[] complete;

    private RegressionDesign(int length, int regressors, int width, double[] columns, boolean[] usable, boolean[] complete) {
        this.length = length;
        this.regressors = regressors;
        this.width = width;
        this.columns = columns;
        this.usable = usable;
        this.complete = complete;
    }

    static int regressorCount(int d, int lags, int inputDim) { return d * lags + inputDim + 1; }

    /** The design of y, built once per series and (lags, inputs) and then reused. */
    static RegressionDesign of(TimeSeries y, int lags, int inputDim) {
        return y.derived(new Key(lags, inputDim), s -> build(s, lags, inputDim));
    }

    /** Identifies a design among the values derived from one series. */
    private record Key(int lags, int inputDim) {}

    private static RegressionDesign build(TimeSeries y, int lags, int inputDim) {
        int n = y.length(), d = y.dim();
        if (inputDim > 0 && y.inputDim() != inputDim) {
            throw new IllegalArgumentException("the model expects " + inputDim + " input columns, the data has " + y.inputDim());
        }
        int p = regressorCount(d, lags, inputDim), w = p + d;
        double[] z = new double[w * n];
        boolean[] usable = new boolean[n], complete = new boolean[n];
        double[] v = y.valuesView(), u = y.inputsView();
        for (int t = lags; t < n; t++) {
            boolean ok = true;
            for (int l = 1; l <= lags && ok; l++) ok = y.isRowObserved(t - l);
            usable[t] = ok;
            complete[t] = ok && y.isRowObserved(t);
        }
        for (int l = 1; l <= lags; l++) {
            for (int b = 0; b < d; b++) {
                int row = ((l - 1) * d + b) * n;
                for (int t = lags; t < n; t++) z[row + t] = v[(t - l) * d + b];
            }
        }
        for (int m = 0; m < inputDim; m++) {
            int row = (d * lags + m) * n;
            for (int t = lags; t < n; t++) z[row + t] = u[t * inputDim + m];
        }
        java.util.Arrays.fill(z, (p - 1) * n + lags, p * n, 1.0);
        for (int a = 0; a < d; a++) {
            int row = (p + a) * n;
            for (int t = lags; t < n; t++) z[row + t] = v[t * d + a];
        }
        return new RegressionDesign(n, p, w, z, usable, complete);
    }

    /** Column t (z_t) copied into out[0 .. W). */
    void column(int t, double[] out) {
        for (int c = 0; c < width; c++) out[c] = columns[c * length + t];
    }
}
