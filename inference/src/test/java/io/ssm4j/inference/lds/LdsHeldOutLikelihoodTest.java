package io.ssm4j.inference.lds;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.CrossValidation;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Held-out likelihood of the Gaussian LDS rises to the true latent dimension D = 2 and not (much) beyond. */
class LdsHeldOutLikelihoodTest {
    private static final FitOptions OPTIONS = new FitOptions(150, 1e-7, 1, null);

    private static double score(int d, Trials data, boolean overTrials) {
        LdsEmOptions em = LdsEmOptions.defaults();
        List<CrossValidation.Fold> folds = overTrials
                ? LdsHeldOutLikelihood.overTrials(d, data, 3, OPTIONS, em)
                : LdsHeldOutLikelihood.overMaskedBins(d, data, 0.2, 2, 20, OPTIONS, em, Rng.seeded(1));
        return CrossValidation.meanPerStep(folds);
    }

    private static void assertPicksTwo(Trials data, boolean overTrials) {
        double s1 = score(1, data, overTrials), s2 = score(2, data, overTrials), s4 = score(4, data, overTrials);
        assertTrue(s2 > s1 + 0.3, "held-out LL per step should rise from D=1 to D=2: " + s1 + ", " + s2);
        assertTrue(s4 < s2 + 0.02, "D=4 should not beat D=2 by much: " + s2 + " vs " + s4);
    }

    @Test
    void crossValidationOverTrialsPicksTheTrueLatentDimension() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(6, 0, true);
        List<TimeSeries> trials = new ArrayList<>();
        for (int i = 0; i < 6; i++) trials.add(LdsTestModels.sample(truth, 300, 20 + i).observations());
        assertPicksTwo(Trials.of(trials), true);
    }

    @Test
    void crossValidationOverMaskedBinsPicksTheTrueLatentDimension() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(6, 0, true);
        assertPicksTwo(Trials.of(LdsTestModels.sample(truth, 1200, 5).observations()), false);
    }
}
