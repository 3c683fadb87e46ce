package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.Beta;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bernoulli emissions for binary data (e.g. spike / no spike in fine bins): y_td | z_t = k ~ Bernoulli(p_kd)
 * independently over d,
 * <pre>
 *   log p(y_t | z_t = k) = sum_{d observed} [ y_td log p_kd + (1 - y_td) log(1 - p_kd) ]
 * </pre>
 * Optional conjugate prior: every p_kd ~ Beta(a, b); the M-step is the posterior mode of
 * Beta(a + s_kd, b + f_kd) with s_kd = sum_t w_tk y_td and f_kd = sum_t w_tk (1 - y_td) (see {@link Beta#mode}),
 * or without a prior the weighted frequency s_kd / (s_kd + f_kd).
 *
 * <p>Data must be 0 or 1. Missing entries drop their factor; statistics use observed entries only
 * ({@link FactorisedStatistics}), which is exact.
 */
public final class BernoulliEmissions implements Emissions {
    private static final int ORDER = 1;

    private final int k;
    private final int d;
    private final double[] probs;
    private final double[] logProbs;
    private final double[] logComplements;
    private final Beta prior;

    private BernoulliEmissions(int k, int d, double[] probs, Beta prior) {
        this.k = k;
        this.d = d;
        this.probs = probs;
        this.prior = prior;
        this.logProbs = new double[probs.length];
        this.logComplements = new double[probs.length];
        for (int i = 0; i < probs.length; i++) {
            logProbs[i] = Math.log(probs[i]);
            logComplements[i] = Math.log1p(-probs[i]);
        }
    }

    /**
     * @param probs K x D success probabilities in [0, 1]
     * @param prior Beta(a, b) prior on every probability, or null for maximum likelihood
     */
    public static BernoulliEmissions of(double[] probs, int numStates, int dim, Beta prior) {
        EmissionChecks.requireLength("probs", probs, numStates * dim, "K*D");
        EmissionChecks.requireProbabilities("probs", probs);
        return new BernoulliEmissions(numStates, dim, probs.clone(), prior);
    }

    @Override public int numStates() { return k; }

    @Override public int dim() { return d; }

    @Override public String type() { return EmissionType.BERNOULLI.cliName(); }

    public double[] probs() { return probs.clone(); }

    public Beta prior() { return prior; }

    private static void checkBinary(TimeSeries y) {
        EmissionChecks.requireIntegerData(y, "bernoulli", 1, "0 or 1");
    }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        checkBinary(y);
        double[] v = y.valuesView();
        boolean[] mask = y.maskView();
        for (int t = 0; t < y.length(); t++) {
            int row = t * d;
            for (int j = 0; j < k; j++) {
                int o = j * d;
                double s = 0;
                for (int a = 0; a < d; a++) {
                    if (mask != null && !mask[row + a]) continue;
                    s += v[row + a] == 1 ? logProbs[o + a] : logComplements[o + a];
                }
                out[t * k + j] = s;
            }
        }
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        for (int a = 0; a < d; a++) y[t * d + a] = rng.uniform() < probs[state * d + a] ? 1 : 0;
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        double lp = 0;
        for (double p : probs) lp += prior.logDensity(p);
        return lp;
    }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(k * d * (ORDER + 1)); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        checkBinary(y);
        FactorisedStatistics.addPowerSums(y, weights, k, ORDER, stats.values());
    }

    private Beta posterior(double n, double successes) {
        return prior.posterior(successes, Math.max(n - successes, 0));
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        double[] s = stats.values();
        double[] next = prior == null ? FactorisedStatistics.meansOrKeep(s, ORDER, probs)
                : FactorisedStatistics.mapFirstMoments(s, ORDER, (n, sum) -> posterior(n, sum).mode());
        for (int i = 0; i < next.length; i++) next[i] = Math.min(1, Math.max(0, next[i]));
        return new BernoulliEmissions(k, d, next, prior);
    }

    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        if (prior == null) throw new IllegalStateException("Gibbs sampling of Bernoulli emissions needs a Beta prior");
        double[] next = FactorisedStatistics.mapFirstMoments(stats.values(), ORDER, (n, sum) -> posterior(n, sum).sample(rng));
        return new BernoulliEmissions(k, d, next, prior);
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("probs", NdArray.of(probs, k, d));
        return p;
    }
}
