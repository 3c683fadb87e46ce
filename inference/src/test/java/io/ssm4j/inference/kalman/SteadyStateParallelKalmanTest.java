package io.ssm4j.inference.kalman;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import static io.ssm4j.inference.kalman.ParallelKalmanSmootherTest.assertArraysClose;
import static io.ssm4j.inference.kalman.ParallelKalmanSmootherTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The blocked steady-state filter and smoother against the sequential ones ({@link KalmanFilter}, {@link KalmanSmoother}). */
class SteadyStateParallelKalmanTest {
    private static final ForkJoinPool TWO = new ForkJoinPool(2), FOUR = new ForkJoinPool(4);

    @AfterAll
    static void shutdown() {
        TWO.shutdown();
        FOUR.shutdown();
    }

    @Test
    void longSequencesMatchTheSequentialSmootherWithInputs() {
        LinearGaussianStateSpaceModel model = RandomLds.model(21, 4, 6, 2, 0);
        TimeSeries y = RandomLds.data(model, 100_000, 0.0, 5);
        SmoothedPosterior expected = KalmanSmoother.smooth(model, y);
        SmoothedPosterior actual = SteadyStateParallelKalman.smooth(model, y, KalmanOptions.defaults(), TWO);
        assertTrue(SteadyStateParallelKalman.partition(y.length()).count() >= 6);
        assertClose(expected, actual, 1e-10);
        FilteredPosterior f = KalmanFilter.filter(model, y), g = SteadyStateParallelKalman.filter(model, y, KalmanOptions.defaults(), TWO);
        assertEquals(f.steadyFrom(), g.steadyFrom());
        assertArraysClose(f.filteredMeans(), g.filteredMeans(), 1e-10, "filtered means");
        assertArraysClose(f.predictedMeans(), g.predictedMeans(), 1e-10, "predicted means");
        assertArrayEquals(f.filteredCovariances(), g.filteredCovariances());
        assertArrayEquals(f.predictedCovariances(), g.predictedCovariances());
    }

    @Test
    void slowlyDecayingDynamicsCarryCorrectionsAcrossWholeBlocks() {
        // a rotation with spectral radius 0.9999 and weak observations: the correction needs more than a block
        double r = 0.9999, w = 0.01;
        LinearGaussianStateSpaceModel model = model(new double[] {r * Math.cos(w), -r * Math.sin(w), r * Math.sin(w), r * Math.cos(w)},
                1e-4, 100.0);
        TimeSeries y = RandomLds.data(model, 70_000, 0.0, 8);
        SmoothedPosterior expected = KalmanSmoother.smooth(model, y);
        SmoothedPosterior actual = SteadyStateParallelKalman.smooth(model, y, KalmanOptions.defaults(), TWO);
        assertClose(expected, actual, 1e-9);
    }

    @Test
    void everyPoolGivesBitIdenticalResults() {
        LinearGaussianStateSpaceModel model = RandomLds.model(3, 3, 5, 0, 0);
        TimeSeries y = RandomLds.data(model, 50_000, 0.0, 2);
        SmoothedPosterior here = SteadyStateParallelKalman.smooth(model, y, KalmanOptions.defaults(), null);
        for (ForkJoinPool pool : new ForkJoinPool[] {TWO, FOUR}) {
            SmoothedPosterior there = SteadyStateParallelKalman.smooth(model, y, KalmanOptions.defaults(), pool);
            assertEquals(here.logLikelihood(), there.logLikelihood(), 0.0);
            assertArrayEquals(here.means(), there.means());
            assertArrayEquals(here.covariances(), there.covariances());
            assertArrayEquals(here.crossCovariances(), there.crossCovariances());
        }
    }

    @Test
    void theChooserUsesItForLongSteadyStateDataOnAnyPool() {
        LinearGaussianStateSpaceModel model = RandomLds.model(3, 3, 5, 0, 0);
        TimeSeries y = RandomLds.data(model, KalmanInference.STEADY_BLOCKED_LENGTH, 0.0, 2);
        for (ForkJoinPool pool : new ForkJoinPool[] {null, TWO}) {
            assertEquals(KalmanInference.Algorithm.STEADY_STATE_BLOCKS, KalmanInference.choose(model, y, KalmanOptions.defaults(), pool));
        }
        TimeSeries shorter = RandomLds.data(model, KalmanInference.STEADY_BLOCKED_LENGTH - 1, 0.0, 2);
        assertEquals(KalmanInference.Algorithm.SEQUENTIAL, KalmanInference.choose(model, shorter, KalmanOptions.defaults(), TWO));
        TimeSeries missing = RandomLds.data(model, KalmanInference.STEADY_BLOCKED_LENGTH, 0.01, 2);
        assertEquals(KalmanInference.Algorithm.SEQUENTIAL, KalmanInference.choose(model, missing, KalmanOptions.defaults(), TWO));
    }

    /** D = 2, N = 1: x' = A x + N(0, q I), y = x_1 + N(0, r). */
    private static LinearGaussianStateSpaceModel model(double[] a, double q, double r) {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(a, 2, 2));
        p.put("Q", NdArray.of(new double[] {q, 0, 0, q}, 2, 2));
        p.put("C", NdArray.of(new double[] {1, 0}, 1, 2));
        p.put("R", NdArray.of(new double[] {r}, 1, 1));
        p.put("m0", NdArray.of(new double[] {1, -1}, 2));
        p.put("P0", NdArray.of(new double[] {1, 0, 0, 1}, 2, 2));
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }
}
