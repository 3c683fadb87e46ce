package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.NormalInverseWishart;
import io.ssm4j.distributions.NormalInverseWishart.MeanCovariance;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full-covariance Gaussian emissions: y_t | z_t = k ~ N(mu_k, Sigma_k), with an optional
 * Normal-Inverse-Wishart prior (mu_k, Sigma_k) ~ NIW(mu0, kappa0, Psi0, nu0) shared by all states.
 *
 * <p>Missing entries: the likelihood of a partly observed row is the Gaussian marginal of its observed part;
 * the M-step uses the exact EM statistics E[y_t | y_obs, z_t=k] and E[y_t y_t^T | y_obs, z_t=k] (the
 * conditional-Gaussian fill-in of Ghahramani and Jordan 1994, "Supervised learning from incomplete data via
 * an EM approach"). Without a prior the M-step is maximum likelihood plus a 1e-8 ridge on the covariance (as
 * ssm does), keeping it invertible.
 *
 * <p>Statistics layout per state k (stride 1 + D + D*D): [N_k, sum_t w y_t, sum_t w y_t y_t^T].
 */
public final class GaussianEmissions implements Emissions {
    static final double RIDGE = 1e-8;
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final int k;
    private final int d;
    private final double[] means;
    private final double[] covariances;
    private final double[] choleskyFactors;
    private final double[] logDets;
    private final NormalInverseWishart prior;

    private GaussianEmissions(int k, int d, double[] means, double[] covariances, NormalInverseWishart prior) {
        this.k = k;
        this.d = d;
        this.means = means;
        this.covariances = covariances;
        this.prior = prior;
        this.choleskyFactors = new double[k * d * d];
        this.logDets = new double[k];
        double[] s = new double[d * d], l = new double[d * d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(covariances, j * d * d, s, 0, d * d);
            Cholesky.factorOrThrow(s, d, l, "covariances[" + j + "]");
            System.arraycopy(l, 0, choleskyFactors, j * d * d, d * d);
            logDets[j] = Cholesky.logDet(l, d);
        }
    }

    /**
     * @param means K x D, row-major
     * @param covariances K x D x D, each symmetric positive definite
     * @param prior the NIW prior, or null for maximum likelihood
     */
    public static GaussianEmissions of(double[] means, double[] covariances, int numStates, int dim,
                                       NormalInverseWishart prior) {
        EmissionChecks.requireLength("means", means, numStates * dim, "K*D");
        EmissionChecks.requireLength("covariances", covariances, numStates * dim * dim, "K*D*D");
        EmissionChecks.requireFinite("means", means);
        EmissionChecks.requireSymmetric("covariances", covariances, numStates, dim);
        if (prior != null && prior.dim() != dim) {
            throw new IllegalArgumentException("prior dimension " + prior.dim() + " differs from emission dimension " + dim);
        }
        return new GaussianEmissions(numStates, dim, means.clone(), covariances.clone(), prior);
    }

    @Override public int numStates() { return k; }

    @Override public int dim() { return d; }

    @Override public String type() { return "gaussian"; }

    public double[] means() { return means.clone(); }

    public double[] covariances() { return covariances.clone(); }

