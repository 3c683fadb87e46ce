package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MeanCovariance;
import io.ssm4j.distributions.NormalInverseWishart;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Full-covariance Gaussian emissions: y_t | z_t = k ~ N(mu_k, Sigma_k), with an optional
 * Normal-Inverse-Wishart prior (mu_k, Sigma_k) ~ NIW(mu0, kappa0, Psi0, nu0) shared by all states.
 *
 * <p>Missing entries: the likelihood of a partly observed row is the Gaussian marginal of its observed part;
 * the M-step uses the exact EM statistics E[y_t | y_obs, z_t=k] and E[y_t y_t^T | y_obs, z_t=k] (Ghahramani
 * and Jordan 1994, "Supervised learning from incomplete data via an EM approach"). Without a prior the
 * M-step is maximum likelihood plus a 1e-8 ridge on the covariance (as ssm does), keeping it invertible.
 *
 * <p>Computation is the x_t = [1] case of {@link LinearGaussianCore} (W_k = mu_k).
 */
public final class GaussianEmissions implements Emissions {
    static final double RIDGE = 1e-8;

    private final LinearGaussianCore core;
    private final NormalInverseWishart prior;

    private GaussianEmissions(LinearGaussianCore core, NormalInverseWishart prior) {
        this.core = core;
        this.prior = prior;
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
        return new GaussianEmissions(new LinearGaussianCore(numStates, dim, 1, means.clone(), covariances.clone()), prior);
    }

    @Override public int numStates() { return core.k; }

    @Override public int dim() { return core.d; }

    @Override public String type() { return "gaussian"; }

    public double[] means() { return core.regression.clone(); }

    public double[] covariances() { return core.covariances.clone(); }

    public NormalInverseWishart prior() { return prior; }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        RegressionDesign x = RegressionDesign.of(y, 0, 0);
        core.logLikelihoods(x, y, out);
        for (int t = 0; t < y.length(); t++) if (!x.usable[t]) Arrays.fill(out, t * core.k, (t + 1) * core.k, 0.0);
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        int d = core.d;
        double[] noise = new double[d];
        core.correlatedNoise(state, rng, noise);
        for (int a = 0; a < d; a++) y[t * d + a] = core.regression[state * d + a] + noise[a];
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        int d = core.d;
        double lp = 0;
        for (int j = 0; j < core.k; j++) {
            lp += prior.logDensity(Arrays.copyOfRange(core.regression, j * d, (j + 1) * d),
                    Arrays.copyOfRange(core.covariances, j * d * d, (j + 1) * d * d));
        }
        return lp;
    }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(core.k * core.statsStride()); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        core.accumulate(stats.values(), RegressionDesign.of(y, 0, 0), y, weights);
    }

    /** The NIW posterior of state j: n, sum y (the Syx block) and sum y y^T. */
    private NormalInverseWishart posterior(double[][] b) { return prior.posterior(b[0][0], b[2], b[3]); }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        double[] newMeans = core.regression.clone(), newCovs = core.covariances.clone();
        int d = core.d;
        for (int j = 0; j < core.k; j++) {
            double[][] b = core.blocks(stats.values(), j);
            if (prior == null) {
                core.maximizeState(b, j, RIDGE, newMeans, newCovs);
            } else {
                MeanCovariance mode = posterior(b).mode();
                System.arraycopy(mode.mean(), 0, newMeans, j * d, d);
                System.arraycopy(mode.covariance(), 0, newCovs, j * d * d, d * d);
            }
        }
        Cholesky.symmetrizeBlocks(newCovs, core.k, d);
        return new GaussianEmissions(new LinearGaussianCore(core.k, d, 1, newMeans, newCovs), prior);
    }

    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        if (prior == null) throw new IllegalStateException("Gibbs sampling of Gaussian emissions needs a NIW prior");
        int d = core.d;
        double[] newMeans = new double[core.k * d], newCovs = new double[core.k * d * d];
        for (int j = 0; j < core.k; j++) {
            MeanCovariance draw = posterior(core.blocks(stats.values(), j)).sample(rng);
            System.arraycopy(draw.mean(), 0, newMeans, j * d, d);
            System.arraycopy(draw.covariance(), 0, newCovs, j * d * d, d * d);
        }
        Cholesky.symmetrizeBlocks(newCovs, core.k, d);
        return new GaussianEmissions(new LinearGaussianCore(core.k, d, 1, newMeans, newCovs), prior);
    }

    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("means", NdArray.of(core.regression, core.k, core.d));
        p.put("covariances", NdArray.of(core.covariances, core.k, core.d, core.d));
        return p;
    }
}
