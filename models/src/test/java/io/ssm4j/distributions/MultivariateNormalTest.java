package io.ssm4j.distributions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

class MultivariateNormalTest {
    private final double[] mean = {0.5, -1.0, 2.0};
    private final double[] cov = Fixtures.randomSpd(3, 11);

    @Test
    void logDensityMatchesCommonsMath() {
        MultivariateNormal mvn = MultivariateNormal.of(mean, cov);
        for (int s = 0; s < 10; s++) {
            double[] x = Fixtures.randomVector(3, 100 + s);
            assertEquals(Fixtures.commonsLogNormal(x, mean, cov), mvn.logDensity(x), 1e-10);
        }
    }

    @Test
    void oneDimensionalMatchesUnivariateNormal() {
        MultivariateNormal mvn = MultivariateNormal.of(new double[] {1.5}, new double[] {4.0});
        var ref = new org.apache.commons.math3.distribution.NormalDistribution(1.5, 2.0);
        for (double x : new double[] {-3, 0, 1.5, 7}) assertEquals(ref.logDensity(x), mvn.logDensity(new double[] {x}), 1e-12);
    }

    @Test
    void sampleMomentsMatchWithinStandardErrors() {
        MultivariateNormal mvn = MultivariateNormal.of(mean, cov);
        Rng rng = Rng.seeded(42);
        int n = 40_000, d = 3;
        double[] sum = new double[d], sumSq = new double[d * d];
        double[][] xs = new double[n][];
        for (int t = 0; t < n; t++) {
            xs[t] = mvn.sample(rng);
            for (int i = 0; i < d; i++) sum[i] += xs[t][i];
        }
        double[] m = new double[d];
        for (int i = 0; i < d; i++) m[i] = sum[i] / n;
        for (double[] x : xs) {
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) sumSq[i * d + j] += (x[i] - m[i]) * (x[j] - m[j]);
        }
        for (int i = 0; i < d; i++) {
            assertEquals(mean[i], m[i], 4 * Math.sqrt(cov[i * d + i] / n), "mean " + i);
            for (int j = 0; j < d; j++) {
                double se = Math.sqrt((cov[i * d + i] * cov[j * d + j] + cov[i * d + j] * cov[i * d + j]) / n);
                assertEquals(cov[i * d + j], sumSq[i * d + j] / (n - 1), 4 * se, "cov " + i + "," + j);
            }
        }
    }

    @Test
    void accessorsReturnCopies() {
        MultivariateNormal mvn = MultivariateNormal.of(mean, cov);
        mvn.mean()[0] = 99;
        mvn.covariance()[0] = 99;
        assertEquals(0.5, mvn.mean()[0]);
        assertEquals(cov[0], mvn.covariance()[0]);
        assertEquals(3, mvn.dim());
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> MultivariateNormal.of(mean, new double[] {1, 0, 0, 1}), "cov", "length 9");
        assertMessage(() -> MultivariateNormal.of(new double[] {0, 0}, new double[] {1, 2, 2, 1}), "cov", "positive definite");
        assertMessage(() -> MultivariateNormal.of(new double[] {0, 0}, new double[] {1, 0.5, 0.4, 1}), "cov", "symmetric");
        assertMessage(() -> MultivariateNormal.of(new double[] {0, Double.NaN}, new double[] {1, 0, 0, 1}), "mean[1]", "finite");
        assertMessage(() -> MultivariateNormal.of(mean, cov).logDensity(new double[2]), "x", "length 3");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable e, String... parts) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        for (String p : parts) assertTrue(ex.getMessage().contains(p), () -> "message '" + ex.getMessage() + "' lacks '" + p + "'");
    }
}
