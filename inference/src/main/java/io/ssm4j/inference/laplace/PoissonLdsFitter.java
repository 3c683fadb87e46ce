package io.ssm4j.inference.laplace;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

import java.util.ArrayList;
import java.util.List;

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
 * the objective need not rise at every step; it stops after maxIterations, or when it rises by less than
 * tolerance * max(1, |objective|).
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
        long start = System.nanoTime();
        List<TimeSeries> data = trials.asList();
        for (TimeSeries y : data) {
            if (y.length() < 2) throw new IllegalArgumentException("every trial needs T >= 2 for the dynamics M-step, got T = " + y.length());
        }
        GeneralizedLinearDynamicalSystem model;
        List<double[]> starts;
        if (spec.initial() != null) {
            model = spec.initial();
            starts = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) starts.add(null);
        } else {
            GlmLdsInitializer.Start init = GlmLdsInitializer.initialize(spec, data);
            model = init.model();
            starts = init.paths();
        }
        for (TimeSeries y : data) model.requireCompatible(y);
        EmissionMStep emissions = new EmissionMStep(spec.family());
        LaplaceOptions laplace = LaplaceOptions.defaults();
        double[] objective = new double[options.maxIterations() + 1];
        boolean converged = false;
        String reason = "reached " + options.maxIterations() + " iterations";
        int done = 0;
        try (TrialExecutor executor = new TrialExecutor(options.threads())) {
            List<LaplacePosterior> posteriors = eStep(model, data, starts, laplace, executor);
            objective[0] = evidence(posteriors);
            for (int it = 1; it <= options.maxIterations(); it++) {
                DynamicsStatistics stats = DynamicsStatistics.empty(model.latentDim());
                for (LaplacePosterior q : posteriors) stats = stats.plus(DynamicsStatistics.of(q));
                double[][] dyn = stats.maximize();
                double[][] em = emissions.maximize(model, data, posteriors, executor);
                model = GeneralizedLinearDynamicalSystem.of(model.family(), model.latentDim(), model.obsDim(), dyn[0], dyn[1],
                        dyn[2], dyn[3], dyn[4], em[0], em[1]);
                List<double[]> warm = new ArrayList<>();
                for (LaplacePosterior q : posteriors) warm.add(q.mode());
                posteriors = eStep(model, data, warm, laplace, executor);
                objective[it] = evidence(posteriors);
                done = it;
                options.listener().iterationDone(it, options.maxIterations(), objective[it]);
                double rise = objective[it] - objective[it - 1];
                if (options.tolerance() > 0 && Math.abs(rise) < options.tolerance() * Math.max(1.0, Math.abs(objective[it]))) {
                    converged = true;
                    reason = "objective changed by " + rise + " < tolerance";
                    break;
                }
            }
        }
        return new FitResult<>(model, java.util.Arrays.copyOf(objective, done + 1), done,
                (System.nanoTime() - start) / 1e9, converged, reason);
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
