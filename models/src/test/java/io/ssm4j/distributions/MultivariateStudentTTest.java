package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class MultivariateStudentTTest {

    @Test
    void oneDimensionMatchesCommonsT() {
        double mu = 0.7, s2 = 2.25, nu = 3.5;
        MultivariateStudentT t = MultivariateStudentT.of(new double[] {mu}, new double[] {s2}, nu);
        TDistribution ref = new TDistribution(nu);
        for (double x : new double[] {-10, -1, 0.7, 2, 30}) {
            assertEquals(ref.logDensity((x - mu) / 1.5) - Math.log(1.5), t.logDensity(new double[] {x}), 1e-10);
        }
    }

    @Test
    void twoDimensionsEqualsTheGaussianScaleMixture() {
        double[] mu = {0.5, -1};
        double[] scale = {1.5, 0.4, 0.4, 0.8};
        double nu = 4.2;
        MultivariateStudentT t = MultivariateStudentT.of(mu, scale, nu);
        GammaDistribution mix = new GammaDistribution(nu / 2, 2 / nu);
        for (int s = 0; s < 4; s++) {
            double[] x = Fixtures.randomVector(2, 70 + s);
            // p(x) = int N(x; mu, Sigma / u) Gamma(u; nu/2, rate nu/2) du, u = e^v, trapezoid in v
            double h = 0.005, total = 0;
            for (double v = -30; v <= 8; v += h) {
                double u = Math.exp(v);
                total += Math.exp(Fixtures.commonsLogNormal(x, mu, Flat.scale(scale, 1 / u)) + mix.logDensity(u)) * u;
            }
            assertEquals(Math.log(total * h), t.logDensity(x), 1e-9);
        }
    }

    @Test
    void sampleMarginalsAreUnivariateT() {
        double[] mu = {0.5, -1};
        double[] scale = {1.5, 0.4, 0.4, 0.8};
        double nu = 3;
        MultivariateStudentT t = MultivariateStudentT.of(mu, scale, nu);
        Rng rng = Rng.seeded(31);
        int n = 20_000;
        double[][] z = new double[2][n];
        for (int k = 0; k < n; k++) {
            double[] x = t.sample(rng);
            for (int i = 0; i < 2; i++) z[i][k] = (x[i] - mu[i]) / Math.sqrt(scale[i * 3]);
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (int i = 0; i < 2; i++) {
            double p = ks.kolmogorovSmirnovTest(new TDistribution(nu), z[i]);
            assertTrue(p > 1e-3, "KS p-value " + p + " for coordinate " + i);
            // and not a Gaussian: the test can tell the tails apart
            double pNormal = ks.kolmogorovSmirnovTest(new org.apache.commons.math3.distribution.NormalDistribution(), z[i]);
            assertTrue(pNormal < 1e-6, "normal KS p-value " + pNormal);
        }
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> MultivariateStudentT.of(new double[] {0}, new double[] {1}, 0), "dof", "positive");
        assertMessage(() -> MultivariateStudentT.of(new double[] {0, 0}, new double[] {1, 0, 0, -1}, 3), "scale", "positive definite");
    }
}
