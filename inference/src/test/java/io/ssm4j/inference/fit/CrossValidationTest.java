package io.ssm4j.inference.fit;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fold assignment and the block mask shared by every held-out likelihood. */
class CrossValidationTest {
    /** Trial i has length 10 + i, so its length names it. */
    private static Trials trials(int n) {
        List<TimeSeries> list = new ArrayList<>();
        for (int i = 0; i < n; i++) list.add(TimeSeries.of(new double[(10 + i) * 2], 10 + i, 2));
        return Trials.of(list);
    }

    @Test
    void overTrialsTrainsOnTheOtherFoldsAndScoresTrialIInFoldIModFolds() {
        Trials data = trials(7);
        List<List<Integer>> trained = new ArrayList<>();
        List<CrossValidation.Fold> folds = CrossValidation.overTrials(data, 3, Rng.seeded(1), (train, rng) -> {
            List<Integer> ids = new ArrayList<>();
            for (TimeSeries y : train) ids.add(y.length() - 10);
            trained.add(ids);
            return ids;
        }, (ids, y) -> {
            assertFalse(ids.contains(y.length() - 10), "a scored trial was in the training set");
            return y.length();
        });
        assertEquals(List.of(List.of(1, 2, 4, 5), List.of(0, 2, 3, 5, 6), List.of(0, 1, 3, 4, 6)), trained);
        assertEquals(10 + 13 + 16, folds.get(0).steps());
        assertEquals(10 + 13 + 16, folds.get(0).logLikelihood(), 0.0);
        assertEquals(1.0, CrossValidation.meanPerStep(folds), 0.0);
        assertThrows(IllegalArgumentException.class, () -> CrossValidation.overTrials(data, 8, Rng.seeded(1), (t, r) -> t, (m, y) -> 0));
    }

    @Test
    void hiddenBlocksAreWholeStepsInAlignedBlocksAndKeepTheOwnMask() {
        int t = 4000, d = 3, block = 7;
        boolean[] own = new boolean[t * d];
        java.util.Arrays.fill(own, true);
        own[5 * d + 1] = false;
        TimeSeries y = TimeSeries.of(new double[t * d], t, d).withMask(own);
        boolean[] keep = CrossValidation.hideBlocks(y, 0.25, block, Rng.seeded(3));
        int hiddenRows = 0;
        for (int s = 0; s < t; s++) {
            boolean rowHidden = !keep[s * d] && !keep[s * d + 2];
            if (rowHidden) hiddenRows++;
            for (int a = 0; a < d; a++) {
                if (s != 5 || a != 1) assertEquals(!rowHidden, keep[s * d + a], "step " + s + " is hidden only in part");
            }
            assertEquals(rowHidden, !keep[(s / block) * block * d], "step " + s + " differs from its block's first step");
        }
        assertFalse(keep[5 * d + 1], "the data's own missing entry must stay missing");
        assertEquals(0.25, hiddenRows / (double) t, 0.05);
        assertTrue(hiddenRows % block == 0 || (t % block != 0), "whole blocks are hidden");
    }

    @Test
    void aFoldThatHidesNothingIsRefused() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.overMaskedBins(trials(1), 1e-9, 1, 5,
                Rng.seeded(1), (t, r) -> t, (m, y) -> 0));
        assertTrue(e.getMessage().contains("hid no time step"), e.getMessage());
    }
}
