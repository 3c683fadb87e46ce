package io.ssm4j.distributions;

import io.ssm4j.math.Rng;

/**
 * The Bernoulli distribution on {0, 1} with success probability p in [0, 1]:
 * <pre>
 *   log P(x) = x log p + (1 - x) log(1 - p)
 * </pre>
 * Its conjugate prior on p is {@link Beta}; the sufficient statistics are the numbers of successes and failures.
 */
public final class Bernoulli {
    private final double p;

    private Bernoulli(double p) {
        this.p = p;
    }

    /**
     * @param p success probability in [0, 1]
     * @throws IllegalArgumentException naming p when it is outside [0, 1] or NaN
     */
    public static Bernoulli of(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        return new Bernoulli(p);
    }

    /** log P(x); negative infinity for x other than 0 and 1. */
    public double logPmf(int x) {
        if (x == 1) return Math.log(p);
        if (x == 0) return Math.log1p(-p);
        return Double.NEGATIVE_INFINITY;
    }

    /** A draw: 1 with probability p. */
    public int sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        return rng.uniform() < p ? 1 : 0;
    }

    /** The success probability. */
    public double p() { return p; }
}
