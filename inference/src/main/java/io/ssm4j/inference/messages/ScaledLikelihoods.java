package io.ssm4j.inference.messages;

import io.ssm4j.math.VectorOps;

/**
 * Emission likelihoods shifted by their per-step maximum: {@code lik[t*K+k] = exp(l_t(k) - m_t)} with
 * {@code m_t = max_k l_t(k)}, so every row has maximum 1 and nothing underflows as a whole; the shifts are
 * added back into the log normaliser. The exponentials run over the whole range at once through
 * {@link VectorOps#best()} (one long contiguous array, where the Vector API pays).
 */
final class ScaledLikelihoods {
    private static final VectorOps OPS = VectorOps.best();

    private ScaledLikelihoods() {}

    /**
     * Fills {@code lik} and {@code shift} for steps {@code [from, to)}.
     *
     * @throws IllegalArgumentException for a NaN or +infinity log-likelihood
     * @throws IllegalStateException for a step where every state has log-likelihood -infinity
     */
    static void fill(double[] ll, int k, int from, int to, double[] lik, double[] shift) {
        for (int t = from; t < to; t++) {
            int row = t * k;
            double even = Double.NEGATIVE_INFINITY, odd = Double.NEGATIVE_INFINITY; // two chains: half the latency
            int j = 0;
            for (; j + 1 < k; j += 2) {
                even = Math.max(even, ll[row + j]);
                odd = Math.max(odd, ll[row + j + 1]);
            }
            if (j < k) even = Math.max(even, ll[row + j]);
            double m = Math.max(even, odd);
            if (!(m < Double.POSITIVE_INFINITY)) throw firstBad(ll, k, t); // Math.max carries NaN and +infinity
            if (m == Double.NEGATIVE_INFINITY) throw InputChecks.zeroProbability(t);
            shift[t] = m;
            for (j = 0; j < k; j++) lik[row + j] = ll[row + j] - m;
        }
        OPS.expShift(lik, from * k, (to - from) * k, 0.0);
    }

    /** One step into {@code out[0..k)}; returns the shift m_t. Same checks as {@link #fill}. */
    static double row(double[] ll, int k, int t, double[] out) {
        int row = t * k;
        double m = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double v = ll[row + j];
            if (!(v < Double.POSITIVE_INFINITY)) throw InputChecks.badLogLikelihood(v, t, j);
            m = Math.max(m, v);
        }
        if (m == Double.NEGATIVE_INFINITY) throw InputChecks.zeroProbability(t);
        for (int j = 0; j < k; j++) out[j] = Math.exp(ll[row + j] - m);
        return m;
    }

    private static IllegalArgumentException firstBad(double[] ll, int k, int t) {
        for (int j = 0; j < k; j++) {
            double v = ll[t * k + j];
            if (!(v < Double.POSITIVE_INFINITY)) return InputChecks.badLogLikelihood(v, t, j);
        }
        throw new AssertionError("no bad entry at t=" + t);
    }
}
