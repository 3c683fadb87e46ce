package io.ssm4j.inference.kalman;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parallel-in-time filter and smoother against the sequential ones, across partitions and pool sizes. */
class ParallelKalmanSmootherTest {
    static final ForkJoinPool[] POOLS = {new ForkJoinPool(1), new ForkJoinPool(2), new ForkJoinPool(4)};

    @AfterAll
    static void shutdown() {
        for (ForkJoinPool p : POOLS) p.shutdown();
    }

    /** (name, D, N, M, time-varying, missing fraction, T, blocks). */
    static Stream<Arguments> smallCases() {
        return Stream.of(
                Arguments.of("plain", 3, 2, 0, false, 0.0, 60, 7),
                Arguments.of("inputs", 2, 3, 2, false, 0.0, 45, 5),
                Arguments.of("masked", 4, 3, 0, false, 0.3, 50, 6),
                Arguments.of("masked+inputs", 3, 4, 1, false, 0.25, 41, 4),
                Arguments.of("time-varying", 3, 2, 2, true, 0.2, 33, 5),
                Arguments.of("one-dim", 1, 1, 0, false, 0.1, 50, 9),
                Arguments.of("blocks of one step", 2, 3, 1, false, 0.2, 12, 12),
                Arguments.of("two blocks", 2, 2, 0, false, 0.0, 30, 2));
    }

