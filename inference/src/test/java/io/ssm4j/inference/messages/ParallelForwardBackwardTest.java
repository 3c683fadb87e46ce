package io.ssm4j.inference.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The blocked parallel scan equals the sequential pass on long sequences. */
class ParallelForwardBackwardTest {
    private static ForkJoinPool pool;

    @BeforeAll
    static void start() { pool = new ForkJoinPool(3); }

    @AfterAll
    static void stop() { pool.shutdown(); }

    @Test
    void equalsSequentialOnALongStationaryChain() {
        Rng rng = Rng.seeded(41);
        int k = 4, length = 100_000;
        double[] pi = RandomHmm.simplex(rng, k, 0.25);
        double[] p = RandomHmm.sticky(rng, k, 0.8);
        p[1] = 0;                       // a forbidden transition 0 -> 1
        double s = 0;
        for (int j = 0; j < k; j++) s += p[j];
        for (int j = 0; j < k; j++) p[j] /= s;
        TransitionMatrices trans = TransitionMatrices.stationary(p, k);
        double[] ll = RandomHmm.logLikelihoods(rng, length, k, 3.0);
        for (int t = 0; t < length; t += 97) ll[t * k + 2] = Double.NEGATIVE_INFINITY;
        for (int t = 5; t < length; t += 1013) java.util.Arrays.fill(ll, t * k, t * k + k, 0.0);
        assertSame(ForwardBackward.run(pi, trans, ll, length), ParallelForwardBackward.run(pi, trans, ll, length, pool));
    }

    @Test
    void equalsSequentialWithTimeVaryingTransitions() {
        Rng rng = Rng.seeded(42);
        int k = 3, length = 20_000;
        double[] pi = RandomHmm.simplex(rng, k, 0);
        TransitionMatrices trans = TransitionMatrices.timeVarying(RandomHmm.matrices(rng, length - 1, k, 0.2), length - 1, k);
        double[] ll = RandomHmm.logLikelihoods(rng, length, k, 1.0);
        HmmPosterior seq = ForwardBackward.run(pi, trans, ll, length);
        HmmPosterior par = ParallelForwardBackward.run(pi, trans, ll, length, pool);
        assertSame(seq, par);
        assertArrayEquals(seq.perStepTransitions(), par.perStepTransitions(), 1e-9);
    }

    @Test
    void sameResultForEveryPoolSize() {
        Rng rng = Rng.seeded(43);
        int k = 2, length = 30_000;
        double[] pi = RandomHmm.simplex(rng, k, 0);
        TransitionMatrices trans = TransitionMatrices.stationary(RandomHmm.sticky(rng, k, 0.5), k);
        double[] ll = RandomHmm.logLikelihoods(rng, length, k, 1.0);
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            HmmPosterior a = ParallelForwardBackward.run(pi, trans, ll, length, one);
            HmmPosterior b = ParallelForwardBackward.run(pi, trans, ll, length, pool);
            assertEquals(a.logLikelihood(), b.logLikelihood(), 0.0);
            assertArrayEquals(a.expectedStates(), b.expectedStates(), 0.0);
            assertArrayEquals(a.expectedTransitions(), b.expectedTransitions(), 0.0);
        } finally {
            one.shutdown();
        }
    }

    @Test
    void shortSequencesAndZeroProbabilityErrors() {
        Rng rng = Rng.seeded(44);
        int k = 3, length = 5000;
        double[] pi = RandomHmm.simplex(rng, k, 0);
        TransitionMatrices trans = TransitionMatrices.stationary(RandomHmm.sticky(rng, k, 0.5), k);
        double[] ll = RandomHmm.logLikelihoods(rng, 7, k, 1.0);
        assertSame(ForwardBackward.run(pi, trans, ll, 7), ParallelForwardBackward.run(pi, trans, ll, 7, pool));
        double[] longLl = RandomHmm.logLikelihoods(rng, length, k, 1.0);
        java.util.Arrays.fill(longLl, 3210 * k, 3211 * k, Double.NEGATIVE_INFINITY);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ParallelForwardBackward.run(pi, trans, longLl, length, pool));
        assertTrue(e.getMessage().contains("t=3210"), e.getMessage());
    }

    @Test
    void hmmInferenceChoosesAndAgrees() {
        Rng rng = Rng.seeded(45);
        int k = 2, length = 20_000;
        double[] pi = RandomHmm.simplex(rng, k, 0);
        TransitionMatrices trans = TransitionMatrices.stationary(RandomHmm.sticky(rng, k, 0.5), k);
        double[] ll = RandomHmm.logLikelihoods(rng, length, k, 1.0);
        assertSame(ForwardBackward.run(pi, trans, ll, length), HmmInference.posterior(pi, trans, ll, length, pool));
        assertTrue(!HmmInference.parallelPays(2, 100, 16));
        assertTrue(!HmmInference.parallelPays(2, 1_000_000, 1));
        assertTrue(!HmmInference.parallelPays(2, 1_000_000, 2));
        assertTrue(!HmmInference.parallelPays(10, 1_000_000, 2));
        assertTrue(HmmInference.parallelPays(10, 1_000_000, 16));
        assertTrue(HmmInference.parallelPays(21, 1_000_000, 16));
        assertTrue(!HmmInference.parallelPays(22, 1_000_000, 16));
    }

    static void assertSame(HmmPosterior seq, HmmPosterior par) {
        assertEquals(seq.logLikelihood(), par.logLikelihood(), 1e-9 * Math.abs(seq.logLikelihood()));
        assertArrayEquals(seq.expectedStates(), par.expectedStates(), 1e-9);
        assertArrayEquals(seq.expectedTransitions(), par.expectedTransitions(),
                1e-9 * Math.max(1, seq.length() / 1000.0));
    }
}
