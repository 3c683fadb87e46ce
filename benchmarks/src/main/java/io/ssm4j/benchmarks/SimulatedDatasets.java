package io.ssm4j.benchmarks;

import io.ssm4j.data.NdArray;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stand-ins for the peer datasets when {@code <shared>/peers} is absent: seeded parameters of the same shapes
 * (Gaussian HMM K = 10, D = 5; AR(1) HMM K = 5, D = 10), data of the same length sampled from them, and a
 * deterministic EM starting point. The cost of every benchmarked operation depends only on K, D and T, so
 * the times are comparable with the peers'; the numbers they compute (log-likelihoods) are not.
 *
 * <pre>
 *   HMM:   pi = uniform, P = 0.95 I + 0.05 / (K-1) (1 - I), mu_k ~ N(0, 4 I), Sigma_k = 0.25 I + G G^T / (2D)
 *   ARHMM: pi = uniform, P = 0.97 I + 0.03 / (K-1) (1 - I), A_k = 0.6 I + 0.05 G, b_k ~ N(0, 0.25 I),
 *          Sigma_k = 0.1 I + 0.02 G G^T / D, y_0 ~ N(0, I)
 * </pre>
 * with G a fresh standard normal D x D matrix each time. Starting points: HMM P = 0.8 I + ..., means
 * perturbed by N(0, I), Sigma = I; ARHMM P = 0.9 I + ..., A_k = 0.5 I + 0.02 G, b_k ~ N(0, 0.25 I),
 * Sigma = 0.2 I.
 */
public final class SimulatedDatasets {
    /** Every simulated dataset's {@link BenchmarkData#source()} starts with this. */
    public static final String SOURCE_PREFIX = "simulated";
    private static final long SEED = 20_240_517L;

    private SimulatedDatasets() {}

    /** A Gaussian HMM dataset shaped like {@code hmm_k10_t100000}. */
    public static BenchmarkData hmm() {
        int k = 10, d = 5, t = 100_000;
        Rng rng = Rng.seeded(SEED);
        HmmSpec spec = HmmSpec.of(k, d, EmissionType.GAUSSIAN);
        double[] means = new double[k * d];
        for (int i = 0; i < means.length; i++) means[i] = 2 * rng.gaussian();
        double[] covs = new double[k * d * d];
        for (int s = 0; s < k; s++) randomSpd(rng, d, 0.25, 1.0 / (2 * d), covs, s * d * d);
        HiddenMarkovModel truth = gaussian(spec, sticky(k, 0.95), means, covs);
        double[] initMeans = means.clone();
        for (int i = 0; i < initMeans.length; i++) initMeans[i] += rng.gaussian();
        double[] initCovs = new double[k * d * d];
        for (int s = 0; s < k; s++) addIdentity(initCovs, s * d * d, d, 1.0);
        HiddenMarkovModel init = gaussian(spec, sticky(k, 0.8), initMeans, initCovs);
        return new BenchmarkData(PeerDatasets.HMM, truth, init, truth.sample(t, null, 0, rng).observations(),
                SOURCE_PREFIX + " (no shared peer data; seeded parameters of the same K, D, T)");
    }

    /** An AR(1) HMM dataset shaped like {@code arhmm_k5_t20000}. */
    public static BenchmarkData arhmm() {
        int k = 5, d = 10, t = 20_000;
        Rng rng = Rng.seeded(SEED + 1);
        HmmSpec spec = HmmSpec.of(k, d, EmissionType.AUTOREGRESSIVE);
        HiddenMarkovModel truth = autoregressive(spec, sticky(k, 0.97), randomWeights(rng, k, d, 0.6, 0.05),
                randomBiases(rng, k, d), spdStack(rng, k, d, 0.1, 0.02 / d));
        HiddenMarkovModel init = autoregressive(spec, sticky(k, 0.9), randomWeights(rng, k, d, 0.5, 0.02),
                randomBiases(rng, k, d), spdStack(rng, k, d, 0.2, 0));
        return new BenchmarkData(PeerDatasets.ARHMM, truth, init, truth.sample(t, null, 0, rng).observations(),
                SOURCE_PREFIX + " (no shared peer data; seeded parameters of the same K, D, T)");
    }

    private static HiddenMarkovModel gaussian(HmmSpec spec, double[] p, double[] means, double[] covs) {
        int k = spec.numStates(), d = spec.dim();
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("initial_probs", NdArray.of(uniform(k), k));
        m.put("transition_matrix", NdArray.of(p, k, k));
        m.put("means", NdArray.of(means, k, d));
        m.put("covariances", NdArray.of(covs, k, d, d));
        return HmmFactory.fromParameters(spec, m);
    }

    private static HiddenMarkovModel autoregressive(HmmSpec spec, double[] p, double[] weights, double[] biases,
                                                    double[] covs) {
        int k = spec.numStates(), d = spec.dim();
        double[] initCovs = new double[k * d * d];
        for (int s = 0; s < k; s++) addIdentity(initCovs, s * d * d, d, 1.0);
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("initial_probs", NdArray.of(uniform(k), k));
        m.put("transition_matrix", NdArray.of(p, k, k));
        m.put("weights", NdArray.of(weights, k, d, d));
        m.put("biases", NdArray.of(biases, k, d));
        m.put("covariances", NdArray.of(covs, k, d, d));
        m.put("initial_means", NdArray.of(new double[k * d], k, d));
        m.put("initial_covariances", NdArray.of(initCovs, k, d, d));
        return HmmFactory.fromParameters(spec, m);
    }

    private static double[] uniform(int k) {
        double[] pi = new double[k];
        Arrays.fill(pi, 1.0 / k);
        return pi;
    }

    /** stay on the diagonal, the rest spread evenly over the other states. */
    private static double[] sticky(int k, double stay) {
        double[] p = new double[k * k];
        Arrays.fill(p, (1 - stay) / (k - 1));
        for (int i = 0; i < k; i++) p[i * k + i] = stay;
        return p;
    }

    private static double[] randomWeights(Rng rng, int k, int d, double diagonal, double noise) {
        double[] w = new double[k * d * d];
        for (int i = 0; i < w.length; i++) w[i] = noise * rng.gaussian();
        for (int s = 0; s < k; s++) addIdentity(w, s * d * d, d, diagonal);
        return w;
    }

    private static double[] randomBiases(Rng rng, int k, int d) {
        double[] b = new double[k * d];
        for (int i = 0; i < b.length; i++) b[i] = 0.5 * rng.gaussian();
        return b;
    }

    private static double[] spdStack(Rng rng, int k, int d, double ridge, double scale) {
        double[] out = new double[k * d * d];
        for (int s = 0; s < k; s++) randomSpd(rng, d, ridge, scale, out, s * d * d);
        return out;
    }

    /** out = ridge I + scale G G^T at offset off, G standard normal d x d. */
    private static void randomSpd(Rng rng, int d, double ridge, double scale, double[] out, int off) {
        double[] g = new double[d * d];
        for (int i = 0; i < g.length; i++) g[i] = rng.gaussian();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int m = 0; m < d; m++) s += g[i * d + m] * g[j * d + m];
                out[off + i * d + j] = scale * s;
            }
        }
        addIdentity(out, off, d, ridge);
    }

    private static void addIdentity(double[] a, int off, int d, double v) {
        for (int i = 0; i < d; i++) a[off + i * d + i] += v;
    }
}
