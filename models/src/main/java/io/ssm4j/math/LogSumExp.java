package io.ssm4j.math;

/** log(sum_i exp(x_i)) computed stably by shifting with the maximum. */
public final class LogSumExp {
    private LogSumExp() {}

    public static double of(double[] x) { return of(x, 0, x.length); }

    /** log-sum-exp of x[off .. off+n); -infinity for an all -infinity slice. */
    public static double of(double[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) max = Math.max(max, x[off + i]);
        if (max == Double.NEGATIVE_INFINITY) return max;
        if (max == Double.POSITIVE_INFINITY) return max;
        double s = 0;
        for (int i = 0; i < n; i++) s += Math.exp(x[off + i] - max);
        return max + Math.log(s);
    }
}
