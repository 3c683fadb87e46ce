package io.ssm4j.inference.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.distributions.RegressionStats;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.fit.GibbsProgress;
import io.ssm4j.inference.fit.GibbsSampling;
import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.inference.kalman.KalmanSampler;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Blocked Gibbs sampling of the states and parameters of a linear dynamical system (Carter and Kohn 1994,
 * "On Gibbs sampling for state space models"; Fruhwirth-Schnatter 1994; the conjugate parameter updates of
 * Fox 2009, "Bayesian nonparametric learning of complex dynamical phenomena", ch. 5). Each sweep alternates
 * the two blocks of p(x, theta | y):
 * <pre>
 *   x^k_{1:T} ~ p(x | y^k, theta)            every trial k, by forward filtering, backward sampling ({@link KalmanSampler})
 *   theta     ~ p(theta | x, y) = p([A B b], Q | x) p([C D d], R | x, y) p(m0, P0 | x_1)
 * </pre>
 * Given the states the three parameter blocks are independent linear-Gaussian regressions with conjugate
 * matrix-normal-inverse-Wishart posteriors ({@link RegressionDraw}):
 * x_{t+1} = [A B b] z_t + w_t and y_t = [C D d] z_t + v_t with z_t = [x_t; u_t; 1], and the initial state
 * x_1^k = m0 + e_k, e_k ~ N(0, P0), a regression on the constant 1 across the K trials. Parameters held fixed
 * are data in their block's regression; a diagonal R is drawn row by row from inverse-gamma posteriors
 * (steps with missing entries count only in the rows they observe). The complete-data statistics are those
 * of {@link LdsEStep#fromPosterior} at a point-mass posterior (the sampled states, zero covariance).
 *
 * <p>The trace holds log p(y, x, theta) = sum_k log p(y^k, x^k | theta) + log p(theta) of each sweep's states
 * and the parameters they were drawn under; the returned model is the parameter sample with the highest log
 * joint. Each trial draws from its own stream, split from {@code rng} in trial order before every sweep, so
 * results do not depend on the thread count. Needs a time-invariant model. The sweep loop, and resuming from a
 * checkpoint, are {@link GibbsSampling}'s.
 */
public final class LdsGibbsSampler {
    private LdsGibbsSampler() {}

    /** Runs {@code options.maxIterations()} sweeps from {@code start}. */
    public static FitResult<LinearGaussianStateSpaceModel> run(LinearGaussianStateSpaceModel start, Trials trials,
                                                               LdsGibbsOptions gibbs, FitOptions options, Rng rng) {
        return run(start, trials, gibbs, options, rng, sweep -> { });
    }

    /** As {@link #run(LinearGaussianStateSpaceModel, Trials, LdsGibbsOptions, FitOptions, Rng)}, handing every sweep's draw to onSweep. */
    public static FitResult<LinearGaussianStateSpaceModel> run(LinearGaussianStateSpaceModel start, Trials trials,
                                                               LdsGibbsOptions gibbs, FitOptions options, Rng rng,
                                                               Consumer<GibbsSampling.Sweep<LinearGaussianStateSpaceModel, double[]>> onSweep) {
        return run(GibbsProgress.start(start, rng), trials, gibbs, options, onSweep, progress -> { });
    }

    /**
     * Sweeps from where {@code from} stands (a start or a checkpoint) until {@code options.maxIterations()} sweeps are
     * done, handing every sweep's draw (states T x D per trial) to onSweep and the progress after it to afterSweep
     * (to write checkpoints).
     *
     * @throws IllegalArgumentException when the model is time-varying, the data do not fit it, or a full R is to be
     *                                  drawn with partly observed steps
     */
    public static FitResult<LinearGaussianStateSpaceModel> run(GibbsProgress<LinearGaussianStateSpaceModel> from, Trials trials,
                                                               LdsGibbsOptions gibbs, FitOptions options,
                                                               Consumer<GibbsSampling.Sweep<LinearGaussianStateSpaceModel, double[]>> onSweep,
                                                               Consumer<GibbsProgress<LinearGaussianStateSpaceModel>> afterSweep) {
        if (!from.model().isTimeInvariant()) {
            throw new IllegalArgumentException("start: the LDS Gibbs sampler needs a time-invariant model (fixed A, Q, C, R)");
        }
        return GibbsSampling.run(from, new GibbsSampling.Steps<LinearGaussianStateSpaceModel, double[], LdsStatistics>() {
            @Override
            public GibbsSampling.TrialDraw<double[], LdsStatistics> drawTrial(LinearGaussianStateSpaceModel model, int trial, Rng rng) {
                TimeSeries y = trials.get(trial);
                double[] x = KalmanSampler.sample(model, KalmanFilter.filter(model, y, gibbs.kalman()), rng);
                return new GibbsSampling.TrialDraw<>(x, statistics(model, y, x), model.logJoint(y, x));
            }

            @Override
            public LdsStatistics plus(LdsStatistics a, LdsStatistics b) { return a.plus(b); }

            @Override
            public double logPrior(LinearGaussianStateSpaceModel model) { return LdsGibbsSampler.logPrior(model, gibbs); }

            @Override
            public LinearGaussianStateSpaceModel drawParameters(LinearGaussianStateSpaceModel model, LdsStatistics s, Rng rng) {
                return LdsGibbsSampler.drawParameters(model, s, gibbs, rng);
            }
        }, trials.size(), options, onSweep, afterSweep);
    }

    /** The complete-data statistics of y with states x: those of a posterior concentrated on x. */
    static LdsStatistics statistics(LinearGaussianStateSpaceModel model, TimeSeries y, double[] x) {
        int t = y.length(), dd = model.latentDim() * model.latentDim();
        SmoothedPosterior point = new SmoothedPosterior(t, model.latentDim(), 0.0, x, new double[t * dd],
                new double[Math.max(t - 1, 0) * dd]);
        return LdsEStep.fromPosterior(model, y, point);
    }

    /** theta ~ p(theta | x, y): the dynamics, emission and initial-state blocks in turn. */
    static LinearGaussianStateSpaceModel drawParameters(LinearGaussianStateSpaceModel model, LdsStatistics s,
                                                        LdsGibbsOptions g, Rng rng) {
        int d = model.latentDim(), n = model.obsDim(), m = model.inputDim();
        LdsEmOptions o = g.asEm();
        Map<String, NdArray> p = model.parameters();
        RegressionMStep.Result dyn = RegressionDraw.draw(s.dynamics(), LdsMStep.dynamicsWeights(model),
                LdsMStep.dynamicsFree(model, o), model.dynamicsCovariance().matrix(0), g.learns(LdsParameter.Q), false,
                null, g.prior().dynamics(), rng);
        LdsMStep.putWeights(p, dyn.weights(), d, m, "A", "B", "b");
        p.put("Q", NdArray.of(dyn.covariance(), d, d));
        RegressionMStep.Result em = emissions(model, s, g, o, rng);
        LdsMStep.putWeights(p, em.weights(), n, m, "C", "D", "d");
        p.put("R", NdArray.of(em.covariance(), n, n));
        if (g.learns(LdsParameter.m0) || g.learns(LdsParameter.P0)) {
            double k = s.trials();
            RegressionStats init = new RegressionStats(k, new double[] {k}, s.initialSum(), s.initialOuterSum());
            RegressionMStep.Result x1 = RegressionDraw.draw(init, model.initialMeanView().clone(),
                    new boolean[] {g.learns(LdsParameter.m0)}, model.initialCovarianceView().clone(),
                    g.learns(LdsParameter.P0), false, null, g.initial(), rng);
            p.put("m0", NdArray.of(x1.weights(), d));
            p.put("P0", NdArray.of(x1.covariance(), d, d));
        }
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    private static RegressionMStep.Result emissions(LinearGaussianStateSpaceModel model, LdsStatistics s,
                                                    LdsGibbsOptions g, LdsEmOptions o, Rng rng) {
        int n = model.obsDim(), pz = LdsMStep.covariateDim(model);
        boolean learnR = g.learns(LdsParameter.R);
        RegressionStats[] rows = null;
        if (s.hasPartialRows()) {
            if (!g.diagonalR()) {
                if (learnR) {
                    throw new IllegalArgumentException("a full emission covariance R cannot be drawn when some steps are "
                            + "only partly observed: draw a diagonal R, hold R fixed, or mask whole steps");
                }
                throw new IllegalArgumentException("with partly observed steps the emission weights are drawn row by row, "
                        + "which needs a diagonal R (set diagonalR)");
            }
            RegressionStats shared = s.emissions();
            double[] zz = shared.sumXXt(), yz = shared.sumYXt(), yy = shared.sumYYt();
            rows = new RegressionStats[n];
            for (int i = 0; i < n; i++) {
                rows[i] = new RegressionStats(shared.n(), zz, java.util.Arrays.copyOfRange(yz, i * pz, (i + 1) * pz),
                        new double[] {yy[i * n + i]}).plus(s.partialRows()[i]);
            }
        }
        return RegressionDraw.draw(s.emissions(), LdsMStep.emissionWeights(model), LdsMStep.emissionFree(model, o),
                model.emissionCovariance().matrix(0), learnR, g.diagonalR(), rows, g.prior().emissions(), rng);
    }

    /** log p(theta) of the drawn parameters: the dynamics, emission and initial-state priors. */
    static double logPrior(LinearGaussianStateSpaceModel model, LdsGibbsOptions g) {
        double lp = LdsMStep.logPrior(model, g.asEm());
        if (g.learns(LdsParameter.m0) || g.learns(LdsParameter.P0)) {
            lp += g.initial().logDensity(model.initialMeanView(), new boolean[] {g.learns(LdsParameter.m0)},
                    model.initialCovarianceView(), model.latentDim(), false);
        }
        return lp;
    }
}
