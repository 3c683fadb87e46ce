package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.Dirichlet;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Categorical emissions for discrete codes (behavioural syllables, choices): y_td in {0..C-1} with
 * y_td | z_t = k ~ Cat(pi_kd) independently over d,
 * <pre>
 *   log p(y_t | z_t = k) = sum_{d observed} log pi_kd[y_td]
 * </pre>
 * Optional conjugate prior: every pi_kd ~ Dir(alpha) (length C); the M-step is the posterior mode of
 * Dir(alpha + n_kd) with counts n_kd[c] = sum_t w_tk [y_td = c] (see {@link Dirichlet#mode}), or without a prior
 * the weighted frequencies n_kd / sum_c n_kd[c].
 *
 * <p>Data must be integer codes in 0..C-1. Missing entries drop their factor; statistics use observed entries
 * only ({@link FactorisedStatistics}), which is exact.
 */
public final class CategoricalEmissions implements Emissions {
    private final int k;
    private final int d;
    private final int c;
    private final double[] probs;
    private final double[] logProbs;
    private final Dirichlet prior;

    private CategoricalEmissions(int k, int d, int c, double[] probs, Dirichlet prior) {
        this.k = k;
        this.d = d;
        this.c = c;
        this.probs = probs;
        this.prior = prior;
        this.logProbs = new double[probs.length];
        for (int i = 0; i < probs.length; i++) logProbs[i] = Math.log(probs[i]);
    }

    /**
     * @param probs K x D x C, each row of C a probability vector
     * @param categories C &gt;= 2
     * @param prior Dir(alpha) prior (length C) on every pi_kd, or null for maximum likelihood
     */
    public static CategoricalEmissions of(double[] probs, int numStates, int dim, int categories, Dirichlet prior) {
        if (categories < 2) throw new IllegalArgumentException("categories C must be >= 2, got " + categories);
        EmissionChecks.requireLength("probs", probs, numStates * dim * categories, "K*D*C");
        EmissionChecks.requireStochasticRows("probs", probs, categories);
        if (prior != null && prior.size() != categories) {
            throw new IllegalArgumentException("Dirichlet prior has " + prior.size() + " categories, expected C = " + categories);
        }
        return new CategoricalEmissions(numStates, dim, categories, probs.clone(), prior);
    }

    @Override public int numStates() { return k; }

    @Override public int dim() { return d; }

    @Override public String type() { return EmissionType.CATEGORICAL.cliName(); }

    public int categories() { return c; }

    public double[] probs() { return probs.clone(); }

    public Dirichlet prior() { return prior; }

    private void checkCodes(TimeSeries y) {
        EmissionChecks.requireIntegerData(y, "categorical", c - 1, "a category code in 0..C-1 (C = " + c + ")");
    }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        checkCodes(y);
        double[] v = y.valuesView();
        boolean[] mask = y.maskView();
        for (int t = 0; t < y.length(); t++) {
            int row = t * d;
            for (int j = 0; j < k; j++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    if (mask != null && !mask[row + a]) continue;
                    s += logProbs[(j * d + a) * c + (int) v[row + a]];
                }
                out[t * k + j] = s;
            }
        }
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        for (int a = 0; a < d; a++) y[t * d + a] = rng.categorical(probs, (state * d + a) * c, c);
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        double lp = 0;
        for (int i = 0; i < k * d; i++) lp += prior.logDensity(Arrays.copyOfRange(probs, i * c, (i + 1) * c));
        return lp;
    }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(k * d * c); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        checkCodes(y);
        FactorisedStatistics.addCounts(y, weights, k, c, stats.values());
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        double[] s = stats.values(), next = probs.clone();
        for (int i = 0; i < k * d; i++) {
            double[] counts = Arrays.copyOfRange(s, i * c, (i + 1) * c);
            if (prior != null) {
                System.arraycopy(prior.posterior(counts).mode(), 0, next, i * c, c);
                continue;
            }
            double n = Arrays.stream(counts).sum();
            if (n < FactorisedStatistics.EMPTY) continue;
            for (int q = 0; q < c; q++) next[i * c + q] = counts[q] / n;
        }
        return new CategoricalEmissions(k, d, c, next, prior);
    }

    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        if (prior == null) throw new IllegalStateException("Gibbs sampling of categorical emissions needs a Dirichlet prior");
        double[] s = stats.values(), next = new double[k * d * c];
        for (int i = 0; i < k * d; i++) {
            System.arraycopy(prior.posterior(Arrays.copyOfRange(s, i * c, (i + 1) * c)).sample(rng), 0, next, i * c, c);
        }
        return new CategoricalEmissions(k, d, c, next, prior);
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("probs", NdArray.of(probs, k, d, c));
        return p;
    }
}
