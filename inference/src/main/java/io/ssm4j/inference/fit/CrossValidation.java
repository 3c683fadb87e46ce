package io.ssm4j.inference.fit;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.math.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * Held-out log-likelihood by cross-validation, for any model family that can be fitted to trials and can score
 * log p(y | theta) of a sequence with missing entries:
 * <ul>
 *   <li>over trials: trial i goes to fold i mod folds; each fold is fitted on the other folds and scored by
 *       sum of log p(y_i | theta) over its own trials;</li>
 *   <li>over masked time bins (for a single long recording): each fold hides random contiguous blocks of whole
 *       time steps covering about a given fraction of every trial, fits on the rest with the mask honoured, and
 *       scores log p(y_hidden | y_observed, theta) = log p(y | theta) - log p(y_observed | theta).</li>
 * </ul>
 * Scores are reported with the number of held-out time steps so that they compare per step across model sizes
 * and folds (the recipe of ssm's and Linderman lab's model selection; Hastie, Tibshirani and Friedman 2009,
 * "The Elements of Statistical Learning", sec. 7.10).
 */
public final class CrossValidation {
    /** One fold's held-out log-likelihood and the number of held-out time steps. */
    public record Fold(double logLikelihood, long steps) {
        /** The held-out log-likelihood per held-out time step. */
        public double perStep() { return logLikelihood / steps; }
    }

    /**
     * Fits a model to the training trials.
     *
     * @param <M> the fitted model
     */
    @FunctionalInterface
    public interface Fitter<M> {
        M fit(Trials train, Rng rng);
    }

    /**
     * log p(y | theta) of one sequence, its missing entries marginalised out.
     *
     * @param <M> the fitted model
     */
    @FunctionalInterface
    public interface Scorer<M> {
        double logLikelihood(M model, TimeSeries y);
    }

    private CrossValidation() {}

    /**
     * Cross-validation over trials; the fit of fold f gets the f-th split of rng.
     *
     * @throws IllegalArgumentException unless 2 <= folds <= number of trials
     */
    public static <M> List<Fold> overTrials(Trials trials, int folds, Rng rng, Fitter<M> fitter, Scorer<M> scorer) {
        if (folds < 2 || folds > trials.size()) {
            throw new IllegalArgumentException("cross-validation over trials needs 2 <= folds <= trials (" + trials.size()
                    + "), got " + folds);
        }
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<TimeSeries> train = new ArrayList<>(), test = new ArrayList<>();
            for (int i = 0; i < trials.size(); i++) (i % folds == f ? test : train).add(trials.get(i));
            M model = fitter.fit(Trials.of(train), rng.split());
            double ll = 0;
            long steps = 0;
            for (TimeSeries y : test) {
                ll += scorer.logLikelihood(model, y);
                steps += y.length();
            }
            out.add(new Fold(ll, steps));
        }
        return out;
    }

    /**
     * Cross-validation over masked time bins: each fold draws a split of rng, hides its blocks with it and hands
     * the fit a further split of it.
     *
     * @throws IllegalArgumentException when fraction is outside (0, 1), folds or blockLength is below 1, or a fold
     *                                  happens to hide no time step
     */
    public static <M> List<Fold> overMaskedBins(Trials trials, double fraction, int folds, int blockLength, Rng rng,
                                                Fitter<M> fitter, Scorer<M> scorer) {
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
            if (hidden == 0) {
                throw new IllegalArgumentException("fold " + f + " hid no time step: raise the held-out fraction (" + fraction
                        + ") or shorten the blocks (" + blockLength + ")");
            }
            M model = fitter.fit(Trials.of(masked), foldRng.split());
            double ll = 0;
            for (int i = 0; i < trials.size(); i++) {
                ll += scorer.logLikelihood(model, trials.get(i)) - scorer.logLikelihood(model, masked.get(i));
            }
            out.add(new Fold(ll, hidden));
        }
        return out;
    }

    /**
     * A mask (true = kept, T x D row-major) that keeps y's own mask and hides whole rows in blocks of blockLength
     * steps, each block hidden with probability fraction.
     */
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

    /** The held-out log-likelihood per step pooled over folds: sum of log-likelihoods / sum of steps. */
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
