package io.ssm4j.inference.messages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

/** Sampled path frequencies against the exact posterior path probabilities from enumeration. */
class BackwardSamplerTest {
    @Test
    void pathFrequenciesMatchTheExactPosterior() {
        Rng model = Rng.seeded(31);
        for (int trial = 0; trial < 4; trial++) {
            int k = 2 + trial % 2, length = trial < 2 ? 5 : 4;
            double[] pi = RandomHmm.simplex(model, k, 0.2);
            TransitionMatrices trans = trial % 2 == 0
                    ? TransitionMatrices.stationary(RandomHmm.matrices(model, 1, k, 0.3), k)
                    : TransitionMatrices.timeVarying(RandomHmm.matrices(model, length - 1, k, 0.3), length - 1, k);
            double[] ll = RandomHmm.logLikelihoods(model, length, k, 1.0);
            java.util.Arrays.fill(ll, k, 2 * k, 0.0);
            BruteForceHmm truth = new BruteForceHmm(pi, trans, ll, length);
            int n = 200_000;
            int[] counts = new int[truth.pathLogJoint.length];
            Rng rng = Rng.seeded(1000 + trial);
            for (int s = 0; s < n; s++) counts[truth.encode(BackwardSampler.sample(pi, trans, ll, length, rng))]++;
            double chi2 = 0;
            int cells = 0;
            double tv = 0;
            for (int c = 0; c < counts.length; c++) {
                double p = truth.pathProbability(c);
                tv += Math.abs(counts[c] / (double) n - p) / 2;
                if (p == 0) {
                    assertTrue(counts[c] == 0, "sampled an impossible path " + c);
                    continue;
                }
                chi2 += (counts[c] - n * p) * (counts[c] - n * p) / (n * p);
                cells++;
            }
            // chi-square with cells-1 dof: mean cells-1, sd sqrt(2(cells-1)); 6 sd is far beyond chance
            double dof = cells - 1;
            assertTrue(chi2 < dof + 6 * Math.sqrt(2 * dof), "chi2 " + chi2 + " dof " + dof);
            assertTrue(tv < 0.01, "total variation " + tv);
        }
    }

    @Test
    void sameSeedSamePath() {
        Rng model = Rng.seeded(32);
        int k = 3, length = 50;
        double[] pi = RandomHmm.simplex(model, k, 0);
        TransitionMatrices trans = TransitionMatrices.stationary(RandomHmm.matrices(model, 1, k, 0), k);
        double[] ll = RandomHmm.logLikelihoods(model, length, k, 1.0);
        assertArrayEquals(BackwardSampler.sample(pi, trans, ll, length, Rng.seeded(5)),
                BackwardSampler.sample(pi, trans, ll, length, Rng.seeded(5)));
    }
}
