package io.ssm4j.distributions;

import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;

/**
 * The gamma distribution Gamma(a, b) with shape a &gt; 0 and rate b &gt; 0:
 * <pre>
 *   log p(x) = a log b - log Gamma(a) + (a - 1) log x - b x,   x &gt; 0
 * </pre>
 * Mean a / b, mode (a - 1) / b for a &gt;= 1 (0 otherwise). It is conjugate to the Poisson rate: after counts
 * k_1..k_n (sufficient statistics sum_i k_i and n, both possibly fractional expectations) the posterior is
 * Gamma(a + sum_i k_i, b + n).
 */
public final class Gamma {
    private final double shape;
    private final double rate;

    private Gamma(double shape, double rate) {
        this.shape = shape;
        this.rate = rate;
    }

    /**
     * @param shape a &gt; 0
     * @param rate  b &gt; 0
     * @throws IllegalArgumentException naming the argument when it is not positive and finite
     */
    public static Gamma of(double shape, double rate) {
        Args.requirePositive(shape, "shape");
        Args.requirePositive(rate, "rate");
        return new Gamma(shape, rate);
    }

    /** log Gamma(x; a, b); negative infinity for x &lt; 0, and at x = 0 the limit (+inf, log b or -inf). */
    public double logDensity(double x) {
        if (Double.isNaN(x)) throw new IllegalArgumentException("x is NaN");
        if (x < 0 || x == Double.POSITIVE_INFINITY) return Double.NEGATIVE_INFINITY;
        double r = shape * Math.log(rate) - SpecialFunctions.logGamma(shape) - rate * x;
        if (shape != 1) r += (shape - 1) * Math.log(x);
        return r;
    }

    /** A draw Gamma(a, 1) / b. */
    public double sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        return rng.gamma(shape) / rate;
    }

    /**
     * The posterior on a Poisson rate after observing counts with total sumCounts over n observations
     * (or exposure): Gamma(a + sumCounts, b + n).
     *
     * @throws IllegalArgumentException when either statistic is negative or not finite
     */
    public Gamma posteriorPoisson(double sumCounts, double n) {
        Args.requireNonNegative(sumCounts, "sumCounts");
        Args.requireNonNegative(n, "n");
        return new Gamma(shape + sumCounts, rate + n);
    }

    /** The mode (a - 1) / b for a &gt;= 1, else 0 (where the density is unbounded). */
    public double mode() {
        return shape >= 1 ? (shape - 1) / rate : 0;
    }

    /** The mean a / b. */
    public double mean() { return shape / rate; }

    /** The shape a. */
    public double shape() { return shape; }

    /** The rate b. */
    public double rate() { return rate; }
}
