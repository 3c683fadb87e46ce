package io.ssm4j.inference.em;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Held-out log-likelihood, to choose the number of states K by cross-validation:
 * <ul>
 *   <li>over trials: fit on all folds but one, score log p(y_heldout | theta) on the left-out trials;</li>
 *   <li>over masked time bins (for a single long recording): hide a random fraction of the time steps (whole
 *       rows) in contiguous blocks, fit on the rest with the mask honoured, and score
 *       log p(y_hidden | y_observed, theta) = log p(y | theta) - log p(y_observed | theta).</li>
 * </ul>
 * Scores are reported per held-out time step so they compare across K and folds.
 */
public final class HeldOutLikelihood {
    /** One fold's held-out log-likelihood and the number of held-out time steps. */
    public record Fold(double logLikelihood, long steps) {
        public double perStep() { return logLikelihood / steps; }
    }

    private HeldOutLikelihood() {}

    /** Cross-validation over trials with the given number of folds (trial i goes to fold i mod folds). */
    public static List<Fold> overTrials(HmmSpec spec, Trials trials, int folds, FitOptions options, int restarts, Rng rng) {
        if (folds < 2 || folds > trials.size()) {
            throw new IllegalArgumentException("cross-validation over trials needs 2 <= folds <= trials (" + trials.size()
                    + "), got " + folds);
        }
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<TimeSeries> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < trials.size(); i++) (i % folds == f ? test : train).add(trials.get(i));
            HiddenMarkovModel m = HmmFitter.fit(spec, Trials.of(train), options, restarts, rng.split()).model();
            double ll = 0;
            long steps = 0;
            for (TimeSeries y : test) {
                ll += HiddenMarkovInference.logLikelihood(m, y);
                steps += y.length();
            }
            out.add(new Fold(ll, steps));
        }
        return out;
    }

    /**
     * Cross-validation over masked time bins: each of the folds hides a different random set of blocks
     * covering about {@code fraction} of the steps of every trial.
     */
    public static List<Fold> overMaskedBins(HmmSpec spec, Trials trials, double fraction, int folds, int blockLength,
                                            FitOptions options, int restarts, Rng rng) {
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + fraction);
        if (folds < 1) throw new IllegalArgumentException("folds must be >= 1, got " + folds);
        if (blockLength < 1) throw new IllegalArgumentException("block length must be >= 1, got " + blockLength);
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            Rng foldRng = rng.split();
            List<TimeSeries> masked = new ArrayList<>();
            long hidden = 0;
            for (TimeSeries y : trials) {
                boolean[] keep = hideBlocks(y, fraction, blockLength, foldRng);
                for (int t = 0; t < y.length(); t++) if (!keep[t * y.dim()]) hidden++;
                masked.add(y.withMask(keep));
            }
            HiddenMarkovModel m = HmmFitter.fit(spec, Trials.of(masked), options, restarts, foldRng.split()).model();
            double ll = 0;
            for (int i = 0; i < trials.size(); i++) {
                ll += HiddenMarkovInference.logLikelihood(m, trials.get(i)) - HiddenMarkovInference.logLikelihood(m, masked.get(i));
            }
            out.add(new Fold(ll, hidden));
        }
        return out;
    }

    /** A row mask (true = kept) hiding random blocks that cover about fraction of the rows. */
    static boolean[] hideBlocks(TimeSeries y, double fraction, int blockLength, Rng rng) {
        int n = y.length(), d = y.dim();
        boolean[] keep = new boolean[n * d];
        for (int i = 0; i < keep.length; i++) keep[i] = y.isObserved(i / d, i % d);
        int blocks = (n + blockLength - 1) / blockLength;
        for (int b = 0; b < blocks; b++) {
            if (rng.uniform() >= fraction) continue;
            for (int t = b * blockLength; t < Math.min(n, (b + 1) * blockLength); t++) {
                for (int a = 0; a < d; a++) keep[t * d + a] = false;
            }
        }
        return keep;
    }

    /** The mean held-out log-likelihood per step over folds. */
    public static double meanPerStep(List<Fold> folds) {
        double ll = 0;
        long steps = 0;
        for (Fold f : folds) {
            ll += f.logLikelihood();
            steps += f.steps();
        }
        return ll / steps;
    }

}
