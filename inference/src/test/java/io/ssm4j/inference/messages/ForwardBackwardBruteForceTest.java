package io.ssm4j.inference.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

/** Forward-backward and its log-likelihood against enumeration of all K^T paths. */
class ForwardBackwardBruteForceTest {
    private static final double TOL = 1e-10;

    @Test
    void stationaryMatchesEnumeration() {
        Rng rng = Rng.seeded(11);
        for (int trial = 0; trial < 60; trial++) {
            int k = 1 + trial % 3;
            int length = 1 + trial % 7;
            double[] pi = RandomHmm.simplex(rng, k, 0.3);
            TransitionMatrices trans = TransitionMatrices.stationary(RandomHmm.matrices(rng, 1, k, 0.3), k);
            double[] ll = RandomHmm.logLikelihoods(rng, length, k, 2.0);
            if (length > 2) java.util.Arrays.fill(ll, k, 2 * k, 0.0);   // a missing step
            checkAgainstEnumeration(pi, trans, ll, length);
        }
    }

    @Test
    void timeVaryingMatchesEnumerationPerStep() {
        Rng rng = Rng.seeded(12);
        for (int trial = 0; trial < 60; trial++) {
            int k = 2 + trial % 2;
            int length = 2 + trial % 6;
            double[] pi = RandomHmm.simplex(rng, k, 0.2);
            TransitionMatrices trans = TransitionMatrices.timeVarying(
                    RandomHmm.matrices(rng, length - 1, k, 0.3), length - 1, k);
            double[] ll = RandomHmm.logLikelihoods(rng, length, k, 3.0);
            checkAgainstEnumeration(pi, trans, ll, length);
        }
    }

    @Test
    void minusInfinityLikelihoodsAndZeroInitialProbs() {
        int k = 3;
        double[] pi = {0.0, 0.4, 0.6};
        TransitionMatrices trans = TransitionMatrices.stationary(new double[]{
                0.5, 0.5, 0.0,
                0.0, 0.3, 0.7,
                0.2, 0.0, 0.8}, k);
        double ninf = Double.NEGATIVE_INFINITY;
        double[] ll = {
                -1.0, ninf, -2.0,
                0.0, 0.0, 0.0,
                ninf, -0.5, -3.0,
                -700, -710, ninf,
                -1.5, -1.0, -0.2};
        checkAgainstEnumeration(pi, trans, ll, 5);
    }

    static void checkAgainstEnumeration(double[] pi, TransitionMatrices trans, double[] ll, int length) {
        BruteForceHmm truth = new BruteForceHmm(pi, trans, ll, length);
        HmmPosterior post = ForwardBackward.run(pi, trans, ll, length);
        assertEquals(truth.logZ, post.logLikelihood(), TOL * Math.max(1, Math.abs(truth.logZ)), truth::toString);
        assertEquals(truth.logZ, ForwardBackward.logLikelihood(pi, trans, ll, length),
                TOL * Math.max(1, Math.abs(truth.logZ)), truth::toString);
        assertArrayEquals(truth.gamma, post.expectedStates(), TOL, truth::toString);
        assertArrayEquals(truth.xiSum, post.expectedTransitions(), TOL, truth::toString);
        assertEquals(length, post.length());
        assertEquals(trans.numStates(), post.numStates());
        if (trans.isStationary()) {
            assertNull(post.perStepTransitions());
        } else {
            assertArrayEquals(truth.xiPerStep, post.perStepTransitions(), TOL, truth::toString);
        }
    }
}
