package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MultivariateNormal;
import io.ssm4j.distributions.MultivariateStudentT;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobustAutoRegressiveEmissionsTest {
    private static final int K = 2, D = 2, L = 1;
    /** K x D x (D L + 1) regression: rows [A (lag 1), b] per state and output (no inputs). */
    private static final double[] REG = {0.8, 0.1, 0.5, -0.2, 0.7, -0.3, 0.3, 0, 0, -0.5, 0.6, 1};
    private static final double[] COVS = {0.5, 0.1, 0.1, 0.3, 1, 0, 0, 1};
    private static final double[] DOFS = {4, 10};

    private static RobustAutoRegressiveEmissions model() {
        return RobustAutoRegressiveEmissions.of(REG, COVS, DOFS, K, D, L, 0, AutoRegressiveEmissions.standardInitial(K, D),
                null);
    }

    private static double[] mean(int j, double[] prev) {
        double[] m = new double[D];
        for (int a = 0; a < D; a++) {
            int o = (j * D + a) * 3;
            m[a] = REG[o] * prev[0] + REG[o + 1] * prev[1] + REG[o + 2];
        }
        return m;
    }

    private static MultivariateStudentT noise(int j, double[] m) {
        return MultivariateStudentT.of(m, java.util.Arrays.copyOfRange(COVS, j * D * D, (j + 1) * D * D), DOFS[j]);
    }

    @Test
    void logLikelihoodsMatchStudentTOfTheRegressionAndTheGaussianHead() {
        int t = 25;
        double[] y = EmissionFixtures.sampleRows(model(), 0, t, 1);
        TimeSeries ts = EmissionFixtures.withMissing(y, t, D, 5, 1, 10, 0, 10, 1);
        double[] out = new double[t * K];
        model().logLikelihoods(ts, out);
        MultivariateNormal head = MultivariateNormal.of(new double[D], HmmFactory.identity(D));
        for (int j = 0; j < K; j++) {
            assertEquals(head.logDensity(new double[] {y[0], y[1]}), out[j], 1e-10);
            for (int i : new int[] {1, 2, 24}) {
                double[] prev = {y[(i - 1) * D], y[(i - 1) * D + 1]};
                assertEquals(noise(j, mean(j, prev)).logDensity(new double[] {y[i * D], y[i * D + 1]}), out[i * K + j], 1e-10);
            }
            double[] m = mean(j, new double[] {y[4 * D], y[4 * D + 1]});
            MultivariateStudentT first = MultivariateStudentT.of(new double[] {m[0]}, new double[] {COVS[j * D * D]}, DOFS[j]);
            assertEquals(first.logDensity(new double[] {y[5 * D]}), out[5 * K + j], 1e-10, "partly observed y_t");
            assertEquals(0, out[6 * K + j], "lag y_5 incomplete");
            assertEquals(0, out[10 * K + j], "row missing");
            assertEquals(0, out[11 * K + j], "lag row missing");
        }
    }

    @Test
    void emRecoversTheRegressionNoiseAndDegreesOfFreedom() {
        int t = 20000;
        double[] y = EmissionFixtures.sampleRows(model(), 0, t, 2);
        TimeSeries ts = TimeSeries.of(y, t, D);
        double[] w = new double[t * K];
        for (int i = 0; i < t; i++) w[i * K] = 1;
        Emissions e = HmmFactory.templateEmissions(new HmmSpec(K, D, EmissionType.ROBUST_AUTOREGRESSIVE,
                TransitionType.STANDARD, L, 0, 0, false, 0));
        double prev = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < 100; it++) {
            ArrayStatistics st = e.newStatistics();
            e.accumulate(st, ts, w);
            e = e.maximize(st);
            double[] out = new double[t * K];
            e.logLikelihoods(ts, out);
            double ll = 0;
            for (int i = 0; i < t; i++) ll += out[i * K];
            assertTrue(ll >= prev - 1e-6 * Math.abs(prev), "iteration " + it);
            prev = ll;
        }
        RobustAutoRegressiveEmissions fit = (RobustAutoRegressiveEmissions) e;
        for (int i = 0; i < D * 3; i++) assertEquals(REG[i], fit.regression()[i], 0.03, "regression entry " + i);
        for (int i = 0; i < D * D; i++) assertEquals(COVS[i], fit.covariances()[i], 0.03, "covariance entry " + i);
        assertEquals(DOFS[0], fit.dofs()[0], 0.5);
    }

    @Test
    void mapStepUsesTheRegressionPrior() {
        int t = 200;
        TimeSeries ts = TimeSeries.of(EmissionFixtures.sampleRows(model(), 0, t, 3), t, D);
        double[] w = EmissionFixtures.randomWeights(t, K, 4);
        RobustAutoRegressiveEmissions map = RobustAutoRegressiveEmissions.of(REG, COVS, DOFS, K, D, L, 0,
                AutoRegressiveEmissions.standardInitial(K, D), HmmFactory.defaultRegressionPrior(D, 3));
        ArrayStatistics st = map.newStatistics();
        map.accumulate(st, ts, w);
        Emissions next = map.maximize(st);
        assertTrue(Double.isFinite(next.logPrior()));
        assertThrows(IllegalStateException.class, () -> map.samplePosterior(st, Rng.seeded(1)));
    }

    @Test
    void parametersRoundTripAndAreDetected() {
        int t = 15;
        TimeSeries ts = EmissionFixtures.withMissing(EmissionFixtures.sampleRows(model(), 1, t, 5), t, D, 3, 0);
        HmmSpec spec = new HmmSpec(K, D, EmissionType.ROBUST_AUTOREGRESSIVE, TransitionType.STANDARD, L, 0, 0, false, 0);
        EmissionFixtures.assertRoundTrip(model(), spec, ts);
        Map<String, NdArray> p = DiagonalGaussianEmissionsTest.withTransitions(model());
        HmmSpec detected = HmmFactory.specFromParameters(true, null, p);
        assertEquals(EmissionType.ROBUST_AUTOREGRESSIVE, detected.emissions());
        assertEquals(L, detected.lags());
        p.remove("dofs");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> HmmFactory.emissionsFromParameters(spec, p));
        assertTrue(ex.getMessage().contains("'dofs'"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> RobustAutoRegressiveEmissions.of(REG, COVS,
                new double[] {4, -1}, K, D, L, 0, AutoRegressiveEmissions.standardInitial(K, D), null));
        assertTrue(ex.getMessage().contains("dofs[1]"), ex.getMessage());
    }

    @Test
    void samplesFollowTheRegressionWithStudentTNoise() {
        int n = 60000;
        RobustAutoRegressiveEmissions e = model();
        double[] y = EmissionFixtures.sampleRows(e, 1, n, 6);
        double factor = DOFS[1] / (DOFS[1] - 2);
        double[] sumR = new double[D], sumRR = new double[D * D];
        for (int i = 1; i < n; i++) {
            double[] m = mean(1, new double[] {y[(i - 1) * D], y[(i - 1) * D + 1]});
            for (int a = 0; a < D; a++) {
                double ra = y[i * D + a] - m[a];
                sumR[a] += ra / n;
                for (int b = 0; b < D; b++) sumRR[a * D + b] += ra * (y[i * D + b] - m[b]) / n;
            }
        }
        for (int a = 0; a < D; a++) assertEquals(0, sumR[a], 0.02);
        for (int i = 0; i < D * D; i++) assertEquals(factor * COVS[D * D + i], sumRR[i], 0.04);
    }

    @Test
    void everyEmissionTypeHasATemplate() {
        for (EmissionType type : EmissionType.values()) {
            HmmSpec s = new HmmSpec(K, D, type, TransitionType.STANDARD, type.isAutoregressive() ? 1 : 0, 0,
                    type == EmissionType.CATEGORICAL ? 3 : 0, true, 0);
            Emissions e = HmmFactory.templateEmissions(s);
            assertEquals(type.cliName(), e.type());
            assertEquals(type, EmissionType.parse(HmmFactory.emissionsFromParameters(s, e.parameters()).type()));
        }
    }
}
