package io.ssm4j.tests;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.Bernoulli;
import io.ssm4j.distributions.Categorical;
import io.ssm4j.distributions.DiagonalNormal;
import io.ssm4j.distributions.MultivariateNormal;
import io.ssm4j.distributions.MultivariateStudentT;
import io.ssm4j.distributions.Poisson;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.messages.HmmPosterior;
import io.ssm4j.inference.messages.ViterbiPath;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Forward-backward, Viterbi and the marginal likelihood of whole models, for every emission family (emission
 * likelihoods with masks included), equal brute-force enumeration over all K^T state paths, with the emission
 * densities computed independently from the distribution classes on the observed entries only; and each
 * family writes every entry of its log-likelihood array (those densities, 0 for a row with nothing observed).
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
        double[] ll = new double[T * K];
        Arrays.fill(ll, Double.NaN); // every entry must be written, fully missing rows as 0 included
        model.emissions().logLikelihoods(y, ll);
        for (int t = 0; t < T; t++) {
            for (int k = 0; k < K; k++) {
                assertEquals(e[t][k], ll[t * K + k], 1e-10 * Math.max(1, Math.abs(e[t][k])), "log-likelihood t=" + t + " k=" + k);
            }
        }
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

    /** Integer data (counts, binary or category codes) with some entries and one whole row missing. */
    static TimeSeries maskedCounts(Rng rng, int d, int max) {
        double[] y = new double[T * d];
        for (int i = 0; i < y.length; i++) y[i] = rng.nextInt(max + 1);
        y[1 * d] = Double.NaN;
        y[3 * d + d - 1] = Double.NaN;
        for (int a = 0; a < d; a++) y[5 * d + a] = Double.NaN;
        return TimeSeries.of(y, T, d);
    }

    /** Sum over the observed entries of row t of an independent per-entry log density. */
    interface EntryDensity {
        double logDensity(int state, int dim, double value);
    }

    static double[][] factorised(TimeSeries y, int d, EntryDensity f) {
        double[][] e = new double[T][K];
        for (int t = 0; t < T; t++) {
            for (int k = 0; k < K; k++) {
                for (int a = 0; a < d; a++) if (y.isObserved(t, a)) e[t][k] += f.logDensity(k, a, y.value(t, a));
            }
        }
        return e;
    }

    static double[] positive(Rng rng, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * rng.uniform();
        return v;
    }

    @Test
    void poissonEmissions() {
        Rng rng = Rng.seeded(21);
        int d = 3;
        Map<String, NdArray> p = chain(rng);
        double[] rates = positive(rng, K * d, 0.3, 5);
        p.put("rates", NdArray.of(rates, K, d));
        TimeSeries y = maskedCounts(rng, d, 6);
        assertMatches(HmmFactory.fromParameters(HmmSpec.of(K, d, EmissionType.POISSON), p), y,
                factorised(y, d, (k, a, v) -> Poisson.of(rates[k * d + a]).logPmf((int) v)));
    }

    @Test
    void bernoulliEmissions() {
        Rng rng = Rng.seeded(22);
        int d = 4;
        Map<String, NdArray> p = chain(rng);
        double[] probs = positive(rng, K * d, 0.05, 0.95);
        p.put("probs", NdArray.of(probs, K, d));
        TimeSeries y = maskedCounts(rng, d, 1);
        assertMatches(HmmFactory.fromParameters(HmmSpec.of(K, d, EmissionType.BERNOULLI), p), y,
                factorised(y, d, (k, a, v) -> Bernoulli.of(probs[k * d + a]).logPmf((int) v)));
    }

    @Test
    void categoricalEmissions() {
        Rng rng = Rng.seeded(23);
        int d = 2, c = 4;
        Map<String, NdArray> p = chain(rng);
        double[] probs = randomStochastic(rng, K * d, c);
        p.put("probs", NdArray.of(probs, K, d, c));
        TimeSeries y = maskedCounts(rng, d, c - 1);
        HmmSpec spec = new HmmSpec(K, d, EmissionType.CATEGORICAL, io.ssm4j.models.hmm.TransitionType.STANDARD, 0, 0, c,
                false, 0);
        assertMatches(HmmFactory.fromParameters(spec, p), y, factorised(y, d, (k, a, v) ->
                Categorical.of(Arrays.copyOfRange(probs, (k * d + a) * c, (k * d + a + 1) * c)).logPmf((int) v)));
    }

    @Test
    void diagonalGaussianEmissions() {
        Rng rng = Rng.seeded(24);
        int d = 3;
        Map<String, NdArray> p = chain(rng);
        double[] means = positive(rng, K * d, -2, 2), vars = positive(rng, K * d, 0.3, 3);
        p.put("means", NdArray.of(means, K, d));
        p.put("covariances", NdArray.of(vars, K, d));
        TimeSeries y = maskedData(rng, d);
        assertMatches(HmmFactory.fromParameters(HmmSpec.of(K, d, EmissionType.DIAGONAL_GAUSSIAN), p), y,
                factorised(y, d, (k, a, v) -> DiagonalNormal.of(new double[] {means[k * d + a]},
                        new double[] {vars[k * d + a]}).logDensity(new double[] {v})));
    }

    @Test
    void studentTEmissions() {
        Rng rng = Rng.seeded(25);
        int d = 3;
        Map<String, NdArray> p = chain(rng);
        double[] means = positive(rng, K * d, -2, 2), scales = randomSpd(rng, K, d), dofs = positive(rng, K, 2, 9);
        p.put("means", NdArray.of(means, K, d));
        p.put("covariances", NdArray.of(scales, K, d, d));
        p.put("dofs", NdArray.of(dofs, K));
        TimeSeries y = maskedData(rng, d);
        double[][] e = new double[T][K];
        for (int t = 0; t < T; t++) {
            int[] idx = new int[d];
            int n = 0;
            for (int a = 0; a < d; a++) if (y.isObserved(t, a)) idx[n++] = a;
            if (n == 0) continue;
            for (int k = 0; k < K; k++) { // the marginal of observed entries of a multivariate t is a t with the sub-blocks
                double[] m = new double[n], c = new double[n * n], x = new double[n];
                for (int i = 0; i < n; i++) {
                    m[i] = means[k * d + idx[i]];
                    x[i] = y.value(t, idx[i]);
                    for (int j = 0; j < n; j++) c[i * n + j] = scales[k * d * d + idx[i] * d + idx[j]];
                }
                e[t][k] = MultivariateStudentT.of(m, c, dofs[k]).logDensity(x);
            }
        }
        assertMatches(HmmFactory.fromParameters(HmmSpec.of(K, d, EmissionType.STUDENT_T), p), y, e);
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
