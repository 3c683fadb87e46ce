package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MeanCovariance;
import io.ssm4j.distributions.NormalInverseWishart;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Diagonal-covariance Gaussian emissions: y_td | z_t = k ~ N(mu_kd, sigma2_kd) independently over d,
 * <pre>
 *   log p(y_t | z_t = k) = -1/2 sum_{d observed} [ log(2 pi sigma2_kd) + (y_td - mu_kd)^2 / sigma2_kd ]
 * </pre>
 * with an optional conjugate prior: every (mu_kd, sigma2_kd) independently Normal-Inverse-Gamma, given as the
 * one-dimensional Normal-Inverse-Wishart NIW(m0, kappa0, psi0, nu0) (sigma2 ~ IG(nu0/2, psi0/2),
 * mu | sigma2 ~ N(m0, sigma2 / kappa0); Murphy 2007, "Conjugate Bayesian analysis of the Gaussian
 * distribution"). The M-step is the posterior mode mu = m_n, sigma2 = psi_n / (nu_n + 3), or without a prior the
 * weighted mean and variance plus a 1e-8 ridge.
 *
 * <p>Missing entries: the likelihood factorises over d, so a missing y_td drops its factor and the statistics
 * of (k, d) use the observed entries of dimension d only ({@link FactorisedStatistics}), which is exact.
 */
public final class DiagonalGaussianEmissions implements Emissions {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final int ORDER = 2;
    private static final int BLOCK = 1024;

    private final int k;
    private final int d;
    private final double[] means;
    private final double[] variances;
    private final NormalInverseWishart prior;
    private final double[] logNorms;
    private final double[] halfPrecisions;

    private DiagonalGaussianEmissions(int k, int d, double[] means, double[] variances, NormalInverseWishart prior) {
        this.k = k;
        this.d = d;
        this.means = means;
        this.variances = variances;
        this.prior = prior;
        this.logNorms = new double[k * d];
        this.halfPrecisions = new double[k * d];
        for (int i = 0; i < k * d; i++) {
            logNorms[i] = -0.5 * (LOG_2PI + Math.log(variances[i]));
            halfPrecisions[i] = 0.5 / variances[i];
        }
    }

    /**
     * @param means K x D, row-major
     * @param variances K x D, each finite and &gt; 0 (the "covariances" parameter)
     * @param prior a one-dimensional NIW (Normal-Inverse-Gamma) prior shared by every (k, d), or null for ML
     */
    public static DiagonalGaussianEmissions of(double[] means, double[] variances, int numStates, int dim,
                                               NormalInverseWishart prior) {
        EmissionChecks.requireLength("means", means, numStates * dim, "K*D");
        EmissionChecks.requireLength("covariances", variances, numStates * dim, "K*D");
        EmissionChecks.requireFinite("means", means);
        EmissionChecks.requirePositive("covariances", variances);
        if (prior != null && prior.dim() != 1) {
            throw new IllegalArgumentException("the diagonal-Gaussian prior is a one-dimensional NIW (Normal-Inverse-Gamma)"
                    + " applied to every (state, dimension), got dimension " + prior.dim());
        }
        return new DiagonalGaussianEmissions(numStates, dim, means.clone(), variances.clone(), prior);
    }

    @Override public int numStates() { return k; }

    @Override public int dim() { return d; }

    @Override public String type() { return EmissionType.DIAGONAL_GAUSSIAN.cliName(); }

    public double[] means() { return means.clone(); }

    public double[] variances() { return variances.clone(); }

    public NormalInverseWishart prior() { return prior; }

    /**
     * Complete rows run column by column over blocks of time steps (contiguous, vectorisable loops); partly
     * observed rows are summed over their observed entries.
     */
    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        double[] v = y.valuesView();
        int n = y.length(), block = Math.min(n, BLOCK);
        double[] columns = new double[d * block], acc = new double[block];
        for (int t0 = 0; t0 < n; t0 += block) {
            int m = Math.min(block, n - t0);
            for (int i = 0; i < m; i++) for (int a = 0; a < d; a++) columns[a * block + i] = v[(t0 + i) * d + a];
            for (int j = 0; j < k; j++) {
                Arrays.fill(acc, 0, m, 0.0);
                for (int a = 0; a < d; a++) {
                    double mu = means[j * d + a], c = logNorms[j * d + a], h = halfPrecisions[j * d + a];
                    int o = a * block;
                    for (int i = 0; i < m; i++) {
                        double r = columns[o + i] - mu;
                        acc[i] += c - h * r * r;
                    }
                }
                for (int i = 0; i < m; i++) out[(t0 + i) * k + j] = acc[i];
            }
        }
        if (y.hasMissing()) {
            for (int t = 0; t < n; t++) if (!y.isRowObserved(t)) partialRow(y, t, out);
        }
    }

    private void partialRow(TimeSeries y, int t, double[] out) {
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int a = 0; a < d; a++) {
                if (!y.isObserved(t, a)) continue;
                double r = y.value(t, a) - means[j * d + a];
                s += logNorms[j * d + a] - halfPrecisions[j * d + a] * r * r;
            }
            out[t * k + j] = s;
        }
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        for (int a = 0; a < d; a++) {
            int i = state * d + a;
            y[t * d + a] = means[i] + Math.sqrt(variances[i]) * rng.gaussian();
        }
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        double lp = 0;
        for (int i = 0; i < k * d; i++) lp += prior.logDensity(new double[] {means[i]}, new double[] {variances[i]});
        return lp;
    }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(k * d * (ORDER + 1)); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        FactorisedStatistics.addPowerSums(y, weights, k, ORDER, stats.values());
    }

    private NormalInverseWishart posterior(double[] s, int i) {
        int b = i * (ORDER + 1);
        return prior.posterior(s[b], new double[] {s[b + 1]}, new double[] {s[b + 2]});
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        double[] s = stats.values();
        double[] newMeans = means.clone(), newVars = variances.clone();
        for (int i = 0; i < k * d; i++) {
            int b = i * (ORDER + 1);
            if (prior != null) {
                MeanCovariance mode = posterior(s, i).mode();
                newMeans[i] = mode.mean()[0];
                newVars[i] = mode.covariance()[0];
            } else if (s[b] >= FactorisedStatistics.EMPTY) {
                double mean = s[b + 1] / s[b];
                newMeans[i] = mean;
                newVars[i] = Math.max(s[b + 2] / s[b] - mean * mean, 0) + GaussianEmissions.RIDGE;
            }
        }
        return new DiagonalGaussianEmissions(k, d, newMeans, newVars, prior);
    }

    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        if (prior == null) {
            throw new IllegalStateException("Gibbs sampling of diagonal-Gaussian emissions needs a Normal-Inverse-Gamma prior");
        }
        double[] newMeans = new double[k * d], newVars = new double[k * d];
        for (int i = 0; i < k * d; i++) {
            MeanCovariance draw = posterior(stats.values(), i).sample(rng);
            newMeans[i] = draw.mean()[0];
            newVars[i] = draw.covariance()[0];
        }
        return new DiagonalGaussianEmissions(k, d, newMeans, newVars, prior);
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("means", NdArray.of(means, k, d));
        p.put("covariances", NdArray.of(variances, k, d));
        return p;
    }
}
