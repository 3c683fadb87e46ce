package io.ssm4j.distributions;

/**
 * Weighted sufficient statistics of D-dimensional Gaussian observations,
 * <pre>
 *   n = sum_i w_i,   sumX = sum_i w_i x_i,   sumXXt = sum_i w_i x_i x_i^T   (D x D row-major)
 * </pre>
 * A value that adds: {@link #plus} is associative and commutative with {@link #empty} as its identity, so
 * statistics gathered over trials, threads or machines combine in any order before a
 * {@link NormalInverseWishart#posterior(GaussianStats)} update. Arrays are copied in and out.
 *
 * @param n      total weight, &gt;= 0
 * @param sumX   weighted sum of the observations, length D
 * @param sumXXt weighted sum of their outer products, D x D
 */
public record GaussianStats(double n, double[] sumX, double[] sumXXt) {
    /** Checks shapes and finiteness and copies the arrays. */
    public GaussianStats {
        Args.requireNonNegative(n, "n");
        Args.requireNonNull(sumX, "sumX");
        Args.requireDimension(sumX.length, "sumX length");
        Args.requireFinite(sumX, "sumX");
        Args.requireLength(sumXXt, sumX.length * sumX.length, "sumXXt");
        Args.requireFinite(sumXXt, "sumXXt");
        sumX = sumX.clone();
        sumXXt = sumXXt.clone();
    }

    /** The statistics of no data in dimension d. */
    public static GaussianStats empty(int d) {
        Args.requireDimension(d, "d");
        return new GaussianStats(0, new double[d], new double[d * d]);
    }

    /**
     * The statistics of observations xs[i] with weights w[i] (w null means all weights 1).
     *
     * @throws IllegalArgumentException when xs is empty, ragged, non-finite, or w has the wrong length or a
     *                                  negative entry
     */
    public static GaussianStats of(double[][] xs, double[] w) {
        Args.requireNonNull(xs, "xs");
        if (xs.length == 0) throw new IllegalArgumentException("xs must hold at least one observation");
        int d = xs[0] == null ? 0 : xs[0].length;
        Args.requireDimension(d, "xs[0] length");
        if (w != null) {
            Args.requireLength(w, xs.length, "w");
            Args.requireNonNegative(w, "w");
        }
        double n = 0;
        double[] sx = new double[d], sxx = new double[d * d];
        for (int t = 0; t < xs.length; t++) {
            double[] x = xs[t];
            Args.requireLength(x, d, "xs[" + t + "]");
            Args.requireFinite(x, "xs[" + t + "]");
            double wt = w == null ? 1 : w[t];
            n += wt;
            for (int i = 0; i < d; i++) {
                sx[i] += wt * x[i];
                for (int j = 0; j < d; j++) sxx[i * d + j] += wt * x[i] * x[j];
            }
        }
        return new GaussianStats(n, sx, sxx);
    }

    /** The element-wise sum of two sets of statistics of the same dimension. */
    public GaussianStats plus(GaussianStats other) {
        Args.requireNonNull(other, "other");
        if (other.dim() != dim()) {
            throw new IllegalArgumentException("other must have dimension " + dim() + ", got " + other.dim());
        }
        double[] sx = new double[sumX.length], sxx = new double[sumXXt.length];
        for (int i = 0; i < sx.length; i++) sx[i] = sumX[i] + other.sumX[i];
        for (int i = 0; i < sxx.length; i++) sxx[i] = sumXXt[i] + other.sumXXt[i];
        return new GaussianStats(n + other.n, sx, sxx);
    }

    /** A copy of sumX. */
    @Override
    public double[] sumX() { return sumX.clone(); }

    /** A copy of sumXXt. */
    @Override
    public double[] sumXXt() { return sumXXt.clone(); }

    /** The dimension D. */
    public int dim() { return sumX.length; }
}
