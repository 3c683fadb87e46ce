package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.Gamma;
import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;
import io.ssm4j.models.ArrayStatistics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Poisson count emissions, the standard HMM of binned spike counts (e.g. Jones et al. 2007, "Natural
 * stimuli evoke dynamic sequences of states in sensory cortical ensembles"): y_td | z_t = k ~ Poisson(lambda_kd)
 * independently over d,
 * <pre>
 *   log p(y_t | z_t = k) = sum_{d observed} [ y_td log lambda_kd - lambda_kd - log y_td! ]
 * </pre>
 * A rate of 0 gives log-likelihood 0 for y = 0 and negative infinity for y &gt; 0. Optional conjugate prior:
 * every lambda_kd ~ Gamma(a, b) (shape a, rate b); the M-step is the posterior mode
 * (a - 1 + sum_t w_tk y_td) / (b + sum_t w_tk) (0 when that is negative), or without a prior the weighted mean
 * sum_t w_tk y_td / sum_t w_tk.
 *
 * <p>Data must be non-negative integer counts. Missing entries drop their factor; statistics use observed
 * entries only ({@link FactorisedStatistics}), which is exact.
 */
public final class PoissonEmissions implements Emissions {
    private static final int ORDER = 1;

    private final int k;
    private final int d;
    private final double[] rates;
    private final double[] logRates;
    private final Gamma prior;

    private PoissonEmissions(int k, int d, double[] rates, Gamma prior) {
        this.k = k;
        this.d = d;
        this.rates = rates;
        this.prior = prior;
        this.logRates = new double[rates.length];
        for (int i = 0; i < rates.length; i++) logRates[i] = Math.log(rates[i]);
    }

    /**
     * @param rates K x D, each finite and &gt;= 0
     * @param prior Gamma(a, b) prior on every rate, or null for maximum likelihood
     */
    public static PoissonEmissions of(double[] rates, int numStates, int dim, Gamma prior) {
        EmissionChecks.requireLength("rates", rates, numStates * dim, "K*D");
        EmissionChecks.requireNonNegative("rates", rates);
        return new PoissonEmissions(numStates, dim, rates.clone(), prior);
    }

    @Override public int numStates() { return k; }

    @Override public int dim() { return d; }

    @Override public String type() { return EmissionType.POISSON.cliName(); }

    public double[] rates() { return rates.clone(); }

    public Gamma prior() { return prior; }

    private static void checkCounts(TimeSeries y) {
        EmissionChecks.requireIntegerData(y, "poisson", Double.POSITIVE_INFINITY, "a non-negative integer count");
    }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        checkCounts(y);
        double[] v = y.valuesView();
        boolean[] mask = y.maskView();
        double[] logFact = new double[d];
        for (int t = 0; t < y.length(); t++) {
            int row = t * d;
            for (int a = 0; a < d; a++) logFact[a] = SpecialFunctions.logFactorial((long) v[row + a]);
            for (int j = 0; j < k; j++) {
                int o = j * d;
                double s = 0;
                for (int a = 0; a < d; a++) {
                    if (mask != null && !mask[row + a]) continue;
                    double x = v[row + a];
                    s += (x == 0 ? 0 : x * logRates[o + a] - logFact[a]) - rates[o + a];
                }
                out[t * k + j] = s;
            }
        }
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        for (int a = 0; a < d; a++) y[t * d + a] = rng.poisson(rates[state * d + a]);
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        double lp = 0;
        for (double r : rates) lp += prior.logDensity(r);
        return lp;
    }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(k * d * (ORDER + 1)); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        checkCounts(y);
        FactorisedStatistics.addPowerSums(y, weights, k, ORDER, stats.values());
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        double[] s = stats.values();
        double[] next = prior == null ? FactorisedStatistics.meansOrKeep(s, ORDER, rates)
                : FactorisedStatistics.mapFirstMoments(s, ORDER, (n, sum) -> prior.posteriorPoisson(sum, n).mode());
        return new PoissonEmissions(k, d, next, prior);
    }

    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        if (prior == null) throw new IllegalStateException("Gibbs sampling of Poisson emissions needs a Gamma prior");
        double[] next = FactorisedStatistics.mapFirstMoments(stats.values(), ORDER,
                (n, sum) -> prior.posteriorPoisson(sum, n).sample(rng));
        return new PoissonEmissions(k, d, next, prior);
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("rates", NdArray.of(rates, k, d));
        return p;
    }
}
