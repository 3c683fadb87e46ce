package io.ssm4j.distributions;

import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;

/**
 * The beta distribution Beta(a, b) with a, b &gt; 0 on [0, 1]:
 * <pre>
 *   log p(x) = log Gamma(a + b) - log Gamma(a) - log Gamma(b) + (a - 1) log x + (b - 1) log(1 - x)
 * </pre>
 * It is conjugate to the Bernoulli / binomial likelihood: after s successes and f failures the posterior is
 * Beta(a + s, b + f). Samples are G_a / (G_a + G_b) with independent G ~ Gamma(., 1), drawn in log space.
 * The mode follows the {@link Dirichlet} rule with K = 2: (a - 1) / (a + b - 2) when a, b &gt; 1; otherwise
 * clip max(a - 1, 0), max(b - 1, 0) and renormalise (so 0 or 1), and the mean when both a, b &lt;= 1.
 */
public final class Beta {
    private final double a;
    private final double b;
    private final double logNormaliser;

    private Beta(double a, double b) {
        this.a = a;
        this.b = b;
        this.logNormaliser = SpecialFunctions.logGamma(a + b) - SpecialFunctions.logGamma(a) - SpecialFunctions.logGamma(b);
    }

    /**
     * @param a first shape, &gt; 0
     * @param b second shape, &gt; 0
     * @throws IllegalArgumentException naming the argument when it is not positive and finite
     */
    public static Beta of(double a, double b) {
        Args.requirePositive(a, "a");
        Args.requirePositive(b, "b");
        return new Beta(a, b);
    }

    /** log Beta(x; a, b); negative infinity outside [0, 1]. */
    public double logDensity(double x) {
        if (Double.isNaN(x)) throw new IllegalArgumentException("x is NaN");
        if (x < 0 || x > 1) return Double.NEGATIVE_INFINITY;
        double r = logNormaliser;
        if (a != 1) r += (a - 1) * Math.log(x);
        if (b != 1) r += (b - 1) * Math.log1p(-x);
        return r;
    }

    /** A draw G_a / (G_a + G_b). */
    public double sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        double la = Dirichlet.logGammaVariate(a, rng), lb = Dirichlet.logGammaVariate(b, rng);
        return 1 / (1 + Math.exp(lb - la));
    }

    /**
     * The posterior Beta(a + successes, b + failures).
     *
     * @throws IllegalArgumentException when a count is negative or not finite
     */
    public Beta posterior(double successes, double failures) {
        Args.requireNonNegative(successes, "successes");
        Args.requireNonNegative(failures, "failures");
        return new Beta(a + successes, b + failures);
    }

    /** The mode by the rule in the class comment. */
    public double mode() {
        double wa = Math.max(a - 1, 0), wb = Math.max(b - 1, 0);
        return wa + wb == 0 ? mean() : wa / (wa + wb);
    }

    /** The mean a / (a + b). */
    public double mean() { return a / (a + b); }

    /** The first shape a. */
    public double a() { return a; }

    /** The second shape b. */
    public double b() { return b; }
}
