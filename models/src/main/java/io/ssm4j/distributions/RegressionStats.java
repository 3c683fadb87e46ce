package io.ssm4j.distributions;

/**
 * Weighted sufficient statistics of a linear-Gaussian regression y = W x + e with inputs x (length P) and
 * outputs y (length D):
 * <pre>
 *   n = sum_i w_i,  sumXXt = sum_i w_i x_i x_i^T (P x P),  sumYXt = sum_i w_i y_i x_i^T (D x P),
 *   sumYYt = sum_i w_i y_i y_i^T (D x D)
 * </pre>
 * all row-major. A value that adds ({@link #plus} with identity {@link #empty}), consumed by
 * {@link MatrixNormalInverseWishart#posterior(RegressionStats)}. Arrays are copied in and out.
 *
 * @param n      total weight, &gt;= 0
 * @param sumXXt P x P
 * @param sumYXt D x P
 * @param sumYYt D x D
 */
public record RegressionStats(double n, double[] sumXXt, double[] sumYXt, double[] sumYYt) {
    /** Checks shapes (P from sumXXt, D from sumYYt) and finiteness, and copies the arrays. */
    public RegressionStats {
        Args.requireNonNegative(n, "n");
        Args.requireNonNull(sumXXt, "sumXXt");
        Args.requireNonNull(sumYYt, "sumYYt");
        int p = InverseWishart.squareDim(sumXXt.length, "sumXXt");
        int d = InverseWishart.squareDim(sumYYt.length, "sumYYt");
        Args.requireLength(sumYXt, d * p, "sumYXt (D x P = " + d + " x " + p + ")");
        Args.requireFinite(sumXXt, "sumXXt");
        Args.requireFinite(sumYXt, "sumYXt");
        Args.requireFinite(sumYYt, "sumYYt");
        sumXXt = sumXXt.clone();
        sumYXt = sumYXt.clone();
        sumYYt = sumYYt.clone();
    }

    /** No data, for outputs of dimension d and inputs of dimension p. */
    public static RegressionStats empty(int d, int p) {
        Args.requireDimension(d, "d");
        Args.requireDimension(p, "p");
        return new RegressionStats(0, new double[p * p], new double[d * p], new double[d * d]);
    }

    /**
     * The statistics of pairs (xs[i], ys[i]) with weights w[i] (null: all 1).
     *
     * @throws IllegalArgumentException on empty, ragged or non-finite input, or bad weights
     */
    public static RegressionStats of(double[][] xs, double[][] ys, double[] w) {
        Args.requireNonNull(xs, "xs");
        Args.requireNonNull(ys, "ys");
        if (xs.length == 0) throw new IllegalArgumentException("xs must hold at least one observation");
        if (ys.length != xs.length) {
            throw new IllegalArgumentException("ys must have " + xs.length + " rows like xs, got " + ys.length);
        }
        if (w != null) {
            Args.requireLength(w, xs.length, "w");
            Args.requireNonNegative(w, "w");
        }
        int p = xs[0] == null ? 0 : xs[0].length, d = ys[0] == null ? 0 : ys[0].length;
        Args.requireDimension(p, "xs[0] length");
        Args.requireDimension(d, "ys[0] length");
        double n = 0;
        double[] sxx = new double[p * p], syx = new double[d * p], syy = new double[d * d];
        for (int t = 0; t < xs.length; t++) {
            double[] x = xs[t], y = ys[t];
            Args.requireLength(x, p, "xs[" + t + "]");
            Args.requireLength(y, d, "ys[" + t + "]");
            Args.requireFinite(x, "xs[" + t + "]");
            Args.requireFinite(y, "ys[" + t + "]");
            double wt = w == null ? 1 : w[t];
            n += wt;
            for (int i = 0; i < p; i++) for (int j = 0; j < p; j++) sxx[i * p + j] += wt * x[i] * x[j];
            for (int i = 0; i < d; i++) for (int j = 0; j < p; j++) syx[i * p + j] += wt * y[i] * x[j];
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) syy[i * d + j] += wt * y[i] * y[j];
        }
        return new RegressionStats(n, sxx, syx, syy);
    }

    /** The element-wise sum of two sets of statistics of the same shape. */
    public RegressionStats plus(RegressionStats o) {
        Args.requireNonNull(o, "other");
        if (o.inputDim() != inputDim() || o.outputDim() != outputDim()) {
            throw new IllegalArgumentException("other must have D x P = " + outputDim() + " x " + inputDim()
                    + ", got " + o.outputDim() + " x " + o.inputDim());
        }
        return new RegressionStats(n + o.n, add(sumXXt, o.sumXXt), add(sumYXt, o.sumYXt), add(sumYYt, o.sumYYt));
    }

    private static double[] add(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) r[i] = a[i] + b[i];
        return r;
    }

    /** A copy of sumXXt. */
    @Override
    public double[] sumXXt() { return sumXXt.clone(); }

    /** A copy of sumYXt. */
    @Override
    public double[] sumYXt() { return sumYXt.clone(); }

    /** A copy of sumYYt. */
    @Override
    public double[] sumYYt() { return sumYYt.clone(); }

    /** Input dimension P. */
    public int inputDim() { return (int) Math.round(Math.sqrt(sumXXt.length)); }

    /** Output dimension D. */
    public int outputDim() { return (int) Math.round(Math.sqrt(sumYYt.length)); }
}
