package io.ssm4j.inference.em;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EM on data simulated from known HMMs and ARHMMs (K = 5, D = 10, T = 20000) recovers the parameters up to
 * a permutation of the states, and never decreases its objective.
 */
class HmmRecoveryTest {
    static final int K = 5, D = 10, T = 20000;

    static double[] stickyMatrix(Rng rng) {
        double[] p = new double[K * K];
        for (int i = 0; i < K; i++) {
            double rest = 0;
            for (int j = 0; j < K; j++) if (j != i) rest += (p[i * K + j] = rng.uniform());
            for (int j = 0; j < K; j++) p[i * K + j] = j == i ? 0.95 : 0.05 * p[i * K + j] / rest;
        }
        return p;
    }

    static double[] randomCovariances(Rng rng, double scale) {
        double[] c = new double[K * D * D];
        for (int k = 0; k < K; k++) {
            double[] a = new double[D * D];
            for (int i = 0; i < a.length; i++) a[i] = rng.gaussian() * 0.3;
            for (int i = 0; i < D; i++) {
                for (int j = 0; j < D; j++) {
                    double s = i == j ? scale : 0;
                    for (int m = 0; m < D; m++) s += a[i * D + m] * a[j * D + m] * scale;
                    c[k * D * D + i * D + j] = s;
                }
            }
        }
        return c;
    }

    static void assertMonotone(double[] trace) {
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1] - 1e-9 * Math.abs(trace[i - 1]),
                    "objective decreased at iteration " + i + ": " + trace[i - 1] + " -> " + trace[i]);
        }
    }

    @Test
    void gaussianHmmParametersAreRecovered() {
        Rng rng = Rng.seeded(11);
        double[] means = new double[K * D];
        for (int i = 0; i < means.length; i++) means[i] = 3 * rng.gaussian();
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(stickyMatrix(rng), K, K));
        p.put("means", NdArray.of(means, K, D));
        p.put("covariances", NdArray.of(randomCovariances(rng, 0.5), K, D, D));
        HmmSpec spec = HmmSpec.of(K, D, EmissionType.GAUSSIAN);
        HiddenMarkovModel truth = HmmFactory.fromParameters(spec, p);
        HiddenMarkovModel.Sample s = truth.sample(T, null, 0, rng);

        FitResult<HiddenMarkovModel> fit = HmmFitter.fit(spec, Trials.of(s.observations()),
                new FitOptions(200, 1e-9, 2, null), 3, Rng.seeded(5));
        assertMonotone(fit.objective());
        double[] fm = fit.model().emissions().parameters().get("means").dataView();
        double[][] cost = new double[K][K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                for (int a = 0; a < D; a++) cost[i][j] += Math.pow(means[i * D + a] - fm[j * D + a], 2);
            }
        }
        int[] perm = Permutations.best(cost);
        double[] fc = fit.model().emissions().parameters().get("covariances").dataView();
        double[] tc = p.get("covariances").dataView();
        double[] fp = fit.model().transitions().matrix(), tp = p.get("transition_matrix").dataView();
        int[] counts = new int[K];
        for (int z : s.states()) counts[z]++;
        for (int i = 0; i < K; i++) {
            double se = 1 / Math.sqrt(counts[i]); // standard errors scale with 1/sqrt(n_i)
            for (int a = 0; a < D; a++) {
                assertEquals(means[i * D + a], fm[perm[i] * D + a], 5 * se * Math.sqrt(tc[i * D * D + a * D + a]),
                        "mean " + i + "," + a);
            }
            for (int a = 0; a < D * D; a++) assertEquals(tc[i * D * D + a], fc[perm[i] * D * D + a], 8 * se, "cov " + i);
            for (int j = 0; j < K; j++) assertEquals(tp[i * K + j], fp[perm[i] * K + perm[j]], 0.01, "P " + i + "," + j);
        }
    }

    @Test
    void arHmmParametersAreRecovered() {
        Rng rng = Rng.seeded(12);
        double[] weights = new double[K * D * D], biases = new double[K * D];
        for (int k = 0; k < K; k++) {
            for (int i = 0; i < D; i++) {
                biases[k * D + i] = rng.gaussian();
                for (int j = 0; j < D; j++) weights[k * D * D + i * D + j] = (i == j ? 0.5 : 0) + 0.1 * rng.gaussian();
            }
        }
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(stickyMatrix(rng), K, K));
        p.put("weights", NdArray.of(weights, K, D, D));
        p.put("biases", NdArray.of(biases, K, D));
        p.put("covariances", NdArray.of(randomCovariances(rng, 0.2), K, D, D));
        HmmSpec spec = HmmSpec.of(K, D, EmissionType.AUTOREGRESSIVE);
        HiddenMarkovModel truth = HmmFactory.fromParameters(spec, p);
        HiddenMarkovModel.Sample s = truth.sample(T, null, 0, rng);

        FitResult<HiddenMarkovModel> fit = HmmFitter.fit(spec, Trials.of(s.observations()),
                new FitOptions(200, 1e-9, 1, null), 3, Rng.seeded(6));
        assertMonotone(fit.objective());
        double[] fw = fit.model().emissions().parameters().get("weights").dataView();
        double[] fb = fit.model().emissions().parameters().get("biases").dataView();
        double[][] cost = new double[K][K];
        for (int i = 0; i < K; i++) {
            for (int j = 0; j < K; j++) {
                for (int a = 0; a < D * D; a++) cost[i][j] += Math.pow(weights[i * D * D + a] - fw[j * D * D + a], 2);
            }
        }
        int[] perm = Permutations.best(cost);
        for (int i = 0; i < K; i++) {
            for (int a = 0; a < D * D; a++) assertEquals(weights[i * D * D + a], fw[perm[i] * D * D + a], 0.05, "A " + i);
            for (int a = 0; a < D; a++) assertEquals(biases[i * D + a], fb[perm[i] * D + a], 0.25, "b " + i);
        }
    }

    @Test
    void sameSeedGivesTheSameFitOnAnyThreadCount() {
        Rng rng = Rng.seeded(3);
        double[] means = new double[K * D];
        for (int i = 0; i < means.length; i++) means[i] = 2 * rng.gaussian();
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(stickyMatrix(rng), K, K));
        p.put("means", NdArray.of(means, K, D));
        p.put("covariances", NdArray.of(randomCovariances(rng, 1), K, D, D));
        HmmSpec spec = HmmSpec.of(K, D, EmissionType.GAUSSIAN);
        HiddenMarkovModel truth = HmmFactory.fromParameters(spec, p);
        java.util.List<io.ssm4j.data.TimeSeries> trials = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) trials.add(truth.sample(300 + 50 * i, null, 0, rng).observations());
        FitResult<HiddenMarkovModel> one = HmmFitter.fit(spec, Trials.of(trials), new FitOptions(20, 0, 1, null), 2,
                Rng.seeded(9));
        FitResult<HiddenMarkovModel> four = HmmFitter.fit(spec, Trials.of(trials), new FitOptions(20, 0, 4, null), 2,
                Rng.seeded(9));
        assertTrue(java.util.Arrays.equals(one.objective(), four.objective()), "objective traces differ");
        assertEquals(one.model().parameters(), four.model().parameters());
    }
}
