package io.ssm4j.inference.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.math.Rng;
import io.ssm4j.math.SpecialFunctions;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LDS blocked Gibbs sampler against exact posteriors: on a scalar LDS with one parameter unknown, the
 * marginal posterior p(theta | y) is proportional to p(y | theta) p(theta) with p(y | theta) the Kalman filter's exact
 * likelihood, so a fine 1-D grid gives its mean and variance; the sampler's chain (states integrated out by
 * sampling them) must match within Monte Carlo error (batch means). Plus recovery on simulated data and thread
 * invariance.
 */
class LdsGibbsSamplerTest {
    static final int T = 15;
    static final double A = 0.8, Q = 0.5, R = 0.3;

    static LinearGaussianStateSpaceModel scalar(double a, double q, double r) {
        return LinearGaussianStateSpaceModel.fromParameters(Map.of("A", NdArray.of(new double[] {a}, 1, 1),
                "Q", NdArray.of(new double[] {q}, 1, 1), "C", NdArray.of(new double[] {1}, 1, 1),
                "R", NdArray.of(new double[] {r}, 1, 1), "m0", NdArray.of(new double[] {0}, 1),
                "P0", NdArray.of(new double[] {1}, 1, 1)));
    }

    static EnumSet<LdsParameter> allBut(LdsParameter p) {
        EnumSet<LdsParameter> s = EnumSet.allOf(LdsParameter.class);
        s.remove(p);
        return s;
    }

    static TimeSeries data() {
        return scalar(A, Q, R).sample(T, null, Rng.seeded(5)).observations();
    }

