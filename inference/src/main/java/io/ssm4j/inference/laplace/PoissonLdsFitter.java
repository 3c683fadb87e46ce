package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.ExpectationMaximization;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Laplace-EM for the Poisson / Bernoulli LDS ({@link GeneralizedLinearDynamicalSystem}), deterministic: each
 * iteration
 * <ol>
 *   <li>E-step: the Laplace posterior q(x) = N(x*, H^{-1}) of every trial ({@link LaplacePosterior}, Newton from
 *       the previous mode), with Cov(x_t) and Cov(x_{t+1}, x_t) from the band of H^{-1};</li>
 *   <li>M-step: A, b, Q, m0, P0 in closed form from those Gaussian moments ({@link DynamicsStatistics}); C, d per
 *       neuron by Newton on E_q[log p(y | C x + d)] ({@link EmissionMStep}: exact for the exp link, Gauss-Hermite
 *       on c . x otherwise).</li>
 * </ol>
 * The objective is the Laplace approximation of the log evidence, sum over trials of
 * log p(x*, y | theta) + (D T / 2) log 2 pi - (1/2) log det H, reported for the starting point and after every
 * iteration (Paninski et al. 2010, sec. 3; Macke et al. 2011, "Empirical models of spiking in neural populations";
 * ssm's "laplace_em", Zoltowski, Pillow and Linderman 2020, without its sampling). Laplace-EM is not exact EM, so
 * the objective need not rise at every step; it stops after maxIterations, or when it changes by less than
 * tolerance * max(1, |previous objective|). The loop, and resuming from a checkpoint ({@link LaplaceEmState}: the
 * model and the warm starts of the next E-step), are {@link ExpectationMaximization}'s.
 */
public final class PoissonLdsFitter {
    private PoissonLdsFitter() {}

    /**
     * Fits a GLM-LDS to the trials.
     *
     * @param rng accepted for the signature shared with the other fitters; the PCA initialisation and Laplace-EM
     *            are deterministic and draw nothing from it
     */
    public static FitResult<GeneralizedLinearDynamicalSystem> fit(PoissonLdsSpec spec, Trials trials, FitOptions options, Rng rng) {
        if (spec == null || trials == null || options == null) throw new IllegalArgumentException("spec, trials and options must not be null");
        long t0 = System.nanoTime();
        LaplaceEmState start = start(spec, trials);
        FitResult<GeneralizedLinearDynamicalSystem> r = fit(EmProgress.start(start), trials, options, progress -> { });
        return new FitResult<>(r.model(), r.objective(), r.iterations(), (System.nanoTime() - t0) / 1e9, r.converged(), r.reason());
    }

    /** Where Laplace-EM starts: the spec's initial model with Newton from x = 0, or the PCA start with its smoothed paths. */
    public static LaplaceEmState start(PoissonLdsSpec spec, Trials trials) {
        List<TimeSeries> data = checked(trials);
        if (spec.initial() != null) return new LaplaceEmState(spec.initial(), Collections.nCopies(data.size(), null));
        GlmLdsInitializer.Start init = GlmLdsInitializer.initialize(spec, data);
        return new LaplaceEmState(init.model(), init.paths());
    }

    /**
     * Laplace-EM from where {@code from} stands (a start or a checkpoint), handing the progress after every
     * iteration to afterIteration (to write checkpoints); a resumed run ends exactly where the uninterrupted one would.
     *
     * @throws IllegalArgumentException when a trial is shorter than 2 steps or does not fit the model
     * @throws IllegalStateException    naming the iteration when the objective becomes non-finite
     */
    public static FitResult<GeneralizedLinearDynamicalSystem> fit(EmProgress<LaplaceEmState> from, Trials trials, FitOptions options,
                                                                  Consumer<EmProgress<LaplaceEmState>> afterIteration) {
        List<TimeSeries> data = checked(trials);
        if (from.model().warmStarts().size() != data.size()) {
            throw new IllegalArgumentException("warm starts: one per trial expected, got " + from.model().warmStarts().size()
                    + " for " + data.size() + " trials");
        }
        for (TimeSeries y : data) from.model().model().requireCompatible(y);
        EmissionMStep emissions = new EmissionMStep(from.model().model().family());
        LaplaceOptions laplace = LaplaceOptions.defaults();
        FitResult<LaplaceEmState> r;
        try (TrialExecutor executor = new TrialExecutor(options.threads())) {
            r = ExpectationMaximization.run(from, new ExpectationMaximization.Steps<LaplaceEmState, List<LaplacePosterior>>() {
                @Override
                public List<LaplacePosterior> expect(LaplaceEmState state) {
                    return eStep(state.model(), data, state.warmStarts(), laplace, executor);
                }

                @Override
                public LaplaceEmState maximize(LaplaceEmState state, List<LaplacePosterior> posteriors) {
                    GeneralizedLinearDynamicalSystem model = state.model();
                    DynamicsStatistics stats = DynamicsStatistics.empty(model.latentDim());
                    for (LaplacePosterior q : posteriors) stats = stats.plus(DynamicsStatistics.of(q));
                    double[][] dyn = stats.maximize();
                    double[][] em = emissions.maximize(model, data, posteriors, executor);
                    List<double[]> modes = new ArrayList<>();
                    for (LaplacePosterior q : posteriors) modes.add(q.mode());
                    return new LaplaceEmState(GeneralizedLinearDynamicalSystem.of(model.family(), model.latentDim(), model.obsDim(),
                            dyn[0], dyn[1], dyn[2], dyn[3], dyn[4], em[0], em[1]), modes);
                }

                @Override
                public double objective(LaplaceEmState state, List<LaplacePosterior> posteriors) { return evidence(posteriors); }
            }, options, "the Laplace evidence diverged; try fewer latent dimensions or another starting model", afterIteration);
        }
        return new FitResult<>(r.model().model(), r.objective(), r.iterations(), r.wallSeconds(), r.converged(), r.reason());
    }

    private static List<TimeSeries> checked(Trials trials) {
        List<TimeSeries> data = trials.asList();
        for (TimeSeries y : data) {
            if (y.length() < 2) throw new IllegalArgumentException("every trial needs T >= 2 for the dynamics M-step, got T = " + y.length());
        }
        return data;
    }

    private static List<LaplacePosterior> eStep(GeneralizedLinearDynamicalSystem model, List<TimeSeries> data, List<double[]> starts,
                                                LaplaceOptions options, TrialExecutor executor) {
        return executor.map(data.size(), i -> LaplacePosterior.compute(model, data.get(i), starts.get(i), options));
    }

    private static double evidence(List<LaplacePosterior> posteriors) {
        double s = 0;
        for (LaplacePosterior q : posteriors) s += q.logEvidence();
        return s;
    }
}
