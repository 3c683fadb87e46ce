package io.ssm4j.inference.em;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.CrossValidation;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Held-out likelihood picks the true number of states of a simulated 3-state HMM. */
class HeldOutLikelihoodTest {
    static HiddenMarkovModel truth() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(new double[] {0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9}, 3, 3));
        p.put("means", NdArray.of(new double[] {-2, 0, 2, 0, 0, 2}, 3, 2));
        p.put("covariances", NdArray.of(new double[] {1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1}, 3, 2, 2));
        return HmmFactory.fromParameters(HmmSpec.of(3, 2, EmissionType.GAUSSIAN), p);
    }

    private static double score(int k, Trials data, boolean overTrials) {
        HmmSpec spec = HmmSpec.of(k, 2, EmissionType.GAUSSIAN);
        FitOptions options = new FitOptions(100, 1e-7, 1, null);
        List<CrossValidation.Fold> folds = overTrials
                ? HeldOutLikelihood.overTrials(spec, data, 3, options, 2, Rng.seeded(1))
                : HeldOutLikelihood.overMaskedBins(spec, data, 0.2, 2, 20, options, 2, Rng.seeded(1));
        return CrossValidation.meanPerStep(folds);
    }

    private static void assertPicksThree(Trials data, boolean overTrials) {
        double s1 = score(1, data, overTrials), s2 = score(2, data, overTrials), s3 = score(3, data, overTrials),
                s5 = score(5, data, overTrials);
        assertTrue(s3 > s2 + 0.05 && s2 > s1, "held-out LL should rise up to K=3: " + s1 + ", " + s2 + ", " + s3);
        assertTrue(s5 < s3 + 0.01, "K=5 should not beat K=3 by much: " + s3 + " vs " + s5);
    }

    @Test
    void crossValidationOverTrialsPicksTheTrueK() {
        Rng rng = Rng.seeded(7);
        List<TimeSeries> trials = new ArrayList<>();
        for (int i = 0; i < 6; i++) trials.add(truth().sample(600, null, 0, rng).observations());
        assertPicksThree(Trials.of(trials), true);
    }

    @Test
    void crossValidationOverMaskedBinsPicksTheTrueK() {
        assertPicksThree(Trials.of(truth().sample(4000, null, 0, Rng.seeded(8)).observations()), false);
    }
}
