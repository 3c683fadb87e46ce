package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class NormalInverseWishartTest {
    private static final int D = 3;
    private final double[] mu0 = {0.3, -0.2, 1.0};
    private final double[] psi0 = Fixtures.randomSpd(D, 5);
    private final double[][] xs = new double[12][];
    private final double[] w = new double[12];

    NormalInverseWishartTest() {
        Rng rng = Rng.seeded(9);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Fixtures.randomVector(D, 50 + i);
            xs[i][0] += 2;
            w[i] = 0.2 + rng.uniform();
        }
    }

    /** Murphy (2007) eq. 250-254 in the centred form, computed with EJML. */
    private static double[][] murphyPosterior(double[] mu0, double kappa0, double[] psi0, double nu0,
                                             double[][] xs, double[] w) {
        double n = 0;
        DMatrixRMaj xbar = new DMatrixRMaj(D, 1);
        for (int i = 0; i < xs.length; i++) {
            n += w[i];
            CommonOps_DDRM.addEquals(xbar, w[i], Fixtures.mat(xs[i], D, 1));
        }
        CommonOps_DDRM.scale(1 / n, xbar);
        DMatrixRMaj scatter = new DMatrixRMaj(D, D);
        for (int i = 0; i < xs.length; i++) {
            DMatrixRMaj r = new DMatrixRMaj(D, 1);
            CommonOps_DDRM.subtract(Fixtures.mat(xs[i], D, 1), xbar, r);
            CommonOps_DDRM.multAddTransB(w[i], r, r, scatter);
        }
        DMatrixRMaj dm = new DMatrixRMaj(D, 1);
        CommonOps_DDRM.subtract(xbar, Fixtures.mat(mu0, D, 1), dm);
        DMatrixRMaj psiN = Fixtures.mat(psi0.clone(), D, D);
        CommonOps_DDRM.addEquals(psiN, scatter);
        CommonOps_DDRM.multAddTransB(kappa0 * n / (kappa0 + n), dm, dm, psiN);
        DMatrixRMaj muN = new DMatrixRMaj(D, 1);
        CommonOps_DDRM.add(kappa0 / (kappa0 + n), Fixtures.mat(mu0, D, 1), n / (kappa0 + n), xbar, muN);
        return new double[][] {muN.getData(), psiN.getData(), {kappa0 + n, nu0 + n}};
    }

    @Test
    void posteriorMatchesMurphyCentredFormViaEjml() {
        for (double kappa0 : new double[] {0.7, 0.0}) {
            NormalInverseWishart post = NormalInverseWishart.of(mu0, kappa0, psi0, 5.0)
                    .posterior(GaussianStats.of(xs, w));
            double[][] ref = murphyPosterior(mu0, kappa0, psi0, 5.0, xs, w);
            assertArrayEquals(ref[0], post.mu0(), 1e-12);
            assertArrayEquals(ref[1], post.psi0(), 1e-11);
            assertEquals(ref[2][0], post.kappa0(), 1e-14);
            assertEquals(ref[2][1], post.nu0(), 1e-14);
        }
    }

    @Test
    void posteriorIsProportionalToPriorTimesWeightedLikelihood() {
        NormalInverseWishart prior = NormalInverseWishart.of(mu0, 0.7, psi0, 5.0);
        GaussianStats stats = GaussianStats.of(xs, w);
        NormalInverseWishart post = prior.posterior(stats.n(), stats.sumX(), stats.sumXXt());
        Rng rng = Rng.seeded(77);
        NormalInverseWishart proposal = NormalInverseWishart.of(new double[D], 0.5, Fixtures.randomSpd(D, 8), 8);
        Double constant = null;
        for (int s = 0; s < 6; s++) {
            MeanCovariance mc = proposal.sample(rng);
            double logLik = 0;
            for (int i = 0; i < xs.length; i++) logLik += w[i] * Fixtures.commonsLogNormal(xs[i], mc.mean(), mc.covariance());
            double c = post.logDensity(mc.mean(), mc.covariance()) - prior.logDensity(mc.mean(), mc.covariance()) - logLik;
            if (constant == null) constant = c;
            else assertEquals(constant, c, 1e-9);
        }
    }

    @Test
    void logDensityIsNormalTimesInverseWishart() {
        NormalInverseWishart niw = NormalInverseWishart.of(mu0, 2.5, psi0, 4.5);
        InverseWishart iw = InverseWishart.of(psi0, 4.5);
        double[] sigma = Fixtures.randomSpd(D, 31);
        double[] mu = Fixtures.randomVector(D, 32);
        double expected = Fixtures.commonsLogNormal(mu, mu0, Flat.scale(sigma, 1 / 2.5)) + iw.logDensity(sigma);
        assertEquals(expected, niw.logDensity(mu, sigma), 1e-10);
        NormalInverseWishart flat = NormalInverseWishart.of(mu0, 0, psi0, 4.5);
        assertEquals(iw.logDensity(sigma), flat.logDensity(mu, sigma), 1e-12);
        assertThrows(IllegalStateException.class, () -> flat.sample(Rng.seeded(1)));
    }

    @Test
    void modeIsTheJointMaximum() {
        NormalInverseWishart niw = NormalInverseWishart.of(mu0, 0.7, psi0, 5.0).posterior(GaussianStats.of(xs, w));
        MeanCovariance mode = niw.mode();
        assertArrayEquals(niw.mu0(), mode.mean(), 0);
        assertArrayEquals(Flat.scale(niw.psi0(), 1 / (niw.nu0() + D + 2)), mode.covariance(), 1e-15);
        assertLocalMaximum(niw, mode);
        NormalInverseWishart flat = NormalInverseWishart.of(mu0, 0, psi0, 5.0);
        assertArrayEquals(Flat.scale(psi0, 1 / (5.0 + D + 1)), flat.mode().covariance(), 1e-15);
        assertLocalMaximum(flat, flat.mode());
        // flat in mu: moving mu changes nothing
        assertEquals(flat.logDensity(mu0, flat.mode().covariance()), flat.logDensity(new double[] {9, 9, 9}, flat.mode().covariance()), 0);
    }

    private static void assertLocalMaximum(NormalInverseWishart niw, MeanCovariance mode) {
        double best = niw.logDensity(mode.mean(), mode.covariance());
        int first = niw.kappa0() > 0 ? 0 : D;
        for (int k = first; k < D + D * D; k++) {
            for (double h : new double[] {-1e-4, 1e-4}) {
                double[] mu = mode.mean(), sigma = mode.covariance();
                if (k < D) mu[k] += h;
                else {
                    int i = (k - D) / D, j = (k - D) % D;
                    sigma[i * D + j] += h;
                    if (i != j) sigma[j * D + i] += h;
                }
                assertTrue(niw.logDensity(mu, sigma) < best, "direction " + k);
            }
        }
    }

    @Test
    void sampleMoments() {
        double kappa0 = 2.0, nu0 = 9.0;
        NormalInverseWishart niw = NormalInverseWishart.of(mu0, kappa0, psi0, nu0);
        Rng rng = Rng.seeded(123);
        int n = 40_000;
        double[] sumMu = new double[D], sumMuSq = new double[D], sumSigma = new double[D * D];
        for (int t = 0; t < n; t++) {
            MeanCovariance mc = niw.sample(rng);
            double[] mu = mc.mean(), s = mc.covariance();
            for (int i = 0; i < D; i++) {
                sumMu[i] += mu[i];
                sumMuSq[i] += (mu[i] - mu0[i]) * (mu[i] - mu0[i]);
            }
            for (int i = 0; i < D * D; i++) sumSigma[i] += s[i];
        }
        double[] eSigma = Flat.scale(psi0, 1 / (nu0 - D - 1));
        for (int i = 0; i < D; i++) {
            // mu - mu0 is a scale mixture with Cov = E[Sigma] / kappa0
            double var = eSigma[i * D + i] / kappa0;
            assertEquals(mu0[i], sumMu[i] / n, 4 * Math.sqrt(var / n), "mean of mu " + i);
            assertEquals(var, sumMuSq[i] / n, 0.05 * var, "variance of mu " + i);
            for (int j = 0; j < D; j++) {
                double vs = ((nu0 - D + 1) * psi0[i * D + j] * psi0[i * D + j] + (nu0 - D - 1) * psi0[i * D + i] * psi0[j * D + j])
                        / ((nu0 - D) * (nu0 - D - 1) * (nu0 - D - 1) * (nu0 - D - 3));
                assertEquals(eSigma[i * D + j], sumSigma[i * D + j] / n, 4 * Math.sqrt(vs / n), "mean of Sigma " + i + j);
            }
        }
    }

    @Test
    void statsAddUp() {
        double[][] a = java.util.Arrays.copyOfRange(xs, 0, 5), b = java.util.Arrays.copyOfRange(xs, 5, 12);
        GaussianStats sum = GaussianStats.of(a, java.util.Arrays.copyOfRange(w, 0, 5))
                .plus(GaussianStats.of(b, java.util.Arrays.copyOfRange(w, 5, 12))).plus(GaussianStats.empty(D));
        GaussianStats all = GaussianStats.of(xs, w);
        assertEquals(all.n(), sum.n(), 1e-12);
        assertArrayEquals(all.sumX(), sum.sumX(), 1e-12);
        assertArrayEquals(all.sumXXt(), sum.sumXXt(), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> NormalInverseWishart.of(mu0, -1, psi0, 5), "kappa0", "non-negative");
        assertMessage(() -> NormalInverseWishart.of(mu0, 1, psi0, 1.5), "nu0", "> D - 1");
        assertMessage(() -> NormalInverseWishart.of(mu0, 1, new double[] {1, 0, 0, 1}, 5), "psi0", "length 9");
        NormalInverseWishart niw = NormalInverseWishart.of(mu0, 1, psi0, 5);
        assertMessage(() -> niw.posterior(-1, new double[D], new double[D * D]), "n", "non-negative");
        assertMessage(() -> niw.posterior(1, new double[2], new double[D * D]), "sumX", "length 3");
        assertMessage(() -> niw.posterior(1, new double[D], new double[4]), "sumXXt", "length 9");
        // one point x with weight 1 but sumXXt = 0: Psi_n = Psi0 - (kappa0 n / kappa_n) x x^T may lose definiteness
        assertMessage(() -> niw.posterior(1, new double[] {50, 0, 0}, new double[D * D]), "posterior psi", "positive definite");
        assertMessage(() -> niw.logDensity(new double[D], new double[] {1, 0, 0, 0, 1, 0, 0, 0.5, 1}), "sigma", "symmetric");
    }
}
