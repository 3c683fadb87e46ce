package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Filter, smoother, cross-covariances and log-likelihood against dense joint-Gaussian conditioning over all T steps. */
class KalmanDenseTruthTest {
    static final double TOL = 1e-9;

    /** (name, D, N, M, time-varying, missing fraction, T). */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("plain", 3, 2, 0, false, 0.0, 40),
                Arguments.of("inputs", 2, 3, 2, false, 0.0, 30),
                Arguments.of("masked", 4, 3, 0, false, 0.3, 50),
                Arguments.of("masked+inputs", 3, 4, 1, false, 0.25, 35),
                Arguments.of("time-varying", 3, 2, 2, true, 0.2, 25),
                Arguments.of("one-dim", 1, 1, 0, false, 0.1, 50),
                Arguments.of("N>D", 2, 5, 0, false, 0.0, 45));
    }

    static Stream<Arguments> casesWithUpdate() {
        return cases().flatMap(a -> Stream.of(CovarianceUpdate.values()).map(u -> {
            Object[] o = a.get();
            Object[] r = java.util.Arrays.copyOf(o, o.length + 1);
            r[o.length] = u;
            return Arguments.of(r);
        }));
    }

    private static LinearGaussianStateSpaceModel model(int d, int n, int m, boolean varying, int t) {
        return RandomLds.model(17L * d + 31L * n + m, d, n, m, varying ? t : 0);
    }

    @ParameterizedTest(name = "{0} {7}")
    @MethodSource("casesWithUpdate")
    void smootherMatchesDenseConditioning(String name, int d, int n, int m, boolean varying, double missing, int t,
                                          CovarianceUpdate update) {
        LinearGaussianStateSpaceModel model = model(d, n, m, varying, t);
        TimeSeries y = RandomLds.data(model, t, missing, 5 + d);
        SmoothedPosterior post = KalmanSmoother.smooth(model, y, new KalmanOptions(update, KalmanOptions.DEFAULT_TOLERANCE));
        DenseLds truth = new DenseLds(model, y, t);
        assertEquals(truth.logLikelihood, post.logLikelihood(), TOL * Math.max(1, Math.abs(truth.logLikelihood)), "log-likelihood");
        for (int s = 0; s < t; s++) {
            for (int i = 0; i < d; i++) assertEquals(truth.mean[s * d + i], post.means()[s * d + i], TOL, "mean t=" + s);
            assertBlock(truth.covBlock(s, s), post.covariances(), s * d * d, "covariance t=" + s);
            if (s + 1 < t) assertBlock(truth.covBlock(s + 1, s), post.crossCovariances(), s * d * d, "cross-covariance t=" + s);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filterMatchesConditioningOnThePast(String name, int d, int n, int m, boolean varying, double missing, int t) {
        LinearGaussianStateSpaceModel model = model(d, n, m, varying, t);
        TimeSeries y = RandomLds.data(model, t, missing, 5 + d);
        FilteredPosterior f = KalmanFilter.filter(model, y);
        for (int s = 0; s < t; s += 7) {
            DenseLds truth = new DenseLds(model, y, s + 1);
            for (int i = 0; i < d; i++) assertEquals(truth.mean[s * d + i], f.filteredMeans()[s * d + i], TOL, "filtered mean t=" + s);
            assertBlock(truth.covBlock(s, s), f.filteredCovariances(), s * d * d, "filtered covariance t=" + s);
            if (s + 1 < t) {
                for (int i = 0; i < d; i++) assertEquals(truth.mean[(s + 1) * d + i], f.predictedMeans()[(s + 1) * d + i], TOL, "predicted mean");
                assertBlock(truth.covBlock(s + 1, s + 1), f.predictedCovariances(), (s + 1) * d * d, "predicted covariance t=" + (s + 1));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void steadyStateSwitchChangesNothing(String name, int d, int n, int m, boolean varying, double missing, int t) {
        LinearGaussianStateSpaceModel model = model(d, n, m, varying, t);
        TimeSeries y = RandomLds.data(model, t, missing, 5 + d);
        SmoothedPosterior fast = KalmanSmoother.smooth(model, y);
        SmoothedPosterior full = KalmanSmoother.smooth(model, y, KalmanOptions.defaults().withoutSteadyState());
        assertEquals(full.logLikelihood(), fast.logLikelihood(), 1e-12 * Math.abs(full.logLikelihood()));
        for (int i = 0; i < full.means().length; i++) assertEquals(full.means()[i], fast.means()[i], 1e-12);
        for (int i = 0; i < full.covariances().length; i++) assertEquals(full.covariances()[i], fast.covariances()[i], 1e-12);
        for (int i = 0; i < full.crossCovariances().length; i++) assertEquals(full.crossCovariances()[i], fast.crossCovariances()[i], 1e-12);
    }

    @org.junit.jupiter.api.Test
    void steadyStateIsReachedOnLongFullyObservedData() {
        LinearGaussianStateSpaceModel model = RandomLds.model(3, 3, 4, 0, 0);
        TimeSeries y = RandomLds.data(model, 400, 0, 9);
        FilteredPosterior f = KalmanFilter.filter(model, y);
        assertTrue(f.steadyFrom() < 200, "steady state from t=" + f.steadyFrom());
        DenseLds truth = new DenseLds(model, y, 400);
        SmoothedPosterior p = KalmanSmoother.smooth(model, f, KalmanOptions.defaults());
        assertEquals(truth.logLikelihood, p.logLikelihood(), TOL * Math.abs(truth.logLikelihood));
        for (int s = 0; s < 400; s += 13) {
            for (int i = 0; i < 3; i++) assertEquals(truth.mean[s * 3 + i], p.means()[s * 3 + i], TOL);
            assertBlock(truth.covBlock(s, s), p.covariances(), s * 9, "covariance t=" + s);
        }
    }

    static void assertBlock(double[] expected, double[] actual, int offset, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[offset + i], TOL, what + " entry " + i);
        }
    }
}
