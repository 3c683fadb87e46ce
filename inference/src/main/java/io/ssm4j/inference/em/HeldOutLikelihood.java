package io.ssm4j.inference.em;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.fit.CrossValidation;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;

import java.util.List;

/**
 * Held-out log-likelihood of HMMs and ARHMMs, to choose the number of states K by cross-validation
 * ({@link CrossValidation}): each fold is fitted by EM from k-means with restarts ({@link HmmFitter}) and scored
 * with the forward algorithm's exact log p(y | theta):
 * <ul>
 *   <li>over trials: fit on all folds but one, score log p(y_heldout | theta) on the left-out trials;</li>
 *   <li>over masked time bins: score log p(y_hidden | y_observed, theta) = log p(y | theta) - log p(y_observed | theta).</li>
 * </ul>
 */
public final class HeldOutLikelihood {
    private HeldOutLikelihood() {}

    /** Cross-validation over trials with the given number of folds (trial i goes to fold i mod folds). */
    public static List<CrossValidation.Fold> overTrials(HmmSpec spec, Trials trials, int folds, FitOptions options, int restarts,
                                                        Rng rng) {
        return CrossValidation.overTrials(trials, folds, rng, fitter(spec, options, restarts), HiddenMarkovInference::logLikelihood);
    }

    /**
     * Cross-validation over masked time bins: each of the folds hides a different random set of blocks
     * covering about {@code fraction} of the steps of every trial.
     */
    public static List<CrossValidation.Fold> overMaskedBins(HmmSpec spec, Trials trials, double fraction, int folds,
                                                            int blockLength, FitOptions options, int restarts, Rng rng) {
        return CrossValidation.overMaskedBins(trials, fraction, folds, blockLength, rng, fitter(spec, options, restarts),
                HiddenMarkovInference::logLikelihood);
    }

    private static CrossValidation.Fitter<HiddenMarkovModel> fitter(HmmSpec spec, FitOptions options, int restarts) {
        return (train, rng) -> HmmFitter.fit(spec, train, options, restarts, rng).model();
    }
}
