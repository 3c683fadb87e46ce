package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.SimpleBounds;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Laplace posterior on a tiny case (T = 5, D = 2, N = 3) against brute force on the model's own log joint
 * (independent code): a derivative-free optimiser finds the same mode, finite differences give a zero gradient
 * and the same Hessian, and the band of the dense inverse of that Hessian equals the selected inversion.
 */
class LaplaceBruteForceTest {
    static final int T = 5, D = 2;

    static GeneralizedLinearDynamicalSystem model(EmissionFamily family) {
        double[] a = {0.9, -0.2, 0.15, 0.85}, b = {0.05, -0.1}, q = {0.3, 0.05, 0.05, 0.2}, m0 = {0.3, -0.2}, p0 = {0.5, 0.1, 0.1, 0.4};
        double[] c = {0.8, -0.3, -0.5, 0.6, 0.2, 0.9}, d = {0.1, -0.4, 0.3};
        return GeneralizedLinearDynamicalSystem.of(family, D, 3, a, b, q, m0, p0, c, d);
    }

    static TimeSeries data(GeneralizedLinearDynamicalSystem m, boolean withMissing) {
        double[] v = m.sample(T, Rng.seeded(11)).observations().valuesView().clone();
        if (withMissing) {
            v[4] = Double.NaN;
            v[9] = Double.NaN;
        }
        return TimeSeries.of(v, T, 3);
    }

    static double[][] fdHessian(GeneralizedLinearDynamicalSystem m, TimeSeries y, double[] x, double h) {
        int k = x.length;
        double[][] hess = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double[] pp = x.clone(), pm = x.clone(), mp = x.clone(), mm = x.clone();
                pp[i] += h; pp[j] += h;
                pm[i] += h; pm[j] -= h;
                mp[i] -= h; mp[j] += h;
                mm[i] -= h; mm[j] -= h;
                hess[i][j] = (m.logJoint(y, pp) - m.logJoint(y, pm) - m.logJoint(y, mp) + m.logJoint(y, mm)) / (4 * h * h);
            }
        }
        return hess;
    }

    @Test
    void modeGradientHessianAndCovariancesAgreeWithBruteForce() {
        for (EmissionFamily fam : EmissionFamily.values()) {
            for (boolean missing : new boolean[] {false, true}) {
                String what = fam.id() + (missing ? " with missing entries" : "");
                GeneralizedLinearDynamicalSystem m = model(fam);
                TimeSeries y = data(m, missing);
                LaplacePosterior post = LaplacePosterior.compute(m, y);
                assertTrue(post.converged(), what);
                double[] mode = post.mode();
                // gradient of the model's log joint by central differences
                for (int i = 0; i < mode.length; i++) {
                    double[] up = mode.clone(), dn = mode.clone();
                    up[i] += 1e-6;
                    dn[i] -= 1e-6;
                    assertEquals(0.0, (m.logJoint(y, up) - m.logJoint(y, dn)) / 2e-6, 1e-6, what + ": gradient entry " + i);
                }
                // a derivative-free optimiser on the log joint
                MultivariateFunction f = p -> m.logJoint(y, p);
                double[] lo = new double[T * D], hi = new double[T * D];
                java.util.Arrays.fill(lo, -10);
                java.util.Arrays.fill(hi, 10);
                PointValuePair best = new BOBYQAOptimizer(2 * T * D + 1, 0.5, 1e-10).optimize(new MaxEval(200000),
                        new ObjectiveFunction(f), GoalType.MAXIMIZE, new InitialGuess(new double[T * D]), new SimpleBounds(lo, hi));
                for (int i = 0; i < mode.length; i++) assertEquals(best.getPoint()[i], mode[i], 1e-5, what + ": mode entry " + i);
                assertEquals(best.getValue(), post.logJoint(), 1e-9, what + ": log joint at the mode");
                // H = -Hessian by finite differences; its dense inverse against the selected inversion
                double[][] hess = fdHessian(m, y, mode, 1e-4);
                DMatrixRMaj h = new DMatrixRMaj(T * D, T * D);
                for (int i = 0; i < T * D; i++) for (int j = 0; j < T * D; j++) h.set(i, j, -hess[i][j]);
                assertEquals(Math.log(CommonOps_DDRM.det(h)), post.precision().logDet(), 1e-5, what + ": log det H");
                DMatrixRMaj inv = h.copy();
                assertTrue(CommonOps_DDRM.invert(inv));
                for (int t = 0; t < T; t++) {
                    for (int i = 0; i < D; i++) {
                        for (int j = 0; j < D; j++) {
                            assertEquals(inv.get(t * D + i, t * D + j), post.covariances()[t * D * D + i * D + j], 1e-5, what + ": Cov(x_t) t=" + t);
                            if (t + 1 < T) {
                                assertEquals(inv.get((t + 1) * D + i, t * D + j), post.crossCovariances()[t * D * D + i * D + j], 1e-5,
                                        what + ": Cov(x_{t+1}, x_t) t=" + t);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void warmStartAndColdStartReachTheSameMode() {
        GeneralizedLinearDynamicalSystem m = model(EmissionFamily.POISSON_EXP);
        TimeSeries y = data(m, false);
        double[] start = new double[T * D];
        java.util.Arrays.fill(start, 3.0);
        LaplacePosterior cold = LaplacePosterior.compute(m, y), warm = LaplacePosterior.compute(m, y, start, LaplaceOptions.defaults());
        for (int i = 0; i < T * D; i++) assertEquals(cold.mode()[i], warm.mode()[i], 1e-10);
        assertEquals(cold.logEvidence(), warm.logEvidence(), 1e-9);
    }
}
