package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ssm4j.math.Rng;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;

class DiscreteDistributionsTest {

    @Test
    void poissonMatchesCommons() {
        for (double rate : new double[] {0.3, 4, 25, 300}) {
            Poisson p = Poisson.of(rate);
            PoissonDistribution ref = new PoissonDistribution(rate);
            for (int k = 0; k < 400; k += 7) assertEquals(ref.logProbability(k), p.logPmf(k), 1e-10 * Math.max(1, Math.abs(ref.logProbability(k))), "rate " + rate + " k " + k);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Poisson.of(2).logPmf(-1));
        assertEquals(0.0, Poisson.of(0).logPmf(0));
        assertEquals(Double.NEGATIVE_INFINITY, Poisson.of(0).logPmf(3));
    }

    @Test
    void poissonSampleMoments() {
        for (double rate : new double[] {2.5, 40}) {
            Poisson p = Poisson.of(rate);
            Rng rng = Rng.seeded(8);
            int n = 40_000;
            double s1 = 0, s2 = 0;
            for (int t = 0; t < n; t++) {
                int k = p.sample(rng);
                s1 += k;
                s2 += (k - rate) * (k - rate);
            }
            assertEquals(rate, s1 / n, 4 * Math.sqrt(rate / n));
            assertEquals(rate, s2 / n, 4 * Math.sqrt((2 * rate * rate + rate) / n));
        }
    }

    @Test
    void bernoulliMatchesBinomialWithOneTrial() {
        for (double q : new double[] {0, 0.2, 0.999, 1}) {
            Bernoulli b = Bernoulli.of(q);
            BinomialDistribution ref = new BinomialDistribution(1, q);
            for (int x = 0; x <= 1; x++) assertEquals(ref.logProbability(x), b.logPmf(x), 1e-12);
        }
        assertEquals(Double.NEGATIVE_INFINITY, Bernoulli.of(0.5).logPmf(2));
        Bernoulli b = Bernoulli.of(0.3);
        Rng rng = Rng.seeded(12);
        int n = 40_000, s = 0;
        for (int t = 0; t < n; t++) s += b.sample(rng);
        assertEquals(0.3, (double) s / n, 4 * Math.sqrt(0.21 / n));
    }

    @Test
    void categoricalLogPmfAndFrequencies() {
        double[] probs = {0.1, 0.0, 0.6, 0.3};
        Categorical c = Categorical.of(probs);
        for (int k = 0; k < 4; k++) assertEquals(Math.log(probs[k]), c.logPmf(k), 0);
        assertEquals(Double.NEGATIVE_INFINITY, c.logPmf(4));
        Rng rng = Rng.seeded(13);
        int n = 40_000;
        int[] counts = new int[4];
        for (int t = 0; t < n; t++) counts[c.sample(rng)]++;
        for (int k = 0; k < 4; k++) {
            assertEquals(probs[k], (double) counts[k] / n, 4 * Math.sqrt(probs[k] * (1 - probs[k]) / n) + 1e-12, "category " + k);
        }
    }

    @Test
    void categoricalFromLogWeightsNormalisesStably() {
        Categorical c = Categorical.fromLogWeights(new double[] {1000, 1000 + Math.log(3), Double.NEGATIVE_INFINITY});
        assertArrayEquals(new double[] {0.25, 0.75, 0}, c.probs(), 1e-12); // 1000 + log 3 carries ~1e-13 rounding
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> Poisson.of(-1), "rate", "non-negative");
        assertMessage(() -> Bernoulli.of(1.5), "p", "[0, 1]");
        assertMessage(() -> Categorical.of(new double[] {0.5, 0.4}), "probs", "sum to 1");
        assertMessage(() -> Categorical.of(new double[] {1.5, -0.5}), "probs[1]", ">= 0");
        assertMessage(() -> Categorical.fromLogWeights(new double[] {Double.NaN}), "logWeights[0]");
    }
}
