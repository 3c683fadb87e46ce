package io.ssm4j.distributions;

import static io.ssm4j.distributions.MultivariateNormalTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;

class DirichletTest {

    @Test
    void twoCategoriesIsTheBetaDensity() {
        Dirichlet dir = Dirichlet.of(new double[] {2.5, 0.7});
        BetaDistribution beta = new BetaDistribution(2.5, 0.7);
        for (double x : new double[] {0.01, 0.2, 0.5, 0.93}) {
            assertEquals(beta.logDensity(x), dir.logDensity(new double[] {x, 1 - x}), 1e-10);
        }
    }

    @Test
    void threeCategoryDensityIntegratesToOne() {
        for (double[] alpha : new double[][] {{2, 3, 4}, {1.5, 2.5, 3.2}}) {
            Dirichlet dir = Dirichlet.of(alpha);
            // p = (s, (1 - s) t, (1 - s)(1 - t)) with Jacobian (1 - s), and s = v^2 (ds = 2 v dv) to smooth the
            // s^(alpha_1 - 1) endpoint; fixed 100-point Gauss-Legendre rules in v and t.
            UnivariateIntegrator rule = new UnivariateIntegrator(new GaussIntegratorFactory().legendre(100, 0, 1));
            double total = rule.integrate(v -> {
                double s = v * v;
                return 2 * v * (1 - s) * rule.integrate(
                        t -> Math.exp(dir.logDensity(new double[] {s, (1 - s) * t, (1 - s) * (1 - t)})));
            });
            assertEquals(1.0, total, 1e-7, "alpha " + java.util.Arrays.toString(alpha));
        }
    }

    /** A fixed Gauss rule on [0, 1]. */
    private record UnivariateIntegrator(GaussIntegrator rule) {
        double integrate(java.util.function.DoubleUnaryOperator f) {
            return rule.integrate(f::applyAsDouble);
        }
    }

    @Test
    void offSimplexIsMinusInfinity() {
        Dirichlet dir = Dirichlet.of(new double[] {2, 2, 2});
        assertEquals(Double.NEGATIVE_INFINITY, dir.logDensity(new double[] {0.5, 0.6, -0.1}));
        assertEquals(Double.NEGATIVE_INFINITY, dir.logDensity(new double[] {0.5, 0.5, 0.1}));
    }

    @Test
    void sampleMeanAndVarianceMatch() {
        for (double[] alpha : new double[][] {{2, 3, 5}, {0.1, 0.3, 0.05, 0.2}}) {
            Dirichlet dir = Dirichlet.of(alpha);
            Rng rng = Rng.seeded(7);
            int n = 40_000, k = alpha.length;
            double a0 = 0;
            for (double a : alpha) a0 += a;
            double[] sum = new double[k], sumSq = new double[k];
            for (int t = 0; t < n; t++) {
                double[] p = dir.sample(rng);
                double tot = 0;
                for (int i = 0; i < k; i++) {
                    assertTrue(p[i] >= 0 && Double.isFinite(p[i]));
                    tot += p[i];
                    sum[i] += p[i];
                    sumSq[i] += p[i] * p[i];
                }
                assertEquals(1.0, tot, 1e-12);
            }
            for (int i = 0; i < k; i++) {
                double mean = alpha[i] / a0, var = alpha[i] * (a0 - alpha[i]) / (a0 * a0 * (a0 + 1));
                double m = sum[i] / n, v = sumSq[i] / n - m * m;
                assertEquals(mean, m, 4 * Math.sqrt(var / n), "mean " + i);
                // the sample variance has standard error at most sqrt(E p^4 / n) <= sqrt(mean / n)
                assertEquals(var, v, 4 * Math.sqrt(mean / n) * Math.sqrt(var), "variance " + i);
            }
        }
    }

    @Test
    void posteriorIsProportionalToPriorTimesLikelihood() {
        Dirichlet prior = Dirichlet.of(new double[] {1.3, 0.8, 2.0});
        double[] counts = {4, 0.5, 7.25};
        Dirichlet post = prior.posterior(counts);
        assertArrayEquals(new double[] {5.3, 1.3, 9.25}, post.alpha(), 1e-15);
        Rng rng = Rng.seeded(3);
        Double constant = null;
        for (int s = 0; s < 6; s++) {
            double[] p = Dirichlet.of(new double[] {3, 3, 3}).sample(rng);
            double logLik = 0;
            for (int i = 0; i < 3; i++) logLik += counts[i] * Math.log(p[i]);
            double c = post.logDensity(p) - prior.logDensity(p) - logLik;
            if (constant == null) constant = c;
            else assertEquals(constant, c, 1e-10);
        }
    }

    @Test
    void modeFormulaMaximisesTheDensity() {
        Dirichlet dir = Dirichlet.of(new double[] {3, 2, 4.5});
        double[] mode = dir.mode();
        assertArrayEquals(new double[] {2 / 6.5, 1 / 6.5, 3.5 / 6.5}, mode, 1e-15);
        double best = dir.logDensity(mode);
        double[][] dirs = {{1, -1, 0}, {1, 0, -1}, {0, 1, -1}};
        for (double[] u : dirs) {
            for (double h : new double[] {-1e-3, 1e-3}) {
                double[] q = mode.clone();
                for (int i = 0; i < 3; i++) q[i] += h * u[i];
                assertTrue(dir.logDensity(q) < best);
            }
        }
    }

    @Test
    void modeRuleForSmallConcentrations() {
        assertArrayEquals(new double[] {0, 2.0 / 3, 1.0 / 3}, Dirichlet.of(new double[] {0.5, 3, 2}).mode(), 1e-15);
        assertArrayEquals(new double[] {0.2, 0.3, 0.5}, Dirichlet.of(new double[] {0.2, 0.3, 0.5}).mode(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, Dirichlet.symmetric(2, 1.0).mode(), 1e-15);
    }

    @Test
    void meanAndExpectedLog() {
        Dirichlet dir = Dirichlet.of(new double[] {1, 3});
        assertArrayEquals(new double[] {0.25, 0.75}, dir.mean(), 1e-15);
        // E[log p_1] for Beta(1, 3) = digamma(1) - digamma(4) = -(1 + 1/2 + 1/3)
        assertEquals(-(1 + 0.5 + 1.0 / 3), dir.expectedLog()[0], 1e-12);
    }

    @Test
    void badInputIsNamed() {
        assertMessage(() -> Dirichlet.of(new double[] {1}), "alpha", "length >= 2");
        assertMessage(() -> Dirichlet.of(new double[] {1, -2}), "alpha[1]", "> 0");
        assertMessage(() -> Dirichlet.of(new double[] {1, 2}).posterior(new double[] {1, -1}), "counts[1]", ">= 0");
        assertMessage(() -> Dirichlet.of(new double[] {1, 2}).posterior(new double[] {1}), "counts", "length 2");
        assertMessage(() -> Dirichlet.of(new double[] {1, 2}).logDensity(new double[] {1, 0, 0}), "p", "length 2");
    }
}
