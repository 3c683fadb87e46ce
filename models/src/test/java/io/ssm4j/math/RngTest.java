package io.ssm4j.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Rng against the JDK's own SplitMix64, {@code java.util.SplittableRandom}: the same seed gives the same doubles,
 * bounded ints (powers of two, other bounds, bounds near 2^31 that exercise the rejection loop), longs and split
 * streams; and a stream restored from a saved state continues exactly as the original.
 */
class RngTest {
    private static final int[] BOUNDS = {1, 2, 3, 7, 64, 1000, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE};

    @Test
    void drawsTheNumbersOfSplittableRandom() {
        for (long seed : new long[] {0, 1, -7, 0x123456789abcdefL, Long.MIN_VALUE}) {
            Rng rng = Rng.seeded(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            compare(rng, jdk, 3, "seed " + seed);
        }
    }

    /** Mixed draws, then two split children compared in turn, recursively. */
    private static void compare(Rng rng, SplittableRandom jdk, int depth, String where) {
        for (int i = 0; i < 200; i++) {
            assertEquals(jdk.nextDouble(), rng.uniform(), 0.0, where + ", double " + i);
            int bound = BOUNDS[i % BOUNDS.length];
            assertEquals(jdk.nextInt(bound), rng.nextInt(bound), where + ", int below " + bound);
            assertEquals(jdk.nextLong(), rng.nextLong(), where + ", long " + i);
        }
        if (depth == 0) return;
        Rng a = rng.split(), b = rng.split();
        SplittableRandom ja = jdk.split(), jb = jdk.split();
        compare(b, jb, depth - 1, where + "/second child");
        compare(a, ja, depth - 1, where + "/first child");
        compare(rng, jdk, 0, where + " after splits");
    }

    @Test
    void aRestoredStreamContinuesExactly() {
        Rng rng = Rng.seeded(42);
        for (int i = 0; i < 17; i++) rng.gaussian();
        rng.split();
        Rng.State saved = rng.state();
        double[] expected = new double[50];
        for (int i = 0; i < expected.length; i++) expected[i] = i % 2 == 0 ? rng.gamma(0.7) : rng.split().gaussian();
        Rng again = Rng.restore(saved);
        for (int i = 0; i < expected.length; i++) {
            double got = i % 2 == 0 ? again.gamma(0.7) : again.split().gaussian();
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(got), "draw " + i);
        }
        assertEquals(rng.state(), again.state());
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Rng.State(1, 2));
        assertThrows(IllegalArgumentException.class, () -> Rng.seeded(1).nextInt(0));
    }
}
