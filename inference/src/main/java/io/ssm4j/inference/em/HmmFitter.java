package io.ssm4j.inference.em;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;

import java.util.List;

/**
 * EM with restarts: each restart starts from its own k-means initialisation (its own random stream, split in
 * order from the seed), runs EM, and the fit with the highest final objective is kept. The same seed gives
 * the same result whatever the thread count.
 */
public final class HmmFitter {
    private HmmFitter() {}

    public static FitResult<HiddenMarkovModel> fit(HmmSpec spec, Trials trials, FitOptions options, int restarts, Rng rng) {
        if (restarts < 1) throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        FitResult<HiddenMarkovModel> best = null;
        List<Rng> streams = HmmInitializer.restartStreams(rng, restarts);
        for (Rng stream : streams) {
            HiddenMarkovModel start = HmmInitializer.kMeans(spec, trials, stream);
            FitResult<HiddenMarkovModel> r = HmmExpectationMaximization.fit(start, trials, options);
            if (best == null || r.finalObjective() > best.finalObjective()) best = r;
        }
        return best;
    }
}
