package io.ssm4j.inference.em;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A fit resumed from any checkpoint ends exactly where the uninterrupted fit ends. */
class CheckpointResumeTest {
    @Test
    void resumingFromAnyCheckpointGivesTheUninterruptedResult() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(new double[] {0.9, 0.1, 0.2, 0.8}, 2, 2));
        p.put("rates", NdArray.of(new double[] {1, 4, 5, 0.5}, 2, 2));
        HmmSpec spec = HmmSpec.of(2, 2, EmissionType.POISSON);
        Trials data = Trials.of(HmmFactory.fromParameters(spec, p).sample(800, null, 0, Rng.seeded(1)).observations());
        FitOptions options = new FitOptions(12, 0, 1, null);
        List<FitterState> states = new ArrayList<>();
        FitResult<HiddenMarkovModel> full = HmmFitter.fit(spec, data, options, 3, Rng.seeded(7), null, states::add);
        assertEquals(36, states.size(), "one checkpoint per iteration of each of the 3 restarts");
        for (int i : new int[] {0, 5, 11, 12, 20, 35}) {
            FitterState s = states.get(i);
            FitResult<HiddenMarkovModel> resumed = HmmFitter.fit(spec, data, options, 3, Rng.seeded(7), s, x -> { });
            assertArrayEquals(full.objective(), resumed.objective(), "objective trace after resuming checkpoint " + i);
            assertEquals(full.model().parameters(), resumed.model().parameters(), "parameters after resuming checkpoint " + i);
        }
    }
}
