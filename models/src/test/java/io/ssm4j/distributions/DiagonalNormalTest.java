package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ssm4j.math.Rng;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class DiagonalNormalTest {
    private final double[] mean = {1.0, -2.0, 0.0};
    private final double[] var = {0.5, 4.0, 1.3};

    @Test
    void logDensityIsASumOfUnivariateNormals() {
        DiagonalNormal dn = DiagonalNormal.of(mean, var);
        MultivariateNormal full = MultivariateNormal.of(mean, new double[] {0.5, 0, 0, 0, 4, 0, 0, 0, 1.3});
        for (int s = 0; s < 5; s++) {
            double[] x = Fixtures.randomVector(3, 60 + s);
            double expected = 0;
            for (int i = 0; i < 3; i++) expected += new NormalDistribution(mean[i], Math.sqrt(var[i])).logDensity(x[i]);
            assertEquals(expected, dn.logDensity(x), 1e-10);
            assertEquals(full.logDensity(x), dn.logDensity(x), 1e-10);
        }
    }

    @Test
    void sampleMoments() {
        DiagonalNormal dn = DiagonalNormal.of(mean, var);
        Rng rng = Rng.seeded(5);
        int n = 40_000;
        double[] s1 = new double[3], s2 = new double[3];
        for (int t = 0; t < n; t++) {
            double[] x = dn.sample(rng);
            for (int i = 0; i < 3; i++) {
                s1[i] += x[i];
                s2[i] += (x[i] - mean[i]) * (x[i] - mean[i]);
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(mean[i], s1[i] / n, 4 * Math.sqrt(var[i] / n));
            assertEquals(var[i], s2[i] / n, 4 * Math.sqrt(2 * var[i] * var[i] / n));
        }
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> DiagonalNormal.of(mean, new double[] {1, 1}), "variances", "length 3");
        assertMessage(() -> DiagonalNormal.of(mean, new double[] {1, 0, 1}), "variances[1]", "> 0");
    }
}