    /** Posterior mean and variance of theta on a uniform grid of u = g(theta), with weights p(y | theta) p(theta) dtheta/du. */
    static double[] gridMoments(double lo, double hi, int points, java.util.function.DoubleUnaryOperator theta,
                                java.util.function.DoubleUnaryOperator logWeight) {
        double[] lw = new double[points], th = new double[points];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points; i++) {
            double u = lo + (hi - lo) * i / (points - 1);
            th[i] = theta.applyAsDouble(u);
            lw[i] = logWeight.applyAsDouble(u);
            max = Math.max(max, lw[i]);
        }
        double z = 0, m1 = 0, m2 = 0;
        for (int i = 0; i < points; i++) {
            double w = Math.exp(lw[i] - max);
            z += w;
            m1 += w * th[i];
            m2 += w * th[i] * th[i];
        }
        m1 /= z;
        return new double[] {m1, m2 / z - m1 * m1};
    }

    /** The chain's values of one parameter after burn-in. */
    static double[] chain(LinearGaussianStateSpaceModel start, TimeSeries y, LdsGibbsOptions g, int sweeps, int burn,
                          ToDoubleFunction<LinearGaussianStateSpaceModel> param) {
        List<Double> out = new ArrayList<>();
        LdsGibbsSampler.run(start, Trials.of(y), g, FitOptions.of(sweeps, 0).withThreads(1), Rng.seeded(42), s -> {
            if (s.index() >= burn) out.add(param.applyAsDouble(s.model()));
        });
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Asserts the chain's mean of f(theta) matches the exact one within 4 batch-means standard errors. */
    static void assertMean(double[] chain, java.util.function.DoubleUnaryOperator f, double exact, String what) {
        int batches = 40, len = chain.length / batches;
        double[] means = new double[batches];
        double total = 0;
        for (int b = 0; b < batches; b++) {
            double s = 0;
            for (int i = 0; i < len; i++) s += f.applyAsDouble(chain[b * len + i]);
            means[b] = s / len;
            total += means[b];
        }
        double mean = total / batches, var = 0;
        for (double m : means) var += (m - mean) * (m - mean);
        double se = Math.sqrt(var / (batches - 1) / batches);
        assertTrue(Math.abs(mean - exact) < 4 * se, what + ": chain " + mean + " vs exact " + exact + " (se " + se + ")");
        assertTrue(se < 0.05 * Math.abs(exact) + 1e-3, what + ": Monte Carlo error too large to test (" + se + ")");
    }

    @Test
    void dynamicsCoefficientMatchesGridPosterior() {
        TimeSeries y = data();
        RegressionPrior prior = new RegressionPrior(2.0, 1.0, 3.0);
        LdsGibbsOptions g = new LdsGibbsOptions(allBut(LdsParameter.A), false, new LdsPrior(prior, null), null,
                KalmanOptions.defaults());
        // A | Q ~ N(0, Q / lambda)
        double[] exact = gridMoments(-3, 3, 6001, u -> u, a -> KalmanFilter.filter(scalar(a, Q, R), y).logLikelihood()
                - 0.5 * a * a * prior.precision() / Q);
        double[] c = chain(scalar(0, Q, R), y, g, 40000, 500, m -> m.dynamics().matrix(0)[0]);
        assertMean(c, a -> a, exact[0], "E[A | y]");
        assertMean(c, a -> a * a, exact[1] + exact[0] * exact[0], "E[A^2 | y]");
    }

    @Test
    void diagonalEmissionNoiseMatchesGridPosterior() {
        TimeSeries y = data();
        RegressionPrior prior = new RegressionPrior(1.0, 0.4, 3.0);
        LdsGibbsOptions g = new LdsGibbsOptions(allBut(LdsParameter.R), true, new LdsPrior(null, prior), null,
                KalmanOptions.defaults());
        // r ~ IG(nu / 2, psi / 2); grid on u = log r with Jacobian r
        double a = prior.dof() / 2, b = prior.scale() / 2;
        double[] exact = gridMoments(-8, 3, 8001, Math::exp, u -> {
            double r = Math.exp(u);
            return KalmanFilter.filter(scalar(A, Q, r), y).logLikelihood() + a * Math.log(b) - SpecialFunctions.logGamma(a)
                    - (a + 1) * u - b / r + u;
        });
        double[] c = chain(scalar(A, Q, 1.0), y, g, 40000, 500, m -> m.emissionCovariance().matrix(0)[0]);
        assertMean(c, r -> r, exact[0], "E[R | y]");
        assertMean(c, r -> r * r, exact[1] + exact[0] * exact[0], "E[R^2 | y]");
    }

    @Test
    void recoversDynamicsAndNoiseFromSimulatedData() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(5, 0, false);
        List<TimeSeries> ys = new ArrayList<>();
        for (int k = 0; k < 3; k++) ys.add(LdsTestModels.sample(truth, 600, 100 + k).observations());
        EnumSet<LdsParameter> fixed = EnumSet.of(LdsParameter.C, LdsParameter.b, LdsParameter.d, LdsParameter.m0, LdsParameter.P0);
        LdsGibbsOptions g = LdsGibbsOptions.weak(2, 5).withFixed(fixed).withDiagonalR(true);
        Map<String, NdArray> p = truth.parameters();
        p.put("A", NdArray.of(new double[] {0.5, 0, 0, 0.5}, 2, 2));
        p.put("Q", NdArray.of(new double[] {1, 0, 0, 1}, 2, 2));
        double[] r0 = new double[25];
        for (int i = 0; i < 5; i++) r0[i * 6] = 1;
        p.put("R", NdArray.of(r0, 5, 5));
        double[] aSum = new double[4], qSum = new double[4], rSum = new double[25];
        int[] kept = {0};
        FitResult<LinearGaussianStateSpaceModel> fit = LdsGibbsSampler.run(LinearGaussianStateSpaceModel.fromParameters(p),
                Trials.of(ys), g, FitOptions.of(400, 0).withThreads(2), Rng.seeded(9), s -> {
                    if (s.index() < 100) return;
                    kept[0]++;
                    add(aSum, s.model().dynamics().matrix(0));
                    add(qSum, s.model().dynamicsCovariance().matrix(0));
                    add(rSum, s.model().emissionCovariance().matrix(0));
                });
        double[] a = truth.dynamics().matrix(0), q = truth.dynamicsCovariance().matrix(0), r = truth.emissionCovariance().matrix(0);
        for (int i = 0; i < 4; i++) {
            assertEquals(a[i], aSum[i] / kept[0], 0.05, "A[" + i + "]");
            assertEquals(q[i], qSum[i] / kept[0], 0.03, "Q[" + i + "]");
        }
        for (int i = 0; i < 5; i++) assertEquals(r[i * 6], rSum[i * 6] / kept[0], 0.25 * r[i * 6], "R[" + i + "," + i + "]");
        assertEquals(400, fit.objective().length);
        assertTrue(fit.objective()[399] > fit.objective()[0], "log joint should rise from the poor start");
    }

    private static void add(double[] acc, double[] v) {
        for (int i = 0; i < acc.length; i++) acc[i] += v[i];
    }

    @Test
    void resultsDoNotDependOnThreadCountWithMissingEntries() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(3, 1, true);
        List<TimeSeries> ys = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            ys.add(LdsTestModels.maskEntries(LdsTestModels.sample(truth, 80, 7 + k).observations(), 0.2, 70 + k));
        }
        LdsGibbsOptions g = LdsGibbsOptions.weak(2, 3).withDiagonalR(true);
        double[] one = LdsGibbsSampler.run(truth, Trials.of(ys), g, FitOptions.of(15, 0).withThreads(1), Rng.seeded(3)).objective();
        double[] two = LdsGibbsSampler.run(truth, Trials.of(ys), g, FitOptions.of(15, 0).withThreads(3), Rng.seeded(3)).objective();
        assertArrayEquals(one, two);
        assertThrows(IllegalArgumentException.class, () -> LdsGibbsSampler.run(truth, Trials.of(ys),
                g.withDiagonalR(false), FitOptions.of(2, 0), Rng.seeded(3)));
    }

    @Test
    void bestSampleIsTheHighestLogJoint() {
        TimeSeries y = data();
        List<LinearGaussianStateSpaceModel> models = new ArrayList<>();
        List<Double> joints = new ArrayList<>();
        LdsGibbsOptions g = LdsGibbsOptions.weak(1, 1);
        FitResult<LinearGaussianStateSpaceModel> fit = LdsGibbsSampler.run(scalar(0.3, 1, 1), Trials.of(y), g,
                FitOptions.of(30, 0), Rng.seeded(1), s -> {
                    models.add(s.model());
                    joints.add(s.logJoint());
                });
        int best = 0;
        for (int i = 1; i < joints.size(); i++) if (joints.get(i) > joints.get(best)) best = i;
        assertEquals(joints.get(best), fit.objective()[best]);
        assertArrayEquals(models.get(best).dynamics().matrix(0), fit.model().dynamics().matrix(0));
        assertThrows(IllegalArgumentException.class, () -> new LdsGibbsOptions(null, false, new LdsPrior(null, null),
                null, KalmanOptions.defaults()));
    }
}
