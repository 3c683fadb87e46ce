package io.ssm4j.inference.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

/** Viterbi against the argmax over all K^T paths, and its tie-breaking rule. */
class ViterbiBruteForceTest {
    @Test
    void matchesArgmaxOverAllPaths() {
        Rng rng = Rng.seeded(21);
        for (int trial = 0; trial < 120; trial++) {
            int k = 1 + trial % 3;
            int length = 1 + trial % 7;
            double[] pi = RandomHmm.simplex(rng, k, 0.3);
            TransitionMatrices trans = trial % 2 == 0
                    ? TransitionMatrices.stationary(RandomHmm.matrices(rng, 1, k, 0.3), k)
                    : TransitionMatrices.timeVarying(RandomHmm.matrices(rng, length - 1, k, 0.3), length - 1, k);
            double[] ll = RandomHmm.logLikelihoods(rng, length, k, 2.0);
            if (length > 3) java.util.Arrays.fill(ll, 2 * k, 3 * k, 0.0);
            if (trial % 5 == 0) ll[(length - 1) * k] = Double.NEGATIVE_INFINITY;
            if (k == 1 && trial % 5 == 0) ll[(length - 1) * k] = -1;
            BruteForceHmm truth = new BruteForceHmm(pi, trans, ll, length);
            ViterbiPath path = Viterbi.run(pi, trans, ll, length);
            assertArrayEquals(truth.bestPath, path.states(), truth::toString);
            assertEquals(truth.bestLogJoint, path.logJoint(), 1e-10 * Math.max(1, Math.abs(truth.bestLogJoint)));
        }
    }

    @Test
    void tiesGoToTheLowerStateIndex() {
        int k = 3;
        double[] pi = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        double third = 1.0 / 3;
        TransitionMatrices trans = TransitionMatrices.stationary(new double[]{
                third, third, third, third, third, third, third, third, third}, k);
        double[] ll = new double[4 * k];
        ll[1] = -5;                              // t=0: states 0 and 2 tie
        ll[k + 2] = 1; ll[k + 1] = 1;            // t=1: states 1 and 2 tie
        ViterbiPath path = Viterbi.run(pi, trans, ll, 4);
        assertArrayEquals(new int[]{0, 1, 0, 0}, path.states());
    }
}
