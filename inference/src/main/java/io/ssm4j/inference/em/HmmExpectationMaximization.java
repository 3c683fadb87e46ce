package io.ssm4j.inference.em;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.ExpectationMaximization;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.models.hmm.HiddenMarkovModel;

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

    /** EM from a start or a checkpoint, handing the progress after every iteration to afterIteration. */
    public static FitResult<HiddenMarkovModel> fit(EmProgress<HiddenMarkovModel> from, Trials trials, FitOptions options,
                                                   Consumer<EmProgress<HiddenMarkovModel>> afterIteration) {
        try (TrialExecutor ex = new TrialExecutor(Math.min(options.threads(), trials.size()))) {
            return ExpectationMaximization.run(from, new ExpectationMaximization.Steps<HiddenMarkovModel, HmmStatistics>() {
                @Override
                public HmmStatistics expect(HiddenMarkovModel model) { return HmmEStep.of(model, trials, ex); }

                @Override
                public HiddenMarkovModel maximize(HiddenMarkovModel model, HmmStatistics s) { return HmmEStep.maximize(model, s); }

                @Override
                public double objective(HiddenMarkovModel model, HmmStatistics s) { return HmmExpectationMaximization.objective(model, s); }
            }, options, "a state may have collapsed onto too few points; try a prior or fewer states", afterIteration);
        }
    }

    /** log p(y | theta) + log p(theta). */
    static double objective(HiddenMarkovModel m, HmmStatistics s) { return s.logLikelihood() + m.logPrior(); }
}
