package io.ssm4j.tests;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MultivariateNormal;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.messages.HmmPosterior;
import io.ssm4j.inference.messages.ViterbiPath;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Forward-backward, Viterbi and the marginal likelihood of whole models (emission likelihoods with masks
 * included) equal brute-force enumeration over all state paths, with the emission densities computed
 * independently from the distribution classes on the observed entries only.
 */
class ModelBruteForceTest {
    static final int K = 3, T = 7;

    static double[] randomStochastic(Rng rng, int rows, int k) {
        double[] p = new double[rows * k];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int j = 0; j < k; j++) s += (p[r * k + j] = 0.2 + rng.uniform());
            for (int j = 0; j < k; j++) p[r * k + j] /= s;
        }
        return p;
    }

    static double[] randomSpd(Rng rng, int count, int d) {
        double[] c = new double[count * d * d];
        for (int q = 0; q < count; q++) {
            double[] a = new double[d * d];
            for (int i = 0; i < a.length; i++) a[i] = rng.gaussian();
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double s = i == j ? 0.5 : 0;
                    for (int m = 0; m < d; m++) s += a[i * d + m] * a[j * d + m];
                    c[q * d * d + i * d + j] = s;
                }
            }
        }
        return c;
    }

    /** Data with some entries and one whole row missing. */
    static TimeSeries maskedData(Rng rng, int d) {
        double[] y = new double[T * d];
        for (int i = 0; i < y.length; i++) y[i] = rng.gaussian() * 2;
        y[1 * d] = Double.NaN;
        if (d > 1) y[3 * d + d - 1] = Double.NaN;
        for (int a = 0; a < d; a++) y[5 * d + a] = Double.NaN;
        return TimeSeries.of(y, T, d);
    }

    /** log N(y_obs; mean_obs, cov_obs) over the observed entries of row t (0 when none is observed). */
    static double observedGaussian(TimeSeries y, int t, double[] mean, double[] cov, int d) {
        int[] idx = new int[d];
        int n = 0;
        for (int a = 0; a < d; a++) if (y.isObserved(t, a)) idx[n++] = a;
        if (n == 0) return 0;
        double[] m = new double[n], c = new double[n * n], x = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = mean[idx[i]];
            x[i] = y.value(t, idx[i]);
            for (int j = 0; j < n; j++) c[i * n + j] = cov[idx[i] * d + idx[j]];
        }
        return MultivariateNormal.of(m, c).logDensity(x);
    }

    static void assertMatches(HiddenMarkovModel model, TimeSeries y, double[][] e) {
        BruteForceHmm exact = new BruteForceHmm(model.initial().probs(), model.transitions().matrix(), e);
        HmmPosterior post = HiddenMarkovInference.posterior(model, y);
        assertEquals(exact.logLikelihood, post.logLikelihood(), 1e-10 * Math.max(1, Math.abs(exact.logLikelihood)));
        assertEquals(exact.logLikelihood, HiddenMarkovInference.logLikelihood(model, y),
                1e-10 * Math.max(1, Math.abs(exact.logLikelihood)));
        for (int t = 0; t < T; t++) {
            for (int k = 0; k < K; k++) {
                assertEquals(exact.marginals[t][k], post.expectedStates()[t * K + k], 1e-10, "marginal t=" + t + " k=" + k);
            }
        }
        ViterbiPath path = HiddenMarkovInference.viterbi(model, y);
        assertArrayEquals(exact.bestPath, path.states());
        assertEquals(exact.bestLogJoint, path.logJoint(), 1e-10 * Math.max(1, Math.abs(exact.bestLogJoint)));
        assertEquals(exact.bestLogJoint, model.logJointOfPath(y, exact.bestPath), 1e-10 * Math.abs(exact.bestLogJoint));
    }

    static Map<String, NdArray> chain(Rng rng) {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("initial_probs", NdArray.of(randomStochastic(rng, 1, K), K));
        p.put("transition_matrix", NdArray.of(randomStochastic(rng, K, K), K, K));
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void gaussianEmissions(int seed) {
        Rng rng = Rng.seeded(seed);
        int d = 3;
        Map<String, NdArray> p = chain(rng);
        double[] means = new double[K * d];
        for (int i = 0; i < means.length; i++) means[i] = rng.gaussian();
        double[] covs = randomSpd(rng, K, d);
        p.put("means", NdArray.of(means, K, d));
        p.put("covariances", NdArray.of(covs, K, d, d));
        HiddenMarkovModel m = HmmFactory.fromParameters(HmmSpec.of(K, d, EmissionType.GAUSSIAN), p);
        TimeSeries y = maskedData(rng, d);
        double[][] e = new double[T][K];
        for (int t = 0; t < T; t++) {
            for (int k = 0; k < K; k++) {
                e[t][k] = observedGaussian(y, t, Arrays.copyOfRange(means, k * d, (k + 1) * d),
                        Arrays.copyOfRange(covs, k * d * d, (k + 1) * d * d), d);
            }
        }
        assertMatches(m, y, e);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void autoregressiveEmissions(int lags) {
        Rng rng = Rng.seeded(10 + lags);
        int d = 2;
        Map<String, NdArray> p = chain(rng);
        double[] w = new double[K * d * d * lags], b = new double[K * d];
        for (int i = 0; i < w.length; i++) w[i] = 0.3 * rng.gaussian();
        for (int i = 0; i < b.length; i++) b[i] = rng.gaussian();
        double[] covs = randomSpd(rng, K, d), initMeans = new double[K * d], initCovs = randomSpd(rng, K, d);
        for (int i = 0; i < initMeans.length; i++) initMeans[i] = rng.gaussian();
        p.put("weights", NdArray.of(w, K, d, d * lags));
        p.put("biases", NdArray.of(b, K, d));
        p.put("covariances", NdArray.of(covs, K, d, d));
        p.put("initial_means", NdArray.of(initMeans, K, d));
        p.put("initial_covariances", NdArray.of(initCovs, K, d, d));
        HmmSpec spec = new HmmSpec(K, d, EmissionType.AUTOREGRESSIVE, io.ssm4j.models.hmm.TransitionType.STANDARD, lags,
                0, 0, false, 0);
        HiddenMarkovModel m = HmmFactory.fromParameters(spec, p);
        TimeSeries y = maskedData(rng, d);
        double[][] e = new double[T][K];
        for (int t = 0; t < T; t++) {
            boolean lagsObserved = true;
            for (int l = 1; l <= lags && t >= lags; l++) lagsObserved &= y.isRowObserved(t - l);
            for (int k = 0; k < K; k++) {
                if (t < lags) {
                    e[t][k] = observedGaussian(y, t, Arrays.copyOfRange(initMeans, k * d, (k + 1) * d),
                            Arrays.copyOfRange(initCovs, k * d * d, (k + 1) * d * d), d);
                    continue;
                }
                if (!lagsObserved) continue; // no autoregressive likelihood without the lagged values
                double[] mean = new double[d];
                for (int a = 0; a < d; a++) {
                    mean[a] = b[k * d + a];
                    for (int l = 1; l <= lags; l++) {
                        for (int c = 0; c < d; c++) {
                            mean[a] += w[(k * d + a) * d * lags + (l - 1) * d + c] * y.value(t - l, c);
                        }
                    }
                }
                e[t][k] = observedGaussian(y, t, mean, Arrays.copyOfRange(covs, k * d * d, (k + 1) * d * d), d);
            }
        }
        assertMatches(m, y, e);
    }
}
