package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ForkJoinPool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sequential / parallel choice of {@link KalmanInference}. */
class KalmanInferenceTest {
    @Test
    void twoWorkersNeverGoParallel() {
        for (int d : new int[] {1, 2, 4, 10, 32}) {
            for (boolean steady : new boolean[] {true, false}) {
                assertFalse(KalmanInference.parallelPays(d, 2 * d, 1_000_000, steady, 2), "D=" + d + " steady=" + steady);
            }
        }
    }

    @Test
    void manyWorkersGoParallelOnlyWithoutTheSteadyStateShortcutAndForLongSequences() {
        assertTrue(KalmanInference.parallelPays(4, 8, 100_000, false, 16));
        assertFalse(KalmanInference.parallelPays(4, 8, 100_000, true, 16));
        assertFalse(KalmanInference.parallelPays(4, 8, KalmanInference.MIN_LENGTH - 1, false, 64));
        assertTrue(KalmanInference.parallelPays(4, 8, 100_000, true, 64));
    }

    @Test
    void theChoiceReturnsTheChosenAlgorithmsResult() {
        LinearGaussianStateSpaceModel model = RandomLds.model(5, 3, 4, 1, 0);
        TimeSeries y = RandomLds.data(model, 5000, 0.1, 9);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            SmoothedPosterior chosen = KalmanInference.smooth(model, y, KalmanOptions.defaults(), pool);
            boolean parallel = KalmanInference.choose(model, y, KalmanOptions.defaults(), pool)
                    == KalmanInference.Algorithm.PARALLEL_SCAN;
            SmoothedPosterior expected = parallel ? ParallelKalmanSmoother.smooth(model, y, pool) : KalmanSmoother.smooth(model, y);
            assertEquals(expected.logLikelihood(), chosen.logLikelihood(), 0.0);
            assertArrayEquals(expected.means(), chosen.means());
            assertArrayEquals(expected.crossCovariances(), chosen.crossCovariances());
            assertThrows(IllegalArgumentException.class, () -> KalmanInference.smooth(model, y, null, pool));
        } finally {
            pool.shutdown();
        }
    }
}
