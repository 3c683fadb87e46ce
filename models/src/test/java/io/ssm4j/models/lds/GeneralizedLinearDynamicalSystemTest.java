package io.ssm4j.models.lds;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.Bernoulli;
import io.ssm4j.distributions.MultivariateNormal;
import io.ssm4j.distributions.Poisson;
import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GLM-LDS log joint against the distributions package, its sampler's rates, derivatives by finite differences, validation. */
class GeneralizedLinearDynamicalSystemTest {
    static GeneralizedLinearDynamicalSystem model(EmissionFamily family) {
        double[] a = {0.9, -0.2, 0.15, 0.85}, b = {0.05, -0.1}, q = {0.1, 0.02, 0.02, 0.08}, m0 = {0.3, -0.2}, p0 = {0.5, 0.1, 0.1, 0.4};
        double[] c = {0.8, -0.3, -0.5, 0.6, 0.2, 0.9}, d = {0.1, -0.4, 0.3};
        return GeneralizedLinearDynamicalSystem.of(family, 2, 3, a, b, q, m0, p0, c, d);
    }

    @Test
    void logJointEqualsTheSumOfIndependentFactors() {
        for (EmissionFamily fam : EmissionFamily.values()) {
            GeneralizedLinearDynamicalSystem m = model(fam);
            var s = m.sample(6, Rng.seeded(4));
            double[] x = s.states();
            double expected = MultivariateNormal.of(m.initialMeanView(), m.initialCovarianceView()).logDensity(new double[] {x[0], x[1]});
            for (int t = 1; t < 6; t++) {
                double[] mean = new double[2];
                for (int i = 0; i < 2; i++) mean[i] = m.biasView()[i] + m.dynamicsView()[i * 2] * x[(t - 1) * 2] + m.dynamicsView()[i * 2 + 1] * x[(t - 1) * 2 + 1];
                expected += MultivariateNormal.of(mean, m.dynamicsCovarianceView()).logDensity(new double[] {x[t * 2], x[t * 2 + 1]});
            }
            for (int t = 0; t < 6; t++) {
                for (int n = 0; n < 3; n++) {
                    double eta = m.emissionBiasView()[n] + m.emissionsView()[n * 2] * x[t * 2] + m.emissionsView()[n * 2 + 1] * x[t * 2 + 1];
                    int yv = (int) s.observations().value(t, n);
                    expected += switch (fam) {
                        case POISSON_EXP -> Poisson.of(Math.exp(eta)).logPmf(yv);
                        case POISSON_SOFTPLUS -> Poisson.of(Math.log1p(Math.exp(eta))).logPmf(yv);
                        case BERNOULLI_LOGISTIC -> Bernoulli.of(1 / (1 + Math.exp(-eta))).logPmf(yv);
                    };
                }
            }
            assertEquals(expected, m.logJoint(s.observations(), x), 1e-10, fam.id());
        }
    }

    @Test
    void missingEntriesDropOut() {
        GeneralizedLinearDynamicalSystem m = model(EmissionFamily.POISSON_EXP);
        var s = m.sample(5, Rng.seeded(9));
        double[] v = s.observations().valuesView().clone();
        double full = m.emissionLogLikelihood(s.observations(), s.states());
        double dropped = EmissionFamily.POISSON_EXP.logLikelihood(v[7], m.predictor(s.states(), 2, 1));
        v[7] = Double.NaN;
        assertEquals(full - dropped, m.emissionLogLikelihood(TimeSeries.of(v, 5, 3), s.states()), 1e-12);
    }

    @Test
    void derivativesMatchFiniteDifferences() {
        double h = 1e-5;
        for (EmissionFamily fam : EmissionFamily.values()) {
            for (double y : new double[] {0, 1, 3}) {
                if (fam == EmissionFamily.BERNOULLI_LOGISTIC && y > 1) continue;
                for (double eta : new double[] {-3, -0.4, 0.2, 2.5}) {
                    double[] der = new double[2];
                    fam.derivatives(y, eta, der);
                    double up = fam.logLikelihood(y, eta + h), mid = fam.logLikelihood(y, eta), down = fam.logLikelihood(y, eta - h);
                    assertEquals((up - down) / (2 * h), der[0], 1e-7, fam + " first derivative");
                    assertEquals((up - 2 * mid + down) / (h * h), der[1], 1e-4, fam + " second derivative");
                    assertTrue(der[1] <= 0, "concave");
                }
            }
        }
    }

    @Test
    void sampledRatesMatchTheLink() {
        GeneralizedLinearDynamicalSystem m = model(EmissionFamily.BERNOULLI_LOGISTIC);
        var s = m.sample(20000, Rng.seeded(2));
        double sumY = 0, sumP = 0;
        for (int t = 0; t < 20000; t++) {
            double y = s.observations().value(t, 0);
            assertTrue(y == 0 || y == 1);
            sumY += y;
            sumP += EmissionFamily.sigmoid(m.predictor(s.states(), t, 0));
        }
        // the mean of Bernoulli(p_t) draws around the mean of p_t: sd <= 0.5 / sqrt(T) = 0.0035
        assertEquals(sumP / 20000, sumY / 20000, 0.015);
    }

    @Test
    void badInputIsRejectedWithItsName() {
        GeneralizedLinearDynamicalSystem m = model(EmissionFamily.BERNOULLI_LOGISTIC);
        var e = assertThrows(IllegalArgumentException.class, () -> m.logJoint(TimeSeries.of(new double[] {2, 0, 1}, 1, 3), new double[2]));
        assertTrue(e.getMessage().contains("y[0, 0]"), e.getMessage());
        var q = assertThrows(IllegalArgumentException.class, () -> GeneralizedLinearDynamicalSystem.of(EmissionFamily.POISSON_EXP, 1, 1,
                new double[] {0.5}, new double[] {0}, new double[] {-1}, new double[] {0}, new double[] {1}, new double[] {1}, new double[] {0}));
        assertTrue(q.getMessage().contains("Q"), q.getMessage());
        var p = assertThrows(IllegalArgumentException.class, () -> model(EmissionFamily.POISSON_EXP).logJoint(TimeSeries.of(new double[] {1.5, 0, 1}, 1, 3), new double[2]));
        assertTrue(p.getMessage().contains("non-negative integer"), p.getMessage());
    }
}
