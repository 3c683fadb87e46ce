package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;

class GammaBetaTest {

    @Test
    void gammaMatchesCommons() {
        for (double[] ab : new double[][] {{0.5, 2}, {1, 0.3}, {7.5, 1.2}}) {
            Gamma g = Gamma.of(ab[0], ab[1]);
            GammaDistribution ref = new GammaDistribution(ab[0], 1 / ab[1]);
            for (double x : new double[] {1e-3, 0.4, 2, 11}) assertEquals(ref.logDensity(x), g.logDensity(x), 1e-10);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Gamma.of(2, 1).logDensity(-1));
        assertEquals(Math.log(0.3), Gamma.of(1, 0.3).logDensity(0), 1e-15);
    }

    @Test
    void gammaPoissonPosteriorIsProportionalToPriorTimesLikelihood() {
        Gamma prior = Gamma.of(2.5, 0.5);
        int[] counts = {3, 0, 5, 2, 7};
        Gamma post = prior.posteriorPoisson(17, 5);
        assertEquals(19.5, post.shape(), 0);
        assertEquals(5.5, post.rate(), 0);
        Double constant = null;
        for (double lambda : new double[] {0.5, 1.7, 3.1, 6}) {
            double logLik = 0;
            for (int k : counts) logLik += Poisson.of(lambda).logPmf(k);
            double c = post.logDensity(lambda) - prior.logDensity(lambda) - logLik;
            if (constant == null) constant = c;
            else assertEquals(constant, c, 1e-10);
        }
    }

    @Test
    void gammaModeAndSampleMoments() {
        Gamma g = Gamma.of(4, 2);
        assertEquals(1.5, g.mode(), 0);
        assertTrue(g.logDensity(1.5) > g.logDensity(1.5 + 1e-4) && g.logDensity(1.5) > g.logDensity(1.5 - 1e-4));
        assertEquals(0.0, Gamma.of(0.5, 1).mode(), 0);
        Rng rng = Rng.seeded(17);
        int n = 40_000;
        double s1 = 0, s2 = 0;
        for (int t = 0; t < n; t++) {
            double x = g.sample(rng);
            s1 += x;
            s2 += (x - 2) * (x - 2);
        }
        assertEquals(2.0, s1 / n, 4 * Math.sqrt(1.0 / n));
        assertEquals(1.0, s2 / n, 0.05);
    }

    @Test
    void betaMatchesCommons() {
        for (double[] ab : new double[][] {{0.5, 0.5}, {2, 5}, {1, 1}, {30, 2.5}}) {
            Beta b = Beta.of(ab[0], ab[1]);
            BetaDistribution ref = new BetaDistribution(ab[0], ab[1]);
            for (double x : new double[] {0.01, 0.3, 0.5, 0.97}) assertEquals(ref.logDensity(x), b.logDensity(x), 1e-10);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Beta.of(2, 2).logDensity(1.2));
    }

    @Test
    void betaPosteriorIsProportionalToPriorTimesLikelihood() {
        Beta prior = Beta.of(1.5, 0.7);
        Beta post = prior.posterior(6.5, 2);
        Double constant = null;
        for (double q : new double[] {0.1, 0.45, 0.8, 0.99}) {
            double c = post.logDensity(q) - prior.logDensity(q) - (6.5 * Math.log(q) + 2 * Math.log(1 - q));
            if (constant == null) constant = c;
            else assertEquals(constant, c, 1e-10);
        }
    }

    @Test
    void betaModeRuleAndSampleMoments() {
        assertEquals(1.0 / 3, Beta.of(2, 3).mode(), 1e-15);
        assertEquals(0.0, Beta.of(0.5, 3).mode(), 0);
        assertEquals(1.0, Beta.of(3, 0.9).mode(), 0);
        assertEquals(0.25, Beta.of(0.2, 0.6).mode(), 1e-15);
        Beta b = Beta.of(0.3, 0.8);
        Rng rng = Rng.seeded(19);
        int n = 40_000;
        double s1 = 0, s2 = 0, mean = 0.3 / 1.1, var = 0.24 / (1.1 * 1.1 * 2.1);
        for (int t = 0; t < n; t++) {
            double x = b.sample(rng);
            assertTrue(x >= 0 && x <= 1);
            s1 += x;
            s2 += (x - mean) * (x - mean);
        }
        assertEquals(mean, s1 / n, 4 * Math.sqrt(var / n));
        assertEquals(var, s2 / n, 4 * Math.sqrt(mean / n) * Math.sqrt(var));
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> Gamma.of(0, 1), "shape", "positive");
        assertMessage(() -> Gamma.of(1, -1), "rate", "positive");
        assertMessage(() -> Gamma.of(1, 1).posteriorPoisson(-1, 2), "sumCounts", "non-negative");
        assertMessage(() -> Beta.of(1, Double.NaN), "b", "positive");
        assertMessage(() -> Beta.of(1, 1).posterior(1, -2), "failures", "non-negative");
    }
}
