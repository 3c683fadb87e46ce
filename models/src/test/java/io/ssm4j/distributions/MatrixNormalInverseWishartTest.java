package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class MatrixNormalInverseWishartTest {
    private static final int D = 2, P = 3;
    private final double[] m0 = {0.5, -0.3, 0.1, 0.0, 1.2, -0.7};
    private final double[] v0 = Fixtures.randomSpd(P, 21);
    private final double[] psi0 = Fixtures.randomSpd(D, 22);
    private final double nu0 = 4.5;
    private final double[][] xs = new double[15][], ys = new double[15][];
    private final double[] w = new double[15];

    MatrixNormalInverseWishartTest() {
        Rng rng = Rng.seeded(4);
        double[] wTrue = {1.0, -2.0, 0.5, 0.3, 0.8, -1.1};
        for (int i = 0; i < xs.length; i++) {
            xs[i] = Fixtures.randomVector(P, 300 + i);
            ys[i] = new double[D];
            for (int a = 0; a < D; a++) {
                for (int b = 0; b < P; b++) ys[i][a] += wTrue[a * P + b] * xs[i][b];
                ys[i][a] += 0.3 * rng.gaussian();
            }
            w[i] = 0.1 + rng.uniform();
        }
    }

    private MatrixNormalInverseWishart prior() {
        return MatrixNormalInverseWishart.of(m0, v0, psi0, nu0, D, P);
    }

    @Test
    void posteriorMatchesDirectFormulaViaEjml() {
        RegressionStats st = RegressionStats.of(xs, ys, w);
        MatrixNormalInverseWishart post = prior().posterior(st);
        DMatrixRMaj v0Inv = Fixtures.mat(v0.clone(), P, P);
        CommonOps_DDRM.invert(v0Inv);
        DMatrixRMaj precN = new DMatrixRMaj(P, P);
        CommonOps_DDRM.add(v0Inv, Fixtures.mat(st.sumXXt(), P, P), precN);
        DMatrixRMaj vN = precN.copy();
        CommonOps_DDRM.invert(vN);
        DMatrixRMaj m0m = Fixtures.mat(m0.clone(), D, P);
        DMatrixRMaj b = new DMatrixRMaj(D, P);
        CommonOps_DDRM.mult(m0m, v0Inv, b);
        CommonOps_DDRM.addEquals(b, Fixtures.mat(st.sumYXt(), D, P));
        DMatrixRMaj mN = new DMatrixRMaj(D, P);
        CommonOps_DDRM.mult(b, vN, mN);
        // Psi_n = Psi0 + Syy + M0 V0^{-1} M0^T - M_n V_n^{-1} M_n^T
        DMatrixRMaj t = new DMatrixRMaj(D, P);
        DMatrixRMaj psiN = Fixtures.mat(psi0.clone(), D, D);
        CommonOps_DDRM.addEquals(psiN, Fixtures.mat(st.sumYYt(), D, D));
        CommonOps_DDRM.mult(m0m, v0Inv, t);
        CommonOps_DDRM.multAddTransB(t, m0m, psiN);
        CommonOps_DDRM.mult(mN, precN, t);
        CommonOps_DDRM.multAddTransB(-1, t, mN, psiN);
        assertArrayEquals(mN.getData(), post.m(), 1e-11);
        assertArrayEquals(vN.getData(), post.v(), 1e-11);
        assertArrayEquals(psiN.getData(), post.psi(), 1e-10);
        assertEquals(nu0 + st.n(), post.nu(), 1e-14);
    }

    @Test
    void posteriorIsProportionalToPriorTimesWeightedLikelihood() {
        MatrixNormalInverseWishart prior = prior();
        RegressionStats st = RegressionStats.of(xs, ys, w);
        MatrixNormalInverseWishart post = prior.posterior(st.n(), st.sumXXt(), st.sumYXt(), st.sumYYt());
        MatrixNormalInverseWishart proposal = MatrixNormalInverseWishart.of(new double[D * P],
                Fixtures.randomSpd(P, 1), Fixtures.randomSpd(D, 2), 6, D, P);
        Rng rng = Rng.seeded(10);
        Double constant = null;
        for (int s = 0; s < 6; s++) {
            WeightsCovariance wc = proposal.sample(rng);
            double[] wt = wc.weights(), sigma = wc.covariance();
            double logLik = 0;
            for (int i = 0; i < xs.length; i++) {
                double[] mean = Flat.multiply(wt, xs[i], D, P, 1);
                logLik += w[i] * Fixtures.commonsLogNormal(ys[i], mean, sigma);
            }
            double c = post.logDensity(wt, sigma) - prior.logDensity(wt, sigma) - logLik;
            if (constant == null) constant = c;
            else assertEquals(constant, c, 1e-9);
        }
    }

    @Test
    void matrixNormalPartIsAGaussianOnVecW() {
        MatrixNormalInverseWishart mniw = prior();
        double[] sigma = Fixtures.randomSpd(D, 40);
        double[] wt = Fixtures.randomVector(D * P, 41);
        // row-major vec: Cov(W_ij, W_kl) = Sigma_ik V_jl
        double[] kron = new double[D * P * D * P];
        for (int i = 0; i < D; i++)
            for (int j = 0; j < P; j++)
                for (int k = 0; k < D; k++)
                    for (int l = 0; l < P; l++) kron[(i * P + j) * D * P + k * P + l] = sigma[i * D + k] * v0[j * P + l];
        double expected = Fixtures.commonsLogNormal(wt, m0, kron) + InverseWishart.of(psi0, nu0).logDensity(sigma);
        assertEquals(expected, mniw.logDensity(wt, sigma), 1e-10);
    }

    @Test
    void modeIsTheJointMaximum() {
        MatrixNormalInverseWishart post = prior().posterior(RegressionStats.of(xs, ys, w));
        WeightsCovariance mode = post.mode();
        assertArrayEquals(post.m(), mode.weights(), 0);
        assertArrayEquals(Flat.scale(post.psi(), 1 / (post.nu() + D + P + 1)), mode.covariance(), 1e-15);
        double best = post.logDensity(mode.weights(), mode.covariance());
        for (int k = 0; k < D * P + D * D; k++) {
            for (double h : new double[] {-1e-4, 1e-4}) {
                double[] wt = mode.weights(), sigma = mode.covariance();
                if (k < D * P) wt[k] += h;
                else {
                    int i = (k - D * P) / D, j = (k - D * P) % D;
                    sigma[i * D + j] += h;
                    if (i != j) sigma[j * D + i] += h;
                }
                assertTrue(post.logDensity(wt, sigma) < best, "direction " + k);
            }
        }
    }

    @Test
    void sampleMoments() {
        double nu = 8;
        MatrixNormalInverseWishart mniw = MatrixNormalInverseWishart.of(m0, v0, psi0, nu, D, P);
        Rng rng = Rng.seeded(99);
        int n = 40_000;
        double[] sumW = new double[D * P], sumW2 = new double[D * P], sumS = new double[D * D];
        for (int t = 0; t < n; t++) {
            WeightsCovariance wc = mniw.sample(rng);
            double[] wt = wc.weights(), s = wc.covariance();
            for (int i = 0; i < D * P; i++) {
                sumW[i] += wt[i];
                sumW2[i] += (wt[i] - m0[i]) * (wt[i] - m0[i]);
            }
            for (int i = 0; i < D * D; i++) sumS[i] += s[i];
        }
        double[] eSigma = Flat.scale(psi0, 1 / (nu - D - 1));
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < P; j++) {
                double var = eSigma[i * D + i] * v0[j * P + j];
                assertEquals(m0[i * P + j], sumW[i * P + j] / n, 4 * Math.sqrt(var / n), "mean W " + i + j);
                assertEquals(var, sumW2[i * P + j] / n, 0.05 * var, "variance W " + i + j);
            }
        }
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                double vs = ((nu - D + 1) * psi0[i * D + j] * psi0[i * D + j] + (nu - D - 1) * psi0[i * D + i] * psi0[j * D + j])
                        / ((nu - D) * (nu - D - 1) * (nu - D - 1) * (nu - D - 3));
                assertEquals(eSigma[i * D + j], sumS[i * D + j] / n, 4 * Math.sqrt(vs / n), "mean Sigma " + i + j);
            }
        }
    }

    @Test
    void statsAddUp() {
        RegressionStats a = RegressionStats.of(java.util.Arrays.copyOfRange(xs, 0, 4), java.util.Arrays.copyOfRange(ys, 0, 4), null);
        RegressionStats b = RegressionStats.of(java.util.Arrays.copyOfRange(xs, 4, 15), java.util.Arrays.copyOfRange(ys, 4, 15), null);
        RegressionStats all = RegressionStats.of(xs, ys, null);
        RegressionStats sum = a.plus(RegressionStats.empty(D, P)).plus(b);
        assertEquals(15, sum.n(), 0);
        assertArrayEquals(all.sumXXt(), sum.sumXXt(), 1e-12);
        assertArrayEquals(all.sumYXt(), sum.sumYXt(), 1e-12);
        assertArrayEquals(all.sumYYt(), sum.sumYYt(), 1e-12);
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> MatrixNormalInverseWishart.of(new double[5], v0, psi0, nu0, D, P), "m0", "length 6");
        assertMessage(() -> MatrixNormalInverseWishart.of(m0, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 0}, psi0, nu0, D, P), "v0", "positive definite");
        assertMessage(() -> MatrixNormalInverseWishart.of(m0, v0, psi0, 0.9, D, P), "nu0", "> D - 1");
        assertMessage(() -> MatrixNormalInverseWishart.of(m0, v0, psi0, nu0, 0, P), "d", ">= 1");
        MatrixNormalInverseWishart mniw = prior();
        assertMessage(() -> mniw.posterior(1, new double[4], new double[6], new double[4]), "sumXXt", "length 9");
        assertMessage(() -> mniw.posterior(1, new double[9], new double[5], new double[4]), "sumYXt", "length 6");
        assertMessage(() -> mniw.posterior(Double.NaN, new double[9], new double[6], new double[4]), "n", "non-negative");
        assertMessage(() -> mniw.logDensity(new double[6], new double[3]), "sigma", "length 4");
    }
}
