package io.ssm4j.inference.em;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;

import java.util.List;
import java.util.function.Consumer;

/**
 * EM with restarts: each restart starts from its own k-means initialisation (its own random stream, split in
 * order from the seed), runs EM, and the fit with the highest final objective is kept. The same seed gives
 * the same result whatever the thread count.
 */
public final class HmmFitter {
    private HmmFitter() {}

    public static FitResult<HiddenMarkovModel> fit(HmmSpec spec, Trials trials, FitOptions options, int restarts, Rng rng) {
        return fit(spec, trials, options, restarts, rng, null, state -> { });
    }

    /**
     * As above, resuming from {@code resume} (a checkpoint of the same fit, or null to start afresh) and calling
     * {@code afterIteration} with the whole fit's state after every EM iteration (to write checkpoints).
     * A resumed fit ends with exactly the result of an uninterrupted one: restarts draw their k-means
     * initialisations from streams split in order from the seed, and EM continues deterministically.
     */
    public static FitResult<HiddenMarkovModel> fit(HmmSpec spec, Trials trials, FitOptions options, int restarts, Rng rng,
                                                   FitterState resume, Consumer<FitterState> afterIteration) {
        if (restarts < 1) throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        if (resume != null && (resume.restart() < 0 || resume.restart() >= restarts)) {
            throw new IllegalArgumentException("checkpoint is of restart " + resume.restart() + " but the fit has "
                    + restarts + " restarts");
        }
        List<Rng> streams = rng.split(restarts);
        FitResult<HiddenMarkovModel> best = resume == null ? null : resume.best();
        double seconds = best == null ? 0 : best.wallSeconds();
        for (int r = resume == null ? 0 : resume.restart(); r < restarts; r++) {
            EmProgress<HiddenMarkovModel> from = resume != null && r == resume.restart() ? resume.current()
                    : EmProgress.start(HmmInitializer.kMeans(spec, trials, streams.get(r)));
            final int restart = r;
            final FitResult<HiddenMarkovModel> bestSoFar = best;
            FitResult<HiddenMarkovModel> result = HmmExpectationMaximization.fit(from, trials, options,
                    p -> afterIteration.accept(new FitterState(restart, p, bestSoFar)));
            seconds += result.wallSeconds();
            if (best == null || result.finalObjective() > best.finalObjective()) best = result;
        }
        return new FitResult<>(best.model(), best.objective(), best.iterations(), seconds, best.converged(),
                best.reason() + (restarts > 1 ? "; best of " + restarts + " restarts" : ""));
    }
}
