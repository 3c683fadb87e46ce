package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.distributions.Dirichlet;
import io.ssm4j.math.Rng;

import java.util.Arrays;

/**
 * p(z_1 = k) = pi_k with a symmetric Dirichlet prior pi ~ Dir(alpha 1); alpha = 1 is flat (ML update
 * pi_k = E[z_1 = k] averaged over sequences).
 */
public final class InitialStateDistribution {
    private final double[] probs;
    private final double alpha;

    private InitialStateDistribution(double[] probs, double alpha) {
        this.probs = probs;
        this.alpha = alpha;
    }

    public static InitialStateDistribution of(double[] probs, double alpha) {
        if (probs.length < 1) throw new IllegalArgumentException("initial_probs must have K >= 1 entries");
        EmissionChecks.requireStochasticRows("initial_probs", probs, probs.length);
        if (!(alpha > 0)) throw new IllegalArgumentException("initial-state Dirichlet alpha must be > 0, got " + alpha);
        return new InitialStateDistribution(probs.clone(), alpha);
    }

    public static InitialStateDistribution uniform(int k) {
        double[] p = new double[k];
        Arrays.fill(p, 1.0 / k);
        return of(p, 1);
    }

    public int numStates() { return probs.length; }

    public double[] probs() { return probs.clone(); }

    public double alpha() { return alpha; }

    private Dirichlet prior() {
        double[] a = new double[probs.length];
        Arrays.fill(a, alpha);
        return Dirichlet.of(a);
    }

    /** A single state has nothing to learn: its probability is 1 under any prior. */
    private boolean trivial() { return probs.length == 1; }

    public double logPrior() { return alpha == 1 || trivial() ? 0 : prior().logDensity(probs); }

    /** MAP update from the expected initial-state counts summed over sequences. */
    public InitialStateDistribution maximize(double[] counts) {
        double total = 0;
        for (double c : counts) total += c;
        if (trivial() || (alpha == 1 && total <= 0)) return this;
        return new InitialStateDistribution(prior().posterior(counts).mode(), alpha);
    }

    public InitialStateDistribution samplePosterior(double[] counts, Rng rng) {
        if (trivial()) return this;
        return new InitialStateDistribution(prior().posterior(counts).sample(rng), alpha);
    }

    public NdArray parameters() { return NdArray.of(probs, probs.length); }
}
