package io.ssm4j.inference.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad input fails fast in every entry point with a message naming the argument and the sizes or time index. */
class InputValidationTest {
    private static final double[] PI = {0.5, 0.5};
    private static final TransitionMatrices P = TransitionMatrices.stationary(new double[]{0.9, 0.1, 0.2, 0.8}, 2);

    private interface Entry {
        Object call(double[] pi, TransitionMatrices trans, double[] ll, int length);
    }

    private static List<Entry> entries() {
        return List.of(
                ForwardBackward::run,
                ForwardBackward::logLikelihood,
                Viterbi::run,
                (pi, p, ll, n) -> BackwardSampler.sample(pi, p, ll, n, Rng.seeded(1)),
                (pi, p, ll, n) -> ParallelForwardBackward.run(pi, p, ll, n, ForkJoinPool.commonPool()),
                HmmInference::posterior);
    }

    private static void expect(Class<? extends RuntimeException> type, String fragment, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void shapesAndValues() {
        for (Entry f : entries()) {
            expect(IllegalArgumentException.class, "length must be >= 1, got 0", () -> f.call(PI, P, new double[0], 0));
            expect(IllegalArgumentException.class, "logLikelihoods has length 5, expected length * numStates = 3 * 2 = 6",
                    () -> f.call(PI, P, new double[5], 3));
            expect(IllegalArgumentException.class, "initialProbs has length 3, expected numStates = 2",
                    () -> f.call(new double[]{0.2, 0.3, 0.5}, P, new double[6], 3));
            expect(IllegalArgumentException.class, "initialProbs must sum to 1",
                    () -> f.call(new double[]{0.5, 0.4}, P, new double[6], 3));
            expect(IllegalArgumentException.class, "initialProbs[1] must be finite and >= 0",
                    () -> f.call(new double[]{1.5, -0.5}, P, new double[6], 3));
            double[] nan = new double[6];
            nan[5] = Double.NaN;
            expect(IllegalArgumentException.class, "logLikelihoods[t=2, k=1] is NaN", () -> f.call(PI, P, nan, 3));
            double[] inf = new double[6];
            inf[2] = Double.POSITIVE_INFINITY;
            expect(IllegalArgumentException.class, "logLikelihoods[t=1, k=0] is Infinity", () -> f.call(PI, P, inf, 3));
            TransitionMatrices tv = TransitionMatrices.timeVarying(new double[]{1, 0, 0, 1}, 1, 2);
            expect(IllegalArgumentException.class, "trans has 1 time-varying steps, expected length - 1 = 2",
                    () -> f.call(PI, tv, new double[6], 3));
        }
    }

    @Test
    void zeroProbabilityNamesTheTimeIndex() {
        double ninf = Double.NEGATIVE_INFINITY;
        double[] allImpossible = {0, 0, 0, 0, ninf, ninf, 0, 0};
        // state 0 only reachable from 0, observation at t=2 only possible in state 1, pi puts all mass on 0
        TransitionMatrices absorbing = TransitionMatrices.stationary(new double[]{1, 0, 0.5, 0.5}, 2);
        double[] blocked = {0, ninf, 0, 0, ninf, 0, 0, 0};
        for (Entry f : entries()) {
            expect(IllegalStateException.class, "observation at t=2 has zero probability under every state",
                    () -> f.call(PI, P, allImpossible, 4));
            expect(IllegalStateException.class, "observation at t=2 has zero probability under every state",
                    () -> f.call(new double[]{1, 0}, absorbing, blocked, 4));
        }
    }

    @Test
    void transitionMatrices() {
        expect(IllegalArgumentException.class, "p has length 3, expected k*k = 2*2 = 4",
                () -> TransitionMatrices.stationary(new double[3], 2));
        expect(IllegalArgumentException.class, "transition row 1 of P sums to 0.9, expected 1 within 1.0E-8",
                () -> TransitionMatrices.stationary(new double[]{1, 0, 0.5, 0.4}, 2));
        expect(IllegalArgumentException.class, "transition entry P(step 1)[0,1] must be finite and >= 0, got -0.5",
                () -> TransitionMatrices.timeVarying(new double[]{1, 0, 0, 1, 1.5, -0.5, 0, 1}, 2, 2));
        expect(IllegalArgumentException.class, "p has length 4, expected steps*k*k = 2*2*2 = 8",
                () -> TransitionMatrices.timeVarying(new double[4], 2, 2));
        TransitionMatrices tv = TransitionMatrices.timeVarying(new double[]{1, 0, 0, 1, 0.5, 0.5, 0, 1}, 2, 2);
        assertEquals(0.5, tv.matrixView(1)[1]);
        assertEquals(4, tv.offset(1));
        assertTrue(P.matrixView(0) == P.matrixView(7));
        assertThrows(IndexOutOfBoundsException.class, () -> tv.matrixView(2));
    }
}
