package io.ssm4j.distributions;

import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;

/**
 * The Poisson distribution with rate lambda &gt;= 0:
 * <pre>
 *   log P(k) = k log lambda - lambda - log k!,   k = 0, 1, 2, ...
 * </pre>
 * (with rate 0 all mass at k = 0). Its conjugate prior on lambda is {@link Gamma}; the sufficient statistics
 * of observations k_1..k_n are (sum_i k_i, n), see {@link Gamma#posteriorPoisson}.
 */
public final class Poisson {
    private final double rate;
    private final double logRate;

    private Poisson(double rate) {
        this.rate = rate;
        this.logRate = Math.log(rate);
    }

    /**
     * @param rate lambda, non-negative and finite
     * @throws IllegalArgumentException naming rate when it is negative, NaN or infinite
     */
    public static Poisson of(double rate) {
        Args.requireNonNegative(rate, "rate");
        return new Poisson(rate);
    }

    /** log P(k); negative infinity for k &lt; 0. */
    public double logPmf(int k) {
        if (k < 0) return Double.NEGATIVE_INFINITY;
        if (rate == 0) return k == 0 ? 0 : Double.NEGATIVE_INFINITY;
        return k * logRate - rate - SpecialFunctions.logFactorial(k);
    }

    /** A draw. */
    public int sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        return rng.poisson(rate);
    }

    /** The rate lambda (also the mean and variance). */
    public double rate() { return rate; }
}
