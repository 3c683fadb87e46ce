package io.ssm4j.inference.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Reused work arrays: one per thread, slot and length; and the passes that reuse them give, after another
 * sequence has left its values there, exactly what they give with new arrays on a fresh thread.
 */
class WorkArraysTest {
    @Test
    void oneArrayPerThreadSlotAndLength() throws InterruptedException {
        double[] a = WorkArrays.of(WorkArrays.Slot.SHIFTS, 17);
        assertSame(a, WorkArrays.of(WorkArrays.Slot.SHIFTS, 17));
        assertEquals(17, a.length);
        assertNotSame(a, WorkArrays.of(WorkArrays.Slot.NORMALISERS, 17));
        double[] b = WorkArrays.of(WorkArrays.Slot.SHIFTS, 18);
        assertEquals(18, b.length);
        AtomicReference<double[]> other = new AtomicReference<>();
        Thread t = new Thread(() -> other.set(WorkArrays.of(WorkArrays.Slot.SHIFTS, 18)));
        t.start();
        t.join();
        assertNotSame(b, other.get());
    }

    @Test
    void staleContentsDoNotReachTheResults() throws InterruptedException {
        Rng rng = Rng.seeded(77);
        int k = 6, length = 3000;
        double[] pi = RandomHmm.simplex(rng, k, 0.3);
        TransitionMatrices trans = TransitionMatrices.stationary(RandomHmm.matrices(rng, 1, k, 0.3), k);
        double[] first = RandomHmm.logLikelihoods(rng, length, k, 4);
        double[] second = RandomHmm.logLikelihoods(rng, length, k, 1);
        ForwardBackward.run(pi, trans, first, length);
        Viterbi.run(pi, trans, first, length);
        BackwardSampler.sample(pi, trans, first, length, Rng.seeded(3));
        HmmPosterior reused = ForwardBackward.run(pi, trans, second, length);
        ViterbiPath reusedPath = Viterbi.run(pi, trans, second, length);
        int[] reusedDraw = BackwardSampler.sample(pi, trans, second, length, Rng.seeded(4));

        AtomicReference<Object[]> fresh = new AtomicReference<>();
        Thread t = new Thread(() -> fresh.set(new Object[] {ForwardBackward.run(pi, trans, second, length),
                Viterbi.run(pi, trans, second, length), BackwardSampler.sample(pi, trans, second, length, Rng.seeded(4))}));
        t.start();
        t.join();
        HmmPosterior expected = (HmmPosterior) fresh.get()[0];
        assertEquals(expected.logLikelihood(), reused.logLikelihood(), 0.0);
        assertArrayEquals(expected.expectedStates(), reused.expectedStates(), 0.0);
        assertArrayEquals(expected.expectedTransitions(), reused.expectedTransitions(), 0.0);
        assertArrayEquals(((ViterbiPath) fresh.get()[1]).states(), reusedPath.states());
        assertArrayEquals((int[]) fresh.get()[2], reusedDraw);
    }
}
