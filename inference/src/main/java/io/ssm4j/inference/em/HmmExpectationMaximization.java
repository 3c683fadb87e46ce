package io.ssm4j.inference.em;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Expectation-maximisation for HMMs and ARHMMs (Baum 1970; Dempster, Laird and Rubin 1977): alternate the
 * E-step (forward-backward, expected statistics) and the MAP M-step until the objective
 * log p(y | theta) + log p(theta) stops rising. The objective never decreases (up to round-off); the trace
 * holds its value at theta_0 .. theta_n, each computed by the E-step that starts the next iteration (one
 * extra E-step scores the final parameters).
 */
public final class HmmExpectationMaximization {
    private HmmExpectationMaximization() {}

    public static FitResult<HiddenMarkovModel> fit(HiddenMarkovModel start, Trials trials, FitOptions options) {
        return fit(EmProgress.start(start), trials, options, p -> { });
    }

    /**
     * EM from where {@code from} stands (a fresh start or a checkpoint), calling {@code afterIteration} with the
     * progress after every iteration. options.maxIterations() counts all iterations, including those already done.
     */
    public static FitResult<HiddenMarkovModel> fit(EmProgress from, Trials trials, FitOptions options,
                                                   Consumer<EmProgress> afterIteration) {
        long t0 = System.nanoTime();
        HiddenMarkovModel model = from.model();
        double[] done = from.objective();
        double[] trace = Arrays.copyOf(done, Math.max(options.maxIterations() + 1, done.length));
        int it = from.iterations();
        boolean converged = false;
        String reason = "reached the iteration limit (" + options.maxIterations() + ")";
        try (TrialExecutor ex = new TrialExecutor(Math.min(options.threads(), trials.size()))) {
            HmmStatistics stats = HmmEStep.of(model, trials, ex);
            trace[it] = objective(model, stats);
            checkFinite(trace[it], it);
            while (it < options.maxIterations()) {
                HiddenMarkovModel next = HmmEStep.maximize(model, stats);
                HmmStatistics nextStats = HmmEStep.of(next, trials, ex);
                double obj = objective(next, nextStats);
                checkFinite(obj, it + 1);
                it++;
                trace[it] = obj;
                model = next;
                stats = nextStats;
                options.listener().iterationDone(it, options.maxIterations(), obj);
                afterIteration.accept(new EmProgress(model, Arrays.copyOf(trace, it + 1)));
                double gain = obj - trace[it - 1];
                if (options.tolerance() > 0 && Math.abs(gain) < options.tolerance() * Math.max(1, Math.abs(trace[it - 1]))) {
                    converged = true;
                    reason = "objective changed by " + gain + " < tolerance " + options.tolerance() + " (relative)";
                    break;
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        return new FitResult<>(model, Arrays.copyOf(trace, it + 1), it, secs, converged, reason);
    }

    /** log p(y | theta) + log p(theta). */
    static double objective(HiddenMarkovModel m, HmmStatistics s) { return s.logLikelihood() + m.logPrior(); }

    private static void checkFinite(double obj, int iteration) {
        if (!Double.isFinite(obj)) {
            throw new IllegalStateException("EM objective became " + obj + " at iteration " + iteration
                    + " (a state may have collapsed onto too few points; try a prior or fewer states)");
        }
    }
}
