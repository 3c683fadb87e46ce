package io.ssm4j.distributions;

import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;

/**
 * The Dirichlet distribution Dir(alpha) on the probability simplex of K &gt;= 2 categories:
 * <pre>
 *   log p(pi) = log Gamma(sum_k alpha_k) - sum_k log Gamma(alpha_k) + sum_k (alpha_k - 1) log pi_k
 * </pre>
 * for pi_k &gt;= 0 with sum_k pi_k = 1. It is conjugate to the categorical / multinomial likelihood: with counts
 * n_k the posterior is Dir(alpha + n). Sampling draws g_k ~ Gamma(alpha_k, 1) in log space (so small alpha_k
 * do not underflow to an all-zero vector) and normalises.
 */
public final class Dirichlet {
    /** How far sum_k pi_k may be from 1 for a point to count as on the simplex. */
    public static final double SIMPLEX_TOLERANCE = 1e-9;

    private final double[] alpha;
    private final double alphaSum;
    private final double logNormaliser;

    private Dirichlet(double[] alpha) {
        this.alpha = alpha;
        double s = 0, lg = 0;
        for (double a : alpha) {
            s += a;
            lg += SpecialFunctions.logGamma(a);
        }
        this.alphaSum = s;
        this.logNormaliser = SpecialFunctions.logGamma(s) - lg;
    }

    /**
     * @param alpha concentrations, length K &gt;= 2, each positive and finite
     * @throws IllegalArgumentException naming alpha when it is too short or an entry is not positive
     */
    public static Dirichlet of(double[] alpha) {
        Args.requireNonNull(alpha, "alpha");
        if (alpha.length < 2) throw new IllegalArgumentException("alpha must have length >= 2, got " + alpha.length);
        Args.requirePositive(alpha, "alpha");
        return new Dirichlet(Args.copy(alpha));
    }

    /** A symmetric Dirichlet with every alpha_k = a. */
    public static Dirichlet symmetric(int k, double a) {
        if (k < 2) throw new IllegalArgumentException("k must be >= 2, got " + k);
        double[] alpha = new double[k];
        java.util.Arrays.fill(alpha, a);
        return of(alpha);
    }

    /**
     * log Dir(p; alpha); negative infinity when p is off the simplex (a negative entry or a sum further than
     * {@link #SIMPLEX_TOLERANCE} from 1).
     *
     * @throws IllegalArgumentException when p has the wrong length or a NaN entry
     */
    public double logDensity(double[] p) {
        Args.requireLength(p, alpha.length, "p");
        double s = 0, r = logNormaliser;
        for (int k = 0; k < p.length; k++) {
            if (Double.isNaN(p[k])) throw new IllegalArgumentException("p[" + k + "] is NaN");
            if (p[k] < 0) return Double.NEGATIVE_INFINITY;
            s += p[k];
            if (alpha[k] != 1) r += (alpha[k] - 1) * Math.log(p[k]);
        }
        if (Math.abs(s - 1) > SIMPLEX_TOLERANCE) return Double.NEGATIVE_INFINITY;
        return r;
    }

    /** A draw on the simplex: normalised independent Gamma(alpha_k, 1) variables. */
    public double[] sample(Rng rng) {
        Args.requireNonNull(rng, "rng");
        int k = alpha.length;
        double[] logG = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            logG[i] = logGammaVariate(alpha[i], rng);
            max = Math.max(max, logG[i]);
        }
        double sum = 0;
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp(logG[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < k; i++) p[i] /= sum;
        return p;
    }

    /** log of a Gamma(a, 1) draw; for a &lt; 1 uses Gamma(a) = Gamma(a + 1) U^(1/a) in log space. */
    static double logGammaVariate(double a, Rng rng) {
        if (a >= 1) return Math.log(rng.gamma(a));
        double u = rng.uniform();
        while (u == 0) u = rng.uniform();
        return Math.log(rng.gamma(a + 1)) + Math.log(u) / a;
    }

    /**
     * The conjugate update Dir(alpha + counts) after observing (possibly fractional, expected) category counts.
     *
     * @param counts length K, non-negative and finite
     */
    public Dirichlet posterior(double[] counts) {
        Args.requireLength(counts, alpha.length, "counts");
        Args.requireNonNegative(counts, "counts");
        double[] a = new double[alpha.length];
        for (int i = 0; i < a.length; i++) a[i] = alpha[i] + counts[i];
        return new Dirichlet(a);
    }

    /**
     * The mode. When every alpha_k &gt; 1 it is the usual pi_k = (alpha_k - 1) / (sum_j alpha_j - K). Otherwise the
     * density is unbounded or flat at the boundary, and this returns the rule used for MAP estimates: clip
     * w_k = max(alpha_k - 1, 0) and renormalise, pi_k = w_k / sum_j w_j (categories with alpha_k &lt;= 1 get 0);
     * when every alpha_k &lt;= 1 (all w_k = 0, e.g. a prior with alpha &lt;= 1 and no counts) it returns the mean.
     */
    public double[] mode() {
        int k = alpha.length;
        double[] w = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            w[i] = Math.max(alpha[i] - 1, 0);
            s += w[i];
        }
        if (s == 0) return mean();
        for (int i = 0; i < k; i++) w[i] /= s;
        return w;
    }

    /** The mean alpha_k / sum_j alpha_j. */
    public double[] mean() {
        double[] m = new double[alpha.length];
        for (int i = 0; i < m.length; i++) m[i] = alpha[i] / alphaSum;
        return m;
    }

    /** The expected log probabilities E[log pi_k] = digamma(alpha_k) - digamma(sum_j alpha_j) (variational Bayes). */
    public double[] expectedLog() {
        double[] m = new double[alpha.length];
        double d0 = SpecialFunctions.digamma(alphaSum);
        for (int i = 0; i < m.length; i++) m[i] = SpecialFunctions.digamma(alpha[i]) - d0;
        return m;
    }

    /** A copy of alpha. */
    public double[] alpha() { return alpha.clone(); }

    /** The number of categories K. */
    public int size() { return alpha.length; }
}
