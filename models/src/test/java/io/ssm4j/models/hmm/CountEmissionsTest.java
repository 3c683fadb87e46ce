package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.Bernoulli;
import io.ssm4j.distributions.Beta;
import io.ssm4j.distributions.Categorical;
import io.ssm4j.distributions.Dirichlet;
import io.ssm4j.distributions.Gamma;
import io.ssm4j.distributions.Poisson;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Poisson, Bernoulli and categorical emissions: each checked against the distribution classes and hand sums. */
class CountEmissionsTest {
    private static final int K = 2, D = 3, T = 50, C = 3;
    private static final double[] RATES = {0.5, 3, 0, 2, 1, 7};
    private static final double[] PROBS = {0.2, 0.9, 0.5, 0.7, 0.1, 1};
    private static final double[] CAT = {0.2, 0.3, 0.5, 1, 0, 0, 0.1, 0.1, 0.8, 0.3, 0.3, 0.4, 0.5, 0.5, 0, 0.6, 0.2, 0.2};

    private static double[] codes(int max, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] y = new double[T * D];
        for (int i = 0; i < y.length; i++) y[i] = rng.nextInt(max + 1);
        return y;
    }

    /** Missing: (1, 1), all of row 3; row 2 has every entry observed. */
    private static TimeSeries masked(double[] y) {
        return EmissionFixtures.withMissing(y, T, D, 1, 1, 3, 0, 3, 1, 3, 2);
    }

    interface EntryLogPmf { double at(int state, int dim, int value); }

    /** Every (t, k) equals the sum over observed dimensions of the entry log-probabilities. */
    private static void assertFactorisedLikelihoods(Emissions e, double[] y, EntryLogPmf pmf) {
        TimeSeries ts = masked(y);
        double[] out = new double[T * K];
        e.logLikelihoods(ts, out);
        for (int t = 0; t < T; t++) {
            for (int j = 0; j < K; j++) {
                double s = 0;
                for (int a = 0; a < D; a++) if (ts.isObserved(t, a)) s += pmf.at(j, a, (int) y[t * D + a]);
                assertEquals(s, out[t * K + j], 1e-12, "t=" + t + " k=" + j);
            }
        }
        for (int j = 0; j < K; j++) {
            assertEquals(pmf.at(j, 0, (int) y[D]) + pmf.at(j, 2, (int) y[D + 2]), out[K + j], 1e-12);
            assertEquals(0, out[3 * K + j]);
        }
    }

    /** [sum w, sum w y] of the observed entries of (state j, dim a). */
    private static double[] firstMoments(TimeSeries ts, double[] w, int j, int a) {
        double n = 0, s = 0;
        for (int t = 0; t < T; t++) {
            if (!ts.isObserved(t, a)) continue;
            n += w[t * K + j];
            s += w[t * K + j] * ts.value(t, a);
        }
        return new double[] {n, s};
    }

    private static double[] mStep(Emissions e, TimeSeries ts, double[] w) {
        ArrayStatistics st = e.newStatistics();
        e.accumulate(st, ts, w);
        return e.maximize(st).parameters().values().iterator().next().toArray();
    }

    @Test
    void poissonLikelihoodsMatchPoissonPmfAndZeroRatesGiveMinusInfinity() {
        double[] y = codes(5, 1);
        assertFactorisedLikelihoods(PoissonEmissions.of(RATES, K, D, null), y,
                (j, a, v) -> Poisson.of(RATES[j * D + a]).logPmf(v));
        double[] out = new double[K];
        PoissonEmissions.of(RATES, K, D, null).logLikelihoods(TimeSeries.of(new double[] {1, 1, 1}, 1, D), out);
        assertEquals(Double.NEGATIVE_INFINITY, out[0]);
        assertTrue(Double.isFinite(out[1]));
    }

    @Test
    void poissonMStepsMatchClosedForms() {
        TimeSeries ts = masked(codes(6, 2));
        double[] w = EmissionFixtures.randomWeights(T, K, 3);
        double[] ml = mStep(PoissonEmissions.of(RATES, K, D, null), ts, w);
        double[] map = mStep(PoissonEmissions.of(RATES, K, D, Gamma.of(3, 0.5)), ts, w);
        for (int j = 0; j < K; j++) {
            for (int a = 0; a < D; a++) {
                double[] m = firstMoments(ts, w, j, a);
                assertEquals(m[1] / m[0], ml[j * D + a], 1e-12);
                assertEquals((3 - 1 + m[1]) / (0.5 + m[0]), map[j * D + a], 1e-12);
            }
        }
    }

    @Test
    void poissonRejectsNonCountsNamingTheEntry() {
        double[] y = codes(3, 4);
        y[1 * D + 2] = 2.5;
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> PoissonEmissions.of(RATES, K, D, null).logLikelihoods(TimeSeries.of(y, T, D), new double[T * K]));
        assertTrue(ex.getMessage().contains("t=1, d=2") && ex.getMessage().contains("2.5"), ex.getMessage());
        y[1 * D + 2] = -1;
        PoissonEmissions e = PoissonEmissions.of(RATES, K, D, null);
        ex = assertThrows(IllegalArgumentException.class,
                () -> e.accumulate(e.newStatistics(), TimeSeries.of(y, T, D), new double[T * K]));
        assertTrue(ex.getMessage().contains("t=1, d=2"), ex.getMessage());
        double[] bad = RATES.clone();
        bad[3] = -0.1;
        ex = assertThrows(IllegalArgumentException.class, () -> PoissonEmissions.of(bad, K, D, null));
        assertTrue(ex.getMessage().contains("rates[3]"), ex.getMessage());
    }

    @Test
    void bernoulliLikelihoodsAndMStepsMatch() {
        double[] y = codes(1, 5);
        assertFactorisedLikelihoods(BernoulliEmissions.of(PROBS, K, D, null), y,
                (j, a, v) -> Bernoulli.of(PROBS[j * D + a]).logPmf(v));
        TimeSeries ts = masked(y);
        double[] w = EmissionFixtures.randomWeights(T, K, 6);
        double[] ml = mStep(BernoulliEmissions.of(PROBS, K, D, null), ts, w);
        double[] map = mStep(BernoulliEmissions.of(PROBS, K, D, Beta.of(3, 2)), ts, w);
        for (int j = 0; j < K; j++) {
            for (int a = 0; a < D; a++) {
                double[] m = firstMoments(ts, w, j, a);
                assertEquals(m[1] / m[0], ml[j * D + a], 1e-12);
                assertEquals((3 - 1 + m[1]) / (3 + 2 - 2 + m[0]), map[j * D + a], 1e-12);
            }
        }
    }

    @Test
    void bernoulliRejectsNonBinaryData() {
        double[] y = codes(1, 7);
        y[4 * D + 1] = 2;
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> BernoulliEmissions.of(PROBS, K, D, null).logLikelihoods(TimeSeries.of(y, T, D), new double[T * K]));
        assertTrue(ex.getMessage().contains("t=4, d=1") && ex.getMessage().contains("0 or 1"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> BernoulliEmissions.of(new double[] {0, 1, 1.5, 0, 0, 0}, K, D, null));
        assertTrue(ex.getMessage().contains("probs[2]"), ex.getMessage());
    }

    @Test
    void categoricalLikelihoodsAndMStepsMatch() {
        double[] y = codes(C - 1, 8);
        assertFactorisedLikelihoods(CategoricalEmissions.of(CAT, K, D, C, null), y,
                (j, a, v) -> Categorical.of(Arrays.copyOfRange(CAT, (j * D + a) * C, (j * D + a + 1) * C)).logPmf(v));
        TimeSeries ts = masked(y);
        double[] w = EmissionFixtures.randomWeights(T, K, 9);
        double[] ml = mStep(CategoricalEmissions.of(CAT, K, D, C, null), ts, w);
        double[] map = mStep(CategoricalEmissions.of(CAT, K, D, C, Dirichlet.of(new double[] {2, 3, 4})), ts, w);
        double[] alpha = {2, 3, 4};
        for (int j = 0; j < K; j++) {
            for (int a = 0; a < D; a++) {
                double[] counts = new double[C];
                double n = 0;
                for (int t = 0; t < T; t++) {
                    if (!ts.isObserved(t, a)) continue;
                    counts[(int) ts.value(t, a)] += w[t * K + j];
                    n += w[t * K + j];
                }
                for (int c = 0; c < C; c++) {
                    assertEquals(counts[c] / n, ml[(j * D + a) * C + c], 1e-12);
                    assertEquals((alpha[c] - 1 + counts[c]) / (9 - C + n), map[(j * D + a) * C + c], 1e-12);
                }
            }
        }
    }

    @Test
    void categoricalRejectsCodesOutOfRangeNamingC() {
        double[] y = codes(C - 1, 10);
        y[6 * D] = C;
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> CategoricalEmissions.of(CAT, K, D, C, null).logLikelihoods(TimeSeries.of(y, T, D), new double[T * K]));
        assertTrue(ex.getMessage().contains("t=6, d=0") && ex.getMessage().contains("C = 3"), ex.getMessage());
        double[] bad = CAT.clone();
        bad[0] = 0.5;
        ex = assertThrows(IllegalArgumentException.class, () -> CategoricalEmissions.of(bad, K, D, C, null));
        assertTrue(ex.getMessage().contains("probs row 0"), ex.getMessage());
    }

    @Test
    void parametersRoundTripThroughTheFactory() {
        TimeSeries counts = masked(codes(C - 1, 11));
        EmissionFixtures.assertRoundTrip(PoissonEmissions.of(RATES, K, D, null), HmmSpec.of(K, D, EmissionType.POISSON), counts);
        EmissionFixtures.assertRoundTrip(BernoulliEmissions.of(PROBS, K, D, null), HmmSpec.of(K, D, EmissionType.BERNOULLI),
                masked(codes(1, 12)));
        HmmSpec cat = new HmmSpec(K, D, EmissionType.CATEGORICAL, TransitionType.STANDARD, 0, 0, C, true, 0);
        EmissionFixtures.assertRoundTrip(CategoricalEmissions.of(CAT, K, D, C, null), cat, counts);
        assertEquals(cat.categories(), HmmFactory.specFromParameters(false, null,
                DiagonalGaussianEmissionsTest.withTransitions(CategoricalEmissions.of(CAT, K, D, C, null))).categories());
    }

    @Test
    void samplesHaveTheStateMoments() {
        int n = 40000;
        double[] p = EmissionFixtures.columnMeans(EmissionFixtures.sampleRows(PoissonEmissions.of(RATES, K, D, null), 1, n, 1), D);
        double[] b = EmissionFixtures.columnMeans(EmissionFixtures.sampleRows(BernoulliEmissions.of(PROBS, K, D, null), 0, n, 2), D);
        double[] c = EmissionFixtures.sampleRows(CategoricalEmissions.of(CAT, K, D, C, null), 1, n, 3);
        for (int a = 0; a < D; a++) {
            assertEquals(RATES[D + a], p[a], 4 * Math.sqrt(RATES[D + a] / n));
            assertEquals(PROBS[a], b[a], 4 * Math.sqrt(0.25 / n));
            for (int q = 0; q < C; q++) {
                double f = 0;
                for (int i = 0; i < n; i++) if (c[i * D + a] == q) f += 1.0 / n;
                assertEquals(CAT[(D + a) * C + q], f, 4 * Math.sqrt(0.25 / n));
            }
        }
    }

    @Test
    void gibbsDrawsNeedPriorsAndStayValid() {
        TimeSeries ts = masked(codes(C - 1, 13));
        double[] w = EmissionFixtures.randomWeights(T, K, 14);
        Emissions[] withPrior = {PoissonEmissions.of(RATES, K, D, HmmFactory.defaultPoissonPrior()),
                CategoricalEmissions.of(CAT, K, D, C, HmmFactory.defaultCategoricalPrior(C))};
        for (Emissions e : withPrior) {
            ArrayStatistics st = e.newStatistics();
            e.accumulate(st, ts, w);
            assertTrue(Double.isFinite(e.samplePosterior(st, Rng.seeded(1)).logPrior()));
        }
        PoissonEmissions ml = PoissonEmissions.of(RATES, K, D, null);
        assertThrows(IllegalStateException.class, () -> ml.samplePosterior(ml.newStatistics(), Rng.seeded(1)));
    }
}
