package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.DiagonalNormal;
import io.ssm4j.distributions.NormalInverseWishart;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagonalGaussianEmissionsTest {
    private static final int K = 2, D = 3, T = 40;
    private static final double[] MEANS = {0, 1, -2, 3, -1, 0.5};
    private static final double[] VARS = {1, 0.5, 2, 0.3, 1.5, 4};

    private static DiagonalGaussianEmissions model(NormalInverseWishart prior) {
        return DiagonalGaussianEmissions.of(MEANS, VARS, K, D, prior);
    }

    private static double[] data() {
        Rng rng = Rng.seeded(3);
        double[] y = new double[T * D];
        for (int i = 0; i < y.length; i++) y[i] = 2 * rng.gaussian();
        return y;
    }

    private static DiagonalNormal state(int j, int... dims) {
        double[] m = new double[dims.length], v = new double[dims.length];
        for (int i = 0; i < dims.length; i++) {
            m[i] = MEANS[j * D + dims[i]];
            v[i] = VARS[j * D + dims[i]];
        }
        return DiagonalNormal.of(m, v);
    }

    @Test
    void logLikelihoodsMatchDiagonalNormalIncludingMissingEntries() {
        double[] y = data();
        TimeSeries ts = EmissionFixtures.withMissing(y, T, D, 1, 1, 2, 0, 2, 2, 3, 0, 3, 1, 3, 2);
        double[] out = new double[T * K];
        model(null).logLikelihoods(ts, out);
        for (int j = 0; j < K; j++) {
            assertEquals(state(j, 0, 1, 2).logDensity(Arrays.copyOfRange(y, 0, D)), out[j], 1e-12);
            assertEquals(state(j, 0, 2).logDensity(new double[] {y[D], y[D + 2]}), out[K + j], 1e-12);
            assertEquals(state(j, 1).logDensity(new double[] {y[2 * D + 1]}), out[2 * K + j], 1e-12);
            assertEquals(0, out[3 * K + j]);
        }
    }

    /** Weighted moments of the observed entries, computed directly. */
    private static double[][] moments(TimeSeries ts, double[] w, int j, int a) {
        double n = 0, s = 0, ss = 0;
        for (int t = 0; t < T; t++) {
            if (!ts.isObserved(t, a)) continue;
            double x = ts.value(t, a);
            n += w[t * K + j];
            s += w[t * K + j] * x;
            ss += w[t * K + j] * x * x;
        }
        return new double[][] {{n, s, ss}};
    }

    @Test
    void maximumLikelihoodAndMapStepsMatchClosedForms() {
        TimeSeries ts = EmissionFixtures.withMissing(data(), T, D, 0, 0, 5, 2, 7, 1);
        double[] w = EmissionFixtures.randomWeights(T, K, 9);
        NormalInverseWishart prior = NormalInverseWishart.of(new double[] {0.3}, 0.5, new double[] {2}, 4);
        for (NormalInverseWishart pr : new NormalInverseWishart[] {null, prior}) {
            DiagonalGaussianEmissions e = model(pr);
            ArrayStatistics st = e.newStatistics();
            e.accumulate(st, ts, w);
            DiagonalGaussianEmissions next = (DiagonalGaussianEmissions) e.maximize(st);
            for (int j = 0; j < K; j++) {
                for (int a = 0; a < D; a++) {
                    double[] m = moments(ts, w, j, a)[0];
                    double mean, var;
                    if (pr == null) {
                        mean = m[1] / m[0];
                        var = m[2] / m[0] - mean * mean + GaussianEmissions.RIDGE;
                    } else {
                        double kn = 0.5 + m[0];
                        mean = (0.5 * 0.3 + m[1]) / kn;
                        var = (2 + m[2] + 0.5 * 0.09 - kn * mean * mean) / (4 + m[0] + 3);
                    }
                    assertEquals(mean, next.means()[j * D + a], 1e-10);
                    assertEquals(var, next.variances()[j * D + a], 1e-10);
                }
            }
        }
    }

    @Test
    void posteriorDrawsScatterAroundTheModeAndNeedAPrior() {
        double[] w = EmissionFixtures.randomWeights(T, K, 1);
        DiagonalGaussianEmissions e = model(HmmFactory.defaultGaussianPrior(1));
        ArrayStatistics st = e.newStatistics();
        e.accumulate(st, TimeSeries.of(data(), T, D), w);
        DiagonalGaussianEmissions draw = (DiagonalGaussianEmissions) e.samplePosterior(st, Rng.seeded(2));
        assertTrue(Arrays.stream(draw.variances()).allMatch(v -> v > 0));
        assertTrue(Double.isFinite(draw.logPrior()));
        assertThrows(IllegalStateException.class, () -> model(null).samplePosterior(st, Rng.seeded(2)));
    }

    @Test
    void parametersRoundTripThroughTheFactory() {
        EmissionFixtures.assertRoundTrip(model(null), HmmSpec.of(K, D, EmissionType.DIAGONAL_GAUSSIAN),
                TimeSeries.of(data(), T, D));
        assertEquals(EmissionType.DIAGONAL_GAUSSIAN,
                HmmFactory.specFromParameters(false, null, withTransitions(model(null))).emissions());
    }

    static java.util.Map<String, io.ssm4j.data.NdArray> withTransitions(Emissions e) {
        var p = new java.util.LinkedHashMap<>(e.parameters());
        p.put("transition_matrix", io.ssm4j.data.NdArray.of(HmmFactory.identity(e.numStates()), e.numStates(),
                e.numStates()));
        return p;
    }

    @Test
    void badParametersAreNamed() {
        double[] v = VARS.clone();
        v[4] = -1;
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> DiagonalGaussianEmissions.of(MEANS, v, K, D, null));
        assertTrue(ex.getMessage().contains("covariances[4]"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> DiagonalGaussianEmissions.of(MEANS, VARS, K, 2, null));
        assertTrue(ex.getMessage().contains("means"), ex.getMessage());
    }

    @Test
    void samplesHaveTheStateMoments() {
        int n = 40000;
        double[] y = EmissionFixtures.sampleRows(model(null), 1, n, 5);
        double[] m = EmissionFixtures.columnMeans(y, D);
        for (int a = 0; a < D; a++) {
            double var = 0;
            for (int i = 0; i < n; i++) var += Math.pow(y[i * D + a] - m[a], 2) / n;
            assertEquals(MEANS[D + a], m[a], 4 * Math.sqrt(VARS[D + a] / n));
            assertEquals(VARS[D + a], var, 0.05 * VARS[D + a]);
        }
    }
}
