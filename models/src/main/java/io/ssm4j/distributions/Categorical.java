package io.ssm4j.distributions;

import io.ssm4j.math.Rng;

/**
 * The categorical distribution on {0, ..., K-1} with probabilities pi_k:
 * <pre>
 *   log P(k) = log pi_k
 * </pre>
 * Its conjugate prior is {@link Dirichlet}; the sufficient statistics are the category counts.
 */
public final class Categorical {
    /** How far sum_k pi_k may be from 1. */
    public static final double SUM_TOLERANCE = 1e-9;

    private final double[] probs;

    private Categorical(double[] probs) {
        this.probs = probs;
    }

    /**
     * @param probs probabilities, length K &gt;= 1, non-negative, summing to 1 within {@link #SUM_TOLERANCE}
     * @throws IllegalArgumentException naming probs when it is empty, has a negative or non-finite entry, or
     *                                  does not sum to 1
     */
    public static Categorical of(double[] probs) {
        Args.requireNonNull(probs, "probs");
        Args.requireDimension(probs.length, "probs length");
        Args.requireNonNegative(probs, "probs");
        double s = 0;
        for (double p : probs) s += p;
        if (Math.abs(s - 1) > SUM_TOLERANCE) throw new IllegalArgumentException("probs must sum to 1, got sum " + s);
        return new Categorical(Args.copy(probs));
    }

    /**
     * The categorical with pi_k = exp(logWeights_k) / sum_j exp(logWeights_j) (unnormalised log weights, e.g.
     * logits), normalised stably by subtracting the maximum.
     *
     * @throws IllegalArgumentException when logWeights is empty, contains NaN or +infinity, or is all -infinity
     */
    public static Categorical fromLogWeights(double[] logWeights) {
        Args.requireNonNull(logWeights, "logWeights");
        Args.requireDimension(logWeights.length, "logWeights length");
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logWeights.length; i++) {
            double v = logWeights[i];
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("logWeights[" + i + "] must be finite or -infinity, got " + v);
            }
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) throw new IllegalArgumentException("logWeights are all -infinity");
        double[] p = new double[logWeights.length];
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logWeights[i] - max);
            s += p[i];
        }
        for (int i = 0; i < p.length; i++) p[i] /= s;
        return new Categorical(p);
    }

    /** log pi_k; negative infinity for k outside 0..K-1. */
    public double logPmf(int k) {
        if (k < 0 || k >= probs.length) return Double.NEGATIVE_INFINITY;
        return Math.log(probs[k]);
    }

    /** A draw by inversion of the cumulative probabilities. */
    public int sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        return rng.categorical(probs, 0, probs.length);
    }

    /** A copy of the probabilities. */
    public double[] probs() { return probs.clone(); }

    /** The number of categories K. */
    public int size() { return probs.length; }
}
