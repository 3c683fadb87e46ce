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
 * Multivariate Student-t emissions, robust to outliers: y_t | z_t = k ~ t_{nu_k}(mu_k, Sigma_k),
 * <pre>
 *   log p(y_t | k) = log Gamma((nu + D)/2) - log Gamma(nu/2) - D/2 log(nu pi) - 1/2 log det Sigma_k
 *                    - (nu + D)/2 log(1 + (y_t - mu_k)^T Sigma_k^{-1} (y_t - mu_k) / nu)
 * </pre>
 * fitted by EM on the Gaussian scale mixture y_t | tau_t ~ N(mu_k, Sigma_k / tau_t), tau_t ~ Gamma(nu/2, nu/2)
 * (Liu and Rubin 1995, "ML estimation of the t distribution using EM and its extensions, ECM and ECME"; Peel
 * and McLachlan 2000, "Robust mixture modelling using the t distribution"); the computation is the x_t = [1]
 * case of {@link ScaleMixtureCore}. Because the E-step weights E[tau_t] depend on the parameters,
 * {@link #accumulate} computes them at this instance's parameters (the current EM iterate).
 *
 * <p>Prior: optionally NIW(mu0, kappa0, Psi0, nu0) on (mu_k, Sigma_k) given tau; the M-step is then the mode of
 * the conditional posterior with kappa_n = kappa0 + sum w tau, nu_n = nu0 + sum w and tau-weighted moments.
 * The degrees of freedom nu_k have no prior and are always updated by the ECM equation.
 *
 * <p>Missing entries: the observed block of a t vector is t with the same nu, so the likelihood of a partly
 * observed row is that marginal, and the statistics fill missing entries with their conditional mean and
 * covariance (as {@link GaussianEmissions} does).
 *
 * <p>Gibbs sampling is not supported: a correct sampler draws tau_t from Gamma((nu + D_o)/2, (nu + delta_t)/2)
 * before drawing (mu, Sigma), and {@link #accumulate} receives no random stream, so {@link #samplePosterior}
 * throws IllegalStateException rather than sample from the wrong conditional.
 */
public final class StudentTEmissions implements Emissions {
    private final ScaleMixtureCore mix;
    private final NormalInverseWishart prior;

    private StudentTEmissions(ScaleMixtureCore mix, NormalInverseWishart prior) {
        this.mix = mix;
        this.prior = prior;
    }

    /**
     * @param means K x D locations
     * @param covariances K x D x D scale matrices, each symmetric positive definite
     * @param dofs K degrees of freedom, each &gt; 0
     * @param prior NIW prior on (mu_k, Sigma_k), or null for maximum likelihood
     */
    public static StudentTEmissions of(double[] means, double[] covariances, double[] dofs, int numStates, int dim,
                                       NormalInverseWishart prior) {
        EmissionChecks.requireLength("means", means, numStates * dim, "K*D");
        EmissionChecks.requireLength("covariances", covariances, numStates * dim * dim, "K*D*D");
        EmissionChecks.requireFinite("means", means);
        EmissionChecks.requireSymmetric("covariances", covariances, numStates, dim);
        ScaleMixtureCore.checkDofs(dofs, numStates);
        if (prior != null && prior.dim() != dim) {
            throw new IllegalArgumentException("prior dimension " + prior.dim() + " differs from emission dimension " + dim);
        }
        return new StudentTEmissions(new ScaleMixtureCore(
                new LinearGaussianCore(numStates, dim, 1, means.clone(), covariances.clone()), dofs.clone()), prior);
    }

    @Override public int numStates() { return mix.core.k; }

    @Override public int dim() { return mix.core.d; }

    @Override public String type() { return EmissionType.STUDENT_T.cliName(); }

    public double[] means() { return mix.core.regression.clone(); }

    public double[] covariances() { return mix.core.covariances.clone(); }

    public double[] dofs() { return mix.dofs.clone(); }

    public NormalInverseWishart prior() { return prior; }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        mix.logLikelihoods(RegressionDesign.of(y, 0, 0), y, out);
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        int d = mix.core.d;
        double[] noise = new double[d];
        mix.noise(state, rng, noise);
        for (int a = 0; a < d; a++) y[t * d + a] = mix.core.regression[state * d + a] + noise[a];
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        int d = mix.core.d;
        double lp = 0;
        for (int j = 0; j < mix.core.k; j++) {
            lp += prior.logDensity(Arrays.copyOfRange(mix.core.regression, j * d, (j + 1) * d),
                    Arrays.copyOfRange(mix.core.covariances, j * d * d, (j + 1) * d * d));
        }
        return lp;
    }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(mix.statsSize()); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        mix.accumulate(stats.values(), RegressionDesign.of(y, 0, 0), y, weights);
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        LinearGaussianCore core = mix.core;
        int k = core.k, d = core.d;
        double[] s = stats.values(), newMeans = core.regression.clone(), newCovs = core.covariances.clone();
        for (int j = 0; j < k; j++) {
            double[][] b = core.blocks(s, j);
            double sw = mix.weightSum(s, j);
            if (prior == null) {
                core.maximizeState(b, j, GaussianEmissions.RIDGE, sw, newMeans, newCovs);
            } else {
                NormalInverseWishart tauPosterior = prior.posterior(b[0][0], b[2], b[3]);
                MeanCovariance mode = NormalInverseWishart.of(tauPosterior.mu0(), tauPosterior.kappa0(),
                        tauPosterior.psi0(), prior.nu0() + sw).mode();
                System.arraycopy(mode.mean(), 0, newMeans, j * d, d);
                System.arraycopy(mode.covariance(), 0, newCovs, j * d * d, d * d);
            }
        }
        Cholesky.symmetrizeBlocks(newCovs, k, d);
        return new StudentTEmissions(new ScaleMixtureCore(new LinearGaussianCore(k, d, 1, newMeans, newCovs),
                mix.maximizeDofs(s)), prior);
    }

    /** Always throws: see the class comment. */
    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        throw new IllegalStateException("Gibbs sampling of Student-t emissions is not supported: the auxiliary scales"
                + " tau_t must be sampled, and accumulate() has no random stream");
    }

    @Override
    public Map<String, NdArray> parameters() {
        LinearGaussianCore core = mix.core;
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("means", NdArray.of(core.regression, core.k, core.d));
        p.put("covariances", NdArray.of(core.covariances, core.k, core.d, core.d));
        p.put("dofs", NdArray.of(mix.dofs, core.k));
        return p;
    }
}
