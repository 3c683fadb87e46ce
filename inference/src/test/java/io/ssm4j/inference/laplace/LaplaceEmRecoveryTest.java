package io.ssm4j.inference.laplace;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Laplace-EM on data simulated from known softplus-Poisson and Bernoulli LDSs (two trials each): the latents are
 * recovered up to an affine map, the Laplace evidence rises, and the result does not depend on the thread count.
 */
class LaplaceEmRecoveryTest {
    static GeneralizedLinearDynamicalSystem truth(EmissionFamily fam, int n, Rng rng) {
        double th = 0.1, r = 0.98;
        double[] a = {r * Math.cos(th), -r * Math.sin(th), r * Math.sin(th), r * Math.cos(th)};
        double[] c = new double[n * 2], d = new double[n];
        for (int i = 0; i < c.length; i++) c[i] = 1.5 * rng.gaussian();
        Arrays.fill(d, fam == EmissionFamily.BERNOULLI_LOGISTIC ? -0.5 : 0.5);
        return GeneralizedLinearDynamicalSystem.of(fam, 2, n, a, new double[2], new double[] {0.02, 0, 0, 0.02}, new double[2],
                new double[] {0.5, 0, 0, 0.5}, c, d);
    }

    static double minR2(double[] xh, double[] x) {
        int t = x.length / 2;
        DMatrixRMaj design = new DMatrixRMaj(t, 3), target = new DMatrixRMaj(t, 2, true, x), w = new DMatrixRMaj(3, 2), fit = new DMatrixRMaj(t, 2);
        for (int s = 0; s < t; s++) {
            design.set(s, 0, xh[2 * s]);
            design.set(s, 1, xh[2 * s + 1]);
            design.set(s, 2, 1);
        }
        CommonOps_DDRM.solve(design, target, w);
        CommonOps_DDRM.mult(design, w, fit);
        double worst = 1;
        for (int j = 0; j < 2; j++) {
            double mean = 0, res = 0, tot = 0;
            for (int s = 0; s < t; s++) mean += x[2 * s + j] / t;
            for (int s = 0; s < t; s++) {
                res += Math.pow(x[2 * s + j] - fit.get(s, j), 2);
                tot += Math.pow(x[2 * s + j] - mean, 2);
            }
            worst = Math.min(worst, 1 - res / tot);
        }
        return worst;
    }

    @Test
    void softplusPoissonAndBernoulliLatentsAreRecovered() {
        for (EmissionFamily fam : new EmissionFamily[] {EmissionFamily.POISSON_SOFTPLUS, EmissionFamily.BERNOULLI_LOGISTIC}) {
            Rng rng = Rng.seeded(21);
            GeneralizedLinearDynamicalSystem m = truth(fam, 30, rng);
            var s1 = m.sample(1500, rng);
            var s2 = m.sample(1000, rng);
            Trials trials = Trials.of(s1.observations(), s2.observations());
            FitResult<GeneralizedLinearDynamicalSystem> fit = PoissonLdsFitter.fit(PoissonLdsSpec.of(2, fam), trials,
                    FitOptions.of(15, 0).withThreads(1), Rng.seeded(1));
            double[] obj = fit.objective();
            double r2 = minR2(LaplacePosterior.compute(fit.model(), s1.observations()).mode(), s1.states());
            assertTrue(fit.finalObjective() > obj[0], fam + ": objective did not rise " + Arrays.toString(obj));
            assertTrue(r2 > 0.85, fam + ": R^2 " + r2);
            FitResult<GeneralizedLinearDynamicalSystem> two = PoissonLdsFitter.fit(PoissonLdsSpec.of(2, fam), trials,
                    FitOptions.of(15, 0).withThreads(2), Rng.seeded(1));
            assertArrayEquals(obj, two.objective(), 0.0, fam + ": thread count changed the result");
        }
    }
}