    private static LinearGaussianStateSpaceModel model(int d, int n, int m, boolean varying, int t) {
        return RandomLds.model(17L * d + 31L * n + m, d, n, m, varying ? t : 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCases")
    void smallCasesMatchTheSequentialSmootherAndAreBitIdenticalAcrossPools(String name, int d, int n, int m,
                                                                            boolean varying, double missing, int t,
                                                                            int blocks) {
        LinearGaussianStateSpaceModel model = model(d, n, m, varying, t);
        TimeSeries y = RandomLds.data(model, t, missing, 11 + d);
        KalmanOptions options = KalmanOptions.defaults();
        SmoothedPosterior seq = KalmanSmoother.smooth(model, y, options);
        SmoothedPosterior first = null;
        for (ForkJoinPool pool : POOLS) {
            SmoothedPosterior par = ParallelKalmanSmoother.smooth(model, y, options, pool, TimeBlocks.of(t, blocks));
            if (first == null) {
                first = par;
                assertClose(seq, par, 1e-9);
            } else {
                assertEquals(first.logLikelihood(), par.logLikelihood(), 0.0, "log-likelihood, pool " + pool.getParallelism());
                assertArrayEquals(first.means(), par.means(), "means, pool " + pool.getParallelism());
                assertArrayEquals(first.covariances(), par.covariances(), "covariances");
                assertArrayEquals(first.crossCovariances(), par.crossCovariances(), "cross-covariances");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smallCases")
    void filterMatchesTheSequentialFilter(String name, int d, int n, int m, boolean varying, double missing, int t,
                                          int blocks) {
        LinearGaussianStateSpaceModel model = model(d, n, m, varying, t);
        TimeSeries y = RandomLds.data(model, t, missing, 11 + d);
        FilteredPosterior seq = KalmanFilter.filter(model, y, KalmanOptions.defaults().withoutSteadyState());
        FilteredPosterior par = ParallelKalmanFilter.filter(model, y, KalmanOptions.defaults(), POOLS[1], TimeBlocks.of(t, blocks));
        assertEquals(seq.logLikelihood(), par.logLikelihood(), 1e-9 * Math.abs(seq.logLikelihood()));
        assertArraysClose(seq.filteredMeans(), par.filteredMeans(), 1e-9, "filtered means");
        assertArraysClose(seq.filteredCovariances(), par.filteredCovariances(), 1e-9, "filtered covariances");
        assertArraysClose(seq.predictedMeans(), par.predictedMeans(), 1e-9, "predicted means");
        assertArraysClose(seq.predictedCovariances(), par.predictedCovariances(), 1e-9, "predicted covariances");
    }

    /** (D, N, M, missing fraction). */
    static Stream<Arguments> longCases() {
        return Stream.of(Arguments.of(2, 3, 0, 0.0), Arguments.of(3, 4, 2, 0.1), Arguments.of(4, 5, 1, 0.05),
                Arguments.of(4, 6, 0, 0.0));
    }

    @ParameterizedTest(name = "D={0} N={1} M={2} missing={3}")
    @MethodSource("longCases")
    void longSequencesMatchTheSequentialSmoother(int d, int n, int m, double missing) {
        int t = 100_000;
        LinearGaussianStateSpaceModel model = RandomLds.model(101L + d, d, n, m, 0);
        TimeSeries y = RandomLds.data(model, t, missing, 7 + d);
        SmoothedPosterior seq = KalmanSmoother.smooth(model, y);
        SmoothedPosterior par = ParallelKalmanSmoother.smooth(model, y, POOLS[1]);
        assertTrue(TimeBlocks.of(t).count() > 1);
        assertClose(seq, par, 1e-8);
    }

    @Test
    void shortSequencesRunOnOneBlock() {
        LinearGaussianStateSpaceModel model = model(2, 2, 0, false, 0);
        for (int t : new int[] {1, 2, 255}) {
            TimeSeries y = RandomLds.data(model, t, 0.0, 3);
            assertEquals(1, TimeBlocks.of(t).count());
            assertClose(KalmanSmoother.smooth(model, y), ParallelKalmanSmoother.smooth(model, y, POOLS[2]), 1e-12);
        }
    }

    @Test
    void badArgumentsAreNamed() {
        LinearGaussianStateSpaceModel model = model(2, 2, 0, false, 0);
        TimeSeries y = RandomLds.data(model, 20, 0.0, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParallelKalmanSmoother.smooth(model, y, null))
                .getMessage().contains("pool"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParallelKalmanSmoother.smooth(null, y, POOLS[0]))
                .getMessage().contains("model"));
        TimeSeries wide = RandomLds.data(model(2, 3, 0, false, 0), 20, 0.0, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParallelKalmanSmoother.smooth(model, wide, POOLS[0]))
                .getMessage().contains("observation dimension"));
        LinearGaussianStateSpaceModel withInputs = model(2, 2, 1, false, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ParallelKalmanSmoother.smooth(withInputs, y, POOLS[0]))
                .getMessage().contains("inputs"));
        assertThrows(IllegalArgumentException.class, () -> TimeBlocks.of(10, 11));
        assertThrows(IllegalArgumentException.class, () -> TimeBlocks.of(10, 0));
    }

    @Test
    void aDegenerateStepIsNamedAsTheSequentialFilterNamesIt() {
        LinearGaussianStateSpaceModel model = LinearGaussianStateSpaceModel.fromParameters(Map.of(
                "A", NdArray.of(new double[] {0.9, 0, 0, 0.9}, 2, 2),
                "Q", NdArray.of(new double[] {0, 0, 0, 0}, 2, 2),
                "C", NdArray.of(new double[] {1, 0, 0, 1}, 2, 2),
                "R", NdArray.of(new double[] {0, 0, 0, 0}, 2, 2),
                "m0", NdArray.of(new double[] {0, 0}, 2),
                "P0", NdArray.of(new double[] {1, 0, 0, 1}, 2, 2)));
        TimeSeries y = TimeSeries.of(new double[600 * 2], 600, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ParallelKalmanSmoother.smooth(model, y, KalmanOptions.defaults(), POOLS[1], TimeBlocks.of(600, 4)));
        IllegalStateException seq = assertThrows(IllegalStateException.class, () -> KalmanSmoother.smooth(model, y));
        assertEquals(seq.getMessage(), e.getMessage());
        assertTrue(e.getMessage().contains("t=1"), e.getMessage());
    }

    static void assertClose(SmoothedPosterior expected, SmoothedPosterior actual, double tol) {
        assertEquals(expected.length(), actual.length());
        assertEquals(expected.latentDim(), actual.latentDim());
        assertEquals(expected.logLikelihood(), actual.logLikelihood(), tol * Math.max(1, Math.abs(expected.logLikelihood())),
                "log-likelihood");
        assertArraysClose(expected.means(), actual.means(), tol, "means");
        assertArraysClose(expected.covariances(), actual.covariances(), tol, "covariances");
        assertArraysClose(expected.crossCovariances(), actual.crossCovariances(), tol, "cross-covariances");
    }

    static void assertArraysClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            if (!(Math.abs(expected[i] - actual[i]) <= tol * Math.max(1, Math.abs(expected[i])))) {
                throw new AssertionError(what + " differ at " + i + ": " + expected[i] + " vs " + actual[i]);
            }
        }
    }
}
