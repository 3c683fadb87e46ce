package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class InverseWishartTest {
    private final double[] psi = {2.0, 0.6, 0.6, 1.5};

    @Test
    void oneDimensionIsInverseGamma() {
        double psi1 = 3.0, nu = 5.5;
        InverseWishart iw = InverseWishart.of(new double[] {psi1}, nu);
        // X ~ InvGamma(nu/2, psi/2)  <=>  1/X ~ Gamma(shape nu/2, rate psi/2); p_X(x) = p_Y(1/x) / x^2
        GammaDistribution y = new GammaDistribution(nu / 2, 2 / psi1);
        for (double x : new double[] {0.05, 0.3, 1, 2.7, 10}) {
            assertEquals(y.logDensity(1 / x) - 2 * Math.log(x), iw.logDensity(new double[] {x}), 1e-10);
        }
    }

    @Test
    void twoDimensionalDensityIntegratesToOne() {
        InverseWishart iw = InverseWishart.of(psi, 6.0);
        // Sigma = L L^T, L = [[e^a, 0], [e^a e^b u, e^b]]; d Sigma = 4 l11^2 l22 dL, dl21 = l11 l22 du,
        // dl11 = l11 da, dl22 = l22 db: total Jacobian 4 l11^4 l22^3.
        int na = 150, nb = 150, nu = 100;
        double a0 = -6, a1 = 5, b0 = -6, b1 = 5, u0 = -8, u1 = 8;
        double ha = (a1 - a0) / na, hb = (b1 - b0) / nb, hu = (u1 - u0) / nu;
        double total = 0;
        double[] sigma = new double[4];
        for (int i = 0; i <= na; i++) {
            double l11 = Math.exp(a0 + i * ha);
            for (int j = 0; j <= nb; j++) {
                double l22 = Math.exp(b0 + j * hb);
                for (int k = 0; k <= nu; k++) {
                    double l21 = l11 * l22 * (u0 + k * hu);
                    sigma[0] = l11 * l11;
                    sigma[1] = sigma[2] = l11 * l21;
                    sigma[3] = l21 * l21 + l22 * l22;
                    double w = (i == 0 || i == na ? 0.5 : 1) * (j == 0 || j == nb ? 0.5 : 1) * (k == 0 || k == nu ? 0.5 : 1);
                    total += w * Math.exp(iw.logDensity(sigma)) * 4 * Math.pow(l11, 4) * Math.pow(l22, 3);
                }
            }
        }
        assertEquals(1.0, total * ha * hb * hu, 1e-8);
    }

    @Test
    void sampleMeanAndDiagonalMarginals() {
        double nu = 7.0;
        InverseWishart iw = InverseWishart.of(psi, nu);
        Rng rng = Rng.seeded(2024);
        int n = 20_000;
        double[] sum = new double[4];
        double[][] invDiag = new double[2][n];
        for (int t = 0; t < n; t++) {
            double[] s = iw.sample(rng);
            assertEquals(s[1], s[2], 0.0);
            for (int i = 0; i < 4; i++) sum[i] += s[i];
            invDiag[0][t] = 1 / s[0];
            invDiag[1][t] = 1 / s[3];
        }
        double[] mean = iw.mean();
        assertArrayEquals(Flat.scale(psi, 1 / (nu - 3)), mean, 1e-15);
        // Var(Sigma_ij) = ((nu - D + 1) psi_ij^2 + (nu - D - 1) psi_ii psi_jj) / ((nu - D)(nu - D - 1)^2 (nu - D - 3))
        int d = 2;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double var = ((nu - d + 1) * psi[i * d + j] * psi[i * d + j] + (nu - d - 1) * psi[i * d + i] * psi[j * d + j])
                        / ((nu - d) * (nu - d - 1) * (nu - d - 1) * (nu - d - 3));
                assertEquals(mean[i * d + j], sum[i * d + j] / n, 4 * Math.sqrt(var / n), "mean " + i + "," + j);
            }
        }
        // The diagonal marginal Sigma_ii ~ IW_1(psi_ii, nu - D + 1): 1/Sigma_ii ~ Gamma((nu - 1)/2, rate psi_ii/2).
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        for (int i = 0; i < 2; i++) {
            GammaDistribution g = new GammaDistribution((nu - 1) / 2, 2 / psi[i * 3]);
            double pValue = ks.kolmogorovSmirnovTest(g, invDiag[i]);
            assertTrue(pValue > 1e-3, "KS p-value " + pValue + " for diagonal " + i);
        }
    }

    @Test
    void modeIsPsiOverNuPlusDPlusOneAndALocalMaximum() {
        InverseWishart iw = InverseWishart.of(psi, 4.0);
        double[] mode = iw.mode();
        assertArrayEquals(Flat.scale(psi, 1 / 7.0), mode, 1e-15);
        double best = iw.logDensity(mode);
        double[][] dirs = {{1, 0, 0, 0}, {0, 1, 1, 0}, {0, 0, 0, 1}, {1, 1, 1, 1}};
        for (double[] u : dirs) {
            for (double h : new double[] {-1e-3, 1e-3}) {
                double[] q = mode.clone();
                for (int i = 0; i < 4; i++) q[i] += h * u[i];
                assertTrue(iw.logDensity(q) < best);
            }
        }
    }

    @Test
    void notPositiveDefiniteSigmaIsOutsideTheSupport() {
        InverseWishart iw = InverseWishart.of(psi, 4.0);
        assertEquals(Double.NEGATIVE_INFINITY, iw.logDensity(new double[] {1, 2, 2, 1}));
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> InverseWishart.of(psi, 0.5), "nu", "> D - 1");
        assertMessage(() -> InverseWishart.of(new double[] {1, 0, 0}, 3), "psi", "square");
        assertMessage(() -> InverseWishart.of(new double[] {1, 0, 0, -1}, 3), "psi", "positive definite");
        assertMessage(() -> InverseWishart.of(psi, 4).logDensity(new double[] {1}), "sigma", "length 4");
        assertMessage(() -> InverseWishart.of(psi, 4).logDensity(new double[] {1, 0.5, 0, 1}), "sigma", "symmetric");
    }
}