    public NormalInverseWishart prior() { return prior; }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        int n = y.length();
        double[] v = y.valuesView();
        double[] r = new double[d];
        double norm = -0.5 * d * LOG_2PI;
        for (int t = 0; t < n; t++) {
            if (!y.isRowObserved(t)) {
                GaussianMarginals.partialRowLogLikelihoods(y, t, means, covariances, k, d, out);
                continue;
            }
            int yo = t * d;
            for (int j = 0; j < k; j++) {
                int lo = j * d * d, mo = j * d;
                double quad = 0;
                for (int a = 0; a < d; a++) {
                    double s = v[yo + a] - means[mo + a];
                    int row = lo + a * d;
                    for (int b = 0; b < a; b++) s -= choleskyFactors[row + b] * r[b];
                    s /= choleskyFactors[row + a];
                    r[a] = s;
                    quad += s * s;
                }
                out[t * k + j] = norm - 0.5 * (logDets[j] + quad);
            }
        }
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        int lo = state * d * d;
        double[] z = new double[d];
        for (int a = 0; a < d; a++) z[a] = rng.gaussian();
        for (int a = 0; a < d; a++) {
            double s = means[state * d + a];
            for (int b = 0; b <= a; b++) s += choleskyFactors[lo + a * d + b] * z[b];
            y[t * d + a] = s;
        }
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        double lp = 0;
        double[] mu = new double[d], sigma = new double[d * d];
        for (int j = 0; j < k; j++) {
            System.arraycopy(means, j * d, mu, 0, d);
            System.arraycopy(covariances, j * d * d, sigma, 0, d * d);
            lp += prior.logDensity(mu, sigma);
        }
        return lp;
    }

    private int stride() { return 1 + d + d * d; }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(k * stride()); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        double[] s = stats.values();
        int st = stride(), n = y.length();
        double[] v = y.valuesView();
        double[] filled = new double[d], condCov = new double[d * d];
        for (int j = 0; j < k; j++) {
            int base = j * st;
            for (int t = 0; t < n; t++) {
                double w = weights[t * k + j];
                if (w == 0) continue;
                int yo = t * d;
                double[] row = v;
                int ro = yo;
                boolean partial = !y.isRowObserved(t);
                if (partial) {
                    if (!GaussianMarginals.conditionalFill(y, t, means, covariances, j, d, filled, condCov)) continue;
                    row = filled;
                    ro = 0;
                }
                s[base] += w;
                for (int a = 0; a < d; a++) {
                    double wa = w * row[ro + a];
                    s[base + 1 + a] += wa;
                    int oo = base + 1 + d + a * d;
                    for (int b = 0; b <= a; b++) s[oo + b] += wa * row[ro + b];
                }
                if (partial) {
                    for (int a = 0; a < d; a++) {
                        int oo = base + 1 + d + a * d;
                        for (int b = 0; b <= a; b++) s[oo + b] += w * condCov[a * d + b];
                    }
                }
            }
        }
    }

    /** Fills the upper triangle of each accumulated sum_t w y y^T from its lower triangle. */
    private double[] outerProducts(double[] s, int j) {
        int base = j * stride() + 1 + d;
        double[] out = new double[d * d];
        for (int a = 0; a < d; a++) {
            for (int b = 0; b <= a; b++) {
                out[a * d + b] = s[base + a * d + b];
                out[b * d + a] = s[base + a * d + b];
            }
        }
        return out;
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        double[] s = stats.values();
        double[] newMeans = means.clone(), newCovs = covariances.clone();
        for (int j = 0; j < k; j++) {
            int base = j * stride();
            double nk = s[base];
            double[] sumX = new double[d];
            System.arraycopy(s, base + 1, sumX, 0, d);
            double[] sumXX = outerProducts(s, j);
            if (prior != null) {
                MeanCovariance mode = prior.posterior(nk, sumX, sumXX).mode();
                System.arraycopy(mode.mean(), 0, newMeans, j * d, d);
                System.arraycopy(mode.covariance(), 0, newCovs, j * d * d, d * d);
                continue;
            }
            if (nk < 1e-10) continue; // an unused state keeps its parameters: nothing in the data moves them
            for (int a = 0; a < d; a++) newMeans[j * d + a] = sumX[a] / nk;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    double c = sumXX[a * d + b] / nk - newMeans[j * d + a] * newMeans[j * d + b];
                    newCovs[j * d * d + a * d + b] = c + (a == b ? RIDGE : 0);
                }
            }
        }
        Cholesky.symmetrizeBlocks(newCovs, k, d);
        return new GaussianEmissions(k, d, newMeans, newCovs, prior);
    }

    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        if (prior == null) throw new IllegalStateException("Gibbs sampling of Gaussian emissions needs a NIW prior");
        double[] s = stats.values();
        double[] newMeans = new double[k * d], newCovs = new double[k * d * d];
        for (int j = 0; j < k; j++) {
            int base = j * stride();
            double[] sumX = new double[d];
            System.arraycopy(s, base + 1, sumX, 0, d);
            MeanCovariance draw = prior.posterior(s[base], sumX, outerProducts(s, j)).sample(rng);
            System.arraycopy(draw.mean(), 0, newMeans, j * d, d);
            System.arraycopy(draw.covariance(), 0, newCovs, j * d * d, d * d);
        }
        Cholesky.symmetrizeBlocks(newCovs, k, d);
        return new GaussianEmissions(k, d, newMeans, newCovs, prior);
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("means", NdArray.of(means, k, d));
        p.put("covariances", NdArray.of(covariances, k, d, d));
        return p;
    }
}
