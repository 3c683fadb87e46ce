package io.ssm4j.inference.laplace;

import io.ssm4j.models.lds.EmissionFamily;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gauss-Hermite against the closed-form log-normal expectation (the exp link has both), and the six scalars of
 * {@link ProjectedExpectation} against finite differences of F in theta = (c, d) through mu = c.m + d, v = c^T S c.
 */
class ProjectedExpectationTest {
    @Test
    void gaussHermiteMatchesTheLognormalClosedForm() {
        ProjectedExpectation exact = new LognormalPoissonExpectation();
        ProjectedExpectation gh = new GaussHermiteExpectation(EmissionFamily.POISSON_EXP, 20);
        double[] a = new double[6], b = new double[6];
        for (double y : new double[] {0, 2, 5}) {
            for (double mu : new double[] {-1.5, 0.0, 0.8}) {
                for (double v : new double[] {1e-14, 0.05, 0.3, 1.0}) {
                    exact.evaluate(y, mu, v, a);
                    gh.evaluate(y, mu, v, b);
                    for (int i = 0; i < 6; i++) {
                        // epsilon of the quadrature near v = 0 is a 0/0 difference: compare it only away from 0
                        if (i >= 4 && v < 1e-3) continue;
                        assertEquals(a[i], b[i], 1e-8 * Math.max(1, Math.abs(a[i])), "scalar " + i + " at y=" + y + " mu=" + mu + " v=" + v);
                    }
                }
            }
        }
    }

    @Test
    void derivativesInThetaMatchFiniteDifferences() {
        double[] m = {0.4, -0.7}, s = {0.3, 0.05, 0.05, 0.2};
        for (ProjectedExpectation pe : new ProjectedExpectation[] {new LognormalPoissonExpectation(),
                new GaussHermiteExpectation(EmissionFamily.POISSON_SOFTPLUS, 20), new GaussHermiteExpectation(EmissionFamily.BERNOULLI_LOGISTIC, 20)}) {
            double y = 1;
            double[] theta = {0.6, -0.4, 0.2}, out = new double[6];
            pe.evaluate(y, mu(theta, m), v(theta, s), out);
            double[] sc = {s[0] * theta[0] + s[1] * theta[1], s[2] * theta[0] + s[3] * theta[1], 0};
            double[] mt = {m[0], m[1], 1};
            double h = 1e-5;
            for (int i = 0; i < 3; i++) {
                double[] up = theta.clone(), dn = theta.clone();
                up[i] += h;
                dn[i] -= h;
                double fd = (value(pe, y, up, m, s) - value(pe, y, dn, m, s)) / (2 * h);
                assertEquals(fd, out[1] * mt[i] + out[2] * sc[i], 1e-7, pe.getClass().getSimpleName() + " gradient " + i);
                for (int j = 0; j < 3; j++) {
                    double[] uu = up.clone(), ud = up.clone(), du = dn.clone(), ddn = dn.clone();
                    uu[j] += h; ud[j] -= h; du[j] += h; ddn[j] -= h;
                    double fd2 = (value(pe, y, uu, m, s) - value(pe, y, ud, m, s) - value(pe, y, du, m, s) + value(pe, y, ddn, m, s)) / (4 * h * h);
                    double sij = i < 2 && j < 2 ? s[i * 2 + j] : 0;
                    double hij = out[3] * mt[i] * mt[j] + out[4] * (mt[i] * sc[j] + sc[i] * mt[j]) + out[5] * sc[i] * sc[j] + out[2] * sij;
                    assertEquals(fd2, hij, 1e-4, pe.getClass().getSimpleName() + " Hessian " + i + "," + j);
                }
            }
        }
    }

    private static double mu(double[] th, double[] m) { return th[0] * m[0] + th[1] * m[1] + th[2]; }

    private static double v(double[] th, double[] s) {
        return th[0] * (s[0] * th[0] + s[1] * th[1]) + th[1] * (s[2] * th[0] + s[3] * th[1]);
    }

    private static double value(ProjectedExpectation pe, double y, double[] th, double[] m, double[] s) {
        double[] out = new double[6];
        pe.evaluate(y, mu(th, m), v(th, s), out);
        return out[0];
    }
}
