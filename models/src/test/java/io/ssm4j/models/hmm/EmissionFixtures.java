package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shared helpers of the emission tests: random posterior weights, sampling, parameter round trips. */
final class EmissionFixtures {
    private EmissionFixtures() {}

    /** T x K weights, each row a random probability vector. */
    static double[] randomWeights(int t, int k, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] w = new double[t * k];
        for (int i = 0; i < t; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) s += w[i * k + j] = rng.uniform();
            for (int j = 0; j < k; j++) w[i * k + j] /= s;
        }
        return w;
    }

    /** T rows drawn from the given state (single state per row, no inputs). */
    static double[] sampleRows(Emissions e, int state, int t, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] y = new double[t * e.dim()];
        for (int i = 0; i < t; i++) e.sample(state, y, i, null, rng);
        return y;
    }

    /** Per-dimension sample means of row-major T x D data. */
    static double[] columnMeans(double[] y, int d) {
        double[] m = new double[d];
        int t = y.length / d;
        for (int i = 0; i < t; i++) for (int a = 0; a < d; a++) m[a] += y[i * d + a] / t;
        return m;
    }

    /** A copy of y with entry (t, d) marked missing (NaN). */
    static TimeSeries withMissing(double[] y, int t, int d, int... missing) {
        double[] v = y.clone();
        for (int i = 0; i < missing.length; i += 2) v[missing[i] * d + missing[i + 1]] = Double.NaN;
        return TimeSeries.of(v, t, d);
    }

    /** parameters() through HmmFactory.emissionsFromParameters gives the same parameters and likelihoods. */
    static void assertRoundTrip(Emissions e, HmmSpec spec, TimeSeries y) {
        Map<String, NdArray> p = e.parameters();
        Emissions back = HmmFactory.emissionsFromParameters(spec, p);
        assertEquals(e.getClass(), back.getClass());
        assertEquals(p, back.parameters());
        double[] a = new double[y.length() * e.numStates()], b = a.clone();
        e.logLikelihoods(y, a);
        back.logLikelihoods(y, b);
        assertArrayEquals(a, b, 0);
    }
}
