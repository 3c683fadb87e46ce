package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MatrixNormalInverseWishart;
import io.ssm4j.distributions.WeightsCovariance;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;

import java.util.Arrays;
import java.util.Map;

/**
 * Robust vector-autoregressive emissions: the regression of {@link AutoRegressiveEmissions} with Student-t noise,
 * <pre>
 *   y_t | z_t = k ~ t_{nu_k}(sum_{l=1..L} A_{k,l} y_{t-l} + V_k u_t + b_k, Sigma_k)   for t &gt;= L
 * </pre>
 * and the fixed Gaussian N(mu0_k, Sigma0_k) for the first L steps, as in ssm's "robust_autoregressive"
 * observations. EM runs on the Gaussian scale mixture (Liu and Rubin 1995, "ML estimation of the t
 * distribution using EM and its extensions, ECM and ECME"): the weighted least-squares statistics of the AR
 * regression take weights w_tk E[tau_tk] with E[tau] = (nu + D_o) / (nu + delta_t) at this instance's
 * parameters, W_k and Sigma_k follow by tau-weighted least squares (residual scatter over sum_t w_tk), and nu_k by
 * the one-dimensional ECM equation; see {@link ScaleMixtureCore}. With the optional MNIW prior the M-step is the
 * mode of the conditional posterior MNIW with tau-weighted moments and nu_n = nu0 + sum_t w_tk. nu_k has no prior.
 *
 * <p>Missing entries are handled as in {@link AutoRegressiveEmissions}. Gibbs sampling is not supported, for the
 * reason given in {@link StudentTEmissions}: {@link #samplePosterior} throws IllegalStateException.
 */
public final class RobustAutoRegressiveEmissions implements Emissions {
    private final ScaleMixtureCore mix;
    private final int lags;
    private final int inputDim;
    private final GaussianEmissions initial;
    private final MatrixNormalInverseWishart prior;

    private RobustAutoRegressiveEmissions(ScaleMixtureCore mix, int lags, int inputDim, GaussianEmissions initial,
                                          MatrixNormalInverseWishart prior) {
        this.mix = mix;
        this.lags = lags;
        this.inputDim = inputDim;
        this.initial = initial;
        this.prior = prior;
    }

    /**
     * @param regression K x D x P with P = D L + M + 1: columns [A_1 .. A_L (lag 1 first), V (inputs), b]
     * @param covariances K x D x D scale matrices
     * @param dofs K degrees of freedom, each &gt; 0
     * @param initial the distribution of the first L observations per state (fixed during fitting)
     * @param prior MNIW prior on (W_k, Sigma_k), or null for maximum likelihood
     */
    public static RobustAutoRegressiveEmissions of(double[] regression, double[] covariances, double[] dofs,
                                                   int numStates, int dim, int lags, int inputDim,
                                                   GaussianEmissions initial, MatrixNormalInverseWishart prior) {
        AutoRegressiveEmissions ar = AutoRegressiveEmissions.of(regression, covariances, numStates, dim, lags, inputDim,
                initial, prior);
        ScaleMixtureCore.checkDofs(dofs, numStates);
        int pp = RegressionDesign.regressorCount(dim, lags, inputDim);
        return new RobustAutoRegressiveEmissions(new ScaleMixtureCore(new LinearGaussianCore(numStates, dim, pp,
                ar.regression(), ar.covariances()), dofs.clone()), lags, inputDim, initial, prior);
    }

    @Override public int numStates() { return mix.core.k; }

    @Override public int dim() { return mix.core.d; }

    @Override public String type() { return EmissionType.ROBUST_AUTOREGRESSIVE.cliName(); }

    public int lags() { return lags; }

    public int inputDim() { return inputDim; }

    public double[] regression() { return mix.core.regression.clone(); }

    public double[] covariances() { return mix.core.covariances.clone(); }

    public double[] dofs() { return mix.dofs.clone(); }

    public GaussianEmissions initial() { return initial; }

    public MatrixNormalInverseWishart prior() { return prior; }

    @Override
    public void logLikelihoods(TimeSeries y, double[] out) {
        RegressionDesign x = RegressionDesign.of(y, lags, inputDim);
        AutoRegressiveEmissions.headLogLikelihoods(initial, lags, y, out);
        mix.logLikelihoods(x, y, out);
        AutoRegressiveEmissions.zeroUnusable(x, lags, mix.core.k, out);
    }

    @Override
    public void sample(int state, double[] y, int t, double[] inputRow, Rng rng) {
        if (t < lags) {
            initial.sample(state, y, t, inputRow, rng);
            return;
        }
        double[] noise = new double[mix.core.d];
        mix.noise(state, rng, noise);
        AutoRegressiveEmissions.predictRow(mix.core, lags, inputDim, state, y, t, inputRow, noise);
    }

    @Override
    public double logPrior() {
        if (prior == null) return 0;
        LinearGaussianCore core = mix.core;
        int d = core.d, p = core.p;
        double lp = 0;
        for (int j = 0; j < core.k; j++) {
            lp += prior.logDensity(Arrays.copyOfRange(core.regression, j * d * p, (j + 1) * d * p),
                    Arrays.copyOfRange(core.covariances, j * d * d, (j + 1) * d * d));
        }
        return lp;
    }

    @Override
    public ArrayStatistics newStatistics() { return ArrayStatistics.zeros(mix.statsSize()); }

    @Override
    public void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights) {
        mix.accumulate(stats.values(), RegressionDesign.of(y, lags, inputDim), y, weights);
    }

    @Override
    public Emissions maximize(ArrayStatistics stats) {
        LinearGaussianCore core = mix.core;
        int k = core.k, d = core.d, p = core.p;
        double[] s = stats.values(), newW = core.regression.clone(), newCov = core.covariances.clone();
        for (int j = 0; j < k; j++) {
            double[][] b = core.blocks(s, j);
            double sw = mix.weightSum(s, j);
            if (prior == null) {
                core.maximizeState(b, j, GaussianEmissions.RIDGE, sw, newW, newCov);
            } else {
                WeightsCovariance mode = prior.posterior(sw, b[1], b[2], b[3]).mode();
                System.arraycopy(mode.weights(), 0, newW, j * d * p, d * p);
                System.arraycopy(mode.covariance(), 0, newCov, j * d * d, d * d);
            }
        }
        Cholesky.symmetrizeBlocks(newCov, k, d);
        return new RobustAutoRegressiveEmissions(new ScaleMixtureCore(new LinearGaussianCore(k, d, p, newW, newCov),
                mix.maximizeDofs(s)), lags, inputDim, initial, prior);
    }

    /** Always throws: see the class comment. */
    @Override
    public Emissions samplePosterior(ArrayStatistics stats, Rng rng) {
        throw new IllegalStateException("Gibbs sampling of robust AR emissions is not supported: the auxiliary scales"
                + " tau_t must be sampled, and accumulate() has no random stream");
    }

    /** The AR parameters (weights, input_weights, biases, covariances, initial_*) plus "dofs" (K). */
    @Override
    public Map<String, NdArray> parameters() {
        Map<String, NdArray> m = AutoRegressiveEmissions.regressionParameters(mix.core, lags, inputDim, initial);
        m.put("dofs", NdArray.of(mix.dofs, mix.core.k));
        return m;
    }
}
