package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;

/**
 * The regression rows of an autoregressive model of order L with inputs: for t &gt;= L,
 * z_t = [y_{t-1}, ..., y_{t-L}, u_t, 1, y_t] (length P + D with P = D L + M + 1), flat T x (P + D) with
 * rows t &lt; L left zero. {@code usable[t]} is false for t &lt; L and for rows whose lagged values contain
 * a missing entry (such rows carry no autoregressive likelihood).
 */
final class AutoRegressiveDesign {
    final int length;
    final int regressors;
    final int width;
    final double[] rows;
    final boolean[] usable;

    private AutoRegressiveDesign(int length, int regressors, int width, double[] rows, boolean[] usable) {
        this.length = length;
        this.regressors = regressors;
        this.width = width;
        this.rows = rows;
        this.usable = usable;
    }

    static int regressorCount(int d, int lags, int inputDim) { return d * lags + inputDim + 1; }

    static AutoRegressiveDesign of(TimeSeries y, int lags, int inputDim) {
        int n = y.length(), d = y.dim();
        if (y.inputDim() != inputDim) {
            throw new IllegalArgumentException("autoregressive emissions expect " + inputDim + " input columns, data has "
                    + y.inputDim());
        }
        int p = regressorCount(d, lags, inputDim), w = p + d;
        double[] rows = new double[n * w];
        boolean[] usable = new boolean[n];
        double[] v = y.valuesView(), u = y.inputsView();
        for (int t = lags; t < n; t++) {
            boolean ok = true;
            for (int l = 1; l <= lags && ok; l++) ok = y.isRowObserved(t - l);
            usable[t] = ok;
            int o = t * w;
            for (int l = 1; l <= lags; l++) System.arraycopy(v, (t - l) * d, rows, o + (l - 1) * d, d);
            if (inputDim > 0) System.arraycopy(u, t * inputDim, rows, o + d * lags, inputDim);
            rows[o + p - 1] = 1.0;
            System.arraycopy(v, t * d, rows, o + p, d);
        }
        return new AutoRegressiveDesign(n, p, w, rows, usable);
    }
}
