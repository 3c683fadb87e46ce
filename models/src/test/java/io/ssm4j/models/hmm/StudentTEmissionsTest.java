package io.ssm4j.models.hmm;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MultivariateStudentT;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudentTEmissionsTest {
    private static final int K = 2, D = 3;
    private static final double[] MEANS = {0, 1, -1, 2, 0, 0.5};
    private static final double[] COVS = {
            2, 0.5, 0.2, 0.5, 1, 0.3, 0.2, 0.3, 1.5,
            1, -0.4, 0, -0.4, 2, 0.6, 0, 0.6, 1};
    private static final double[] DOFS = {3, 8};

    private static StudentTEmissions model() { return StudentTEmissions.of(MEANS, COVS, DOFS, K, D, null); }

    private static MultivariateStudentT marginal(int j, int... dims) {
        double[] m = new double[dims.length], s = new double[dims.length * dims.length];
        for (int a = 0; a < dims.length; a++) {
            m[a] = MEANS[j * D + dims[a]];
            for (int b = 0; b < dims.length; b++) s[a * dims.length + b] = COVS[j * D * D + dims[a] * D + dims[b]];
        }
        return MultivariateStudentT.of(m, s, DOFS[j]);
    }

    @Test
    void logLikelihoodsMatchMultivariateStudentTAndItsObservedMarginals() {
        int t = 30;
        double[] y = EmissionFixtures.sampleRows(model(), 0, t, 1);
        TimeSeries ts = EmissionFixtures.withMissing(y, t, D, 1, 1, 2, 0, 2, 2, 3, 0, 3, 1, 3, 2);
        double[] out = new double[t * K];
        model().logLikelihoods(ts, out);
        for (int j = 0; j < K; j++) {
            for (int i : new int[] {0, 4, 29}) {
                assertEquals(marginal(j, 0, 1, 2).logDensity(Arrays.copyOfRange(y, i * D, i * D + D)), out[i * K + j], 1e-10);
            }
            assertEquals(marginal(j, 0, 2).logDensity(new double[] {y[D], y[D + 2]}), out[K + j], 1e-10);
            assertEquals(marginal(j, 1).logDensity(new double[] {y[2 * D + 1]}), out[2 * K + j], 1e-10);
            assertEquals(0, out[3 * K + j]);
        }
    }

    private static double weightedLogLikelihood(Emissions e, TimeSeries ts, double[] w) {
        double[] out = new double[ts.length() * K];
        e.logLikelihoods(ts, out);
        double s = 0;
        for (int i = 0; i < out.length; i++) s += w[i] * out[i];
        return s;
    }

    private static Emissions emStep(Emissions e, TimeSeries ts, double[] w) {
        ArrayStatistics st = e.newStatistics();
        e.accumulate(st, ts, w);
        return e.maximize(st);
    }

    @Test
    void emStepsIncreaseTheWeightedLikelihoodUnderRandomWeights() {
        int t = 400;
        double[] y = EmissionFixtures.sampleRows(model(), 1, t, 2);
        TimeSeries ts = EmissionFixtures.withMissing(y, t, D, 3, 0, 7, 1, 7, 2, 11, 2);
        double[] w = EmissionFixtures.randomWeights(t, K, 3);
        Emissions e = model();
        double prev = weightedLogLikelihood(e, ts, w);
        for (int it = 0; it < 15; it++) {
            e = emStep(e, ts, w);
            double now = weightedLogLikelihood(e, ts, w);
            assertTrue(now >= prev - 1e-8, "iteration " + it + ": " + now + " < " + prev);
            prev = now;
        }
    }

    @Test
    void emRecoversTheParametersOfSimulatedDataWithMissingEntries() {
        int t = 20000;
        StudentTEmissions truth = model();
        double[] y = EmissionFixtures.sampleRows(truth, 0, t, 4);
        Rng rng = Rng.seeded(5);
        for (int i = 0; i < y.length; i++) if (rng.uniform() < 0.1) y[i] = Double.NaN;
        TimeSeries ts = TimeSeries.of(y, t, D);
        double[] w = new double[t * K];
        for (int i = 0; i < t; i++) w[i * K] = 1;
        Emissions e = StudentTEmissions.of(new double[K * D], HmmFactory.repeatedIdentity(K, D), new double[] {30, 30}, K,
                D, null);
        for (int it = 0; it < 200; it++) e = emStep(e, ts, w);
        StudentTEmissions fit = (StudentTEmissions) e;
        for (int a = 0; a < D; a++) assertEquals(MEANS[a], fit.means()[a], 0.05);
        for (int a = 0; a < D * D; a++) assertEquals(COVS[a], fit.covariances()[a], 0.12);
        assertEquals(DOFS[0], fit.dofs()[0], 0.4);
        assertEquals(30, fit.dofs()[1], 0, "a state without weight keeps its dof");
    }

    @Test
    void mapStepWithAStrongPriorPullsTowardsThePrior() {
        int t = 50;
        double[] y = EmissionFixtures.sampleRows(model(), 0, t, 6);
        double[] w = EmissionFixtures.randomWeights(t, K, 7);
        StudentTEmissions map = StudentTEmissions.of(MEANS, COVS, DOFS, K, D,
                io.ssm4j.distributions.NormalInverseWishart.of(new double[] {5, 5, 5}, 1e6, HmmFactory.identity(D), D + 2));
        StudentTEmissions next = (StudentTEmissions) emStep(map, TimeSeries.of(y, t, D), w);
        for (double m : next.means()) assertEquals(5, m, 1e-3);
        assertTrue(Double.isFinite(next.logPrior()));
    }

    @Test
    void dofEquationRootIsBracketedAndClamped() {
        for (double nu : new double[] {0.8, 3, 25, 400}) {
            double c = Gamma.digamma(nu / 2) - Math.log(nu / 2) - 1; // the c at which nu is the root
            assertEquals(nu, ScaleMixtureCore.solveDof(c), 1e-6 * nu);
        }
        assertEquals(ScaleMixtureCore.MAX_DOF, ScaleMixtureCore.solveDof(-1));
        assertEquals(ScaleMixtureCore.MIN_DOF, ScaleMixtureCore.solveDof(-50));
    }

    @Test
    void samplesHaveTheStudentTMoments() {
        int n = 100000;
        double[] y = EmissionFixtures.sampleRows(model(), 1, n, 8);
        double[] m = EmissionFixtures.columnMeans(y, D);
        for (int a = 0; a < D; a++) assertEquals(MEANS[D + a], m[a], 0.02);
        double factor = DOFS[1] / (DOFS[1] - 2);
        for (int a = 0; a < D; a++) {
            for (int b = 0; b < D; b++) {
                double c = 0;
                for (int i = 0; i < n; i++) c += (y[i * D + a] - m[a]) * (y[i * D + b] - m[b]) / n;
                assertEquals(factor * COVS[D * D + a * D + b], c, 0.06);
            }
        }
    }

    @Test
    void roundTripBadParametersAndGibbs() {
        int t = 20;
        TimeSeries ts = EmissionFixtures.withMissing(EmissionFixtures.sampleRows(model(), 0, t, 9), t, D, 2, 1);
        EmissionFixtures.assertRoundTrip(model(), HmmSpec.of(K, D, EmissionType.STUDENT_T), ts);
        assertEquals(EmissionType.STUDENT_T,
                HmmFactory.specFromParameters(false, null, DiagonalGaussianEmissionsTest.withTransitions(model())).emissions());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> StudentTEmissions.of(MEANS, COVS, new double[] {3, 0}, K, D, null));
        assertTrue(ex.getMessage().contains("dofs[1]"), ex.getMessage());
        ex = assertThrows(IllegalArgumentException.class, () -> StudentTEmissions.of(MEANS, COVS, new double[] {3}, K, D, null));
        assertTrue(ex.getMessage().contains("dofs"), ex.getMessage());
        assertThrows(IllegalStateException.class, () -> model().samplePosterior(model().newStatistics(), Rng.seeded(1)));
        assertArrayEquals(DOFS, model().dofs());
    }
}
