package io.ssm4j.inference.messages;

/**
 * The most probable state path by log-space max-product dynamic programming, Viterbi (1967), "Error bounds for
 * convolutional codes and an asymptotically optimum decoding algorithm", IEEE Trans. Inf. Theory 13(2);
 * see Rabiner (1989), sec. III.B:
 *
 * <pre>
 *   delta_0(j) = log pi(j) + l_0(j)
 *   delta_t(j) = l_t(j) + max_i (delta_{t-1}(i) + log P_{t-1}(i,j))
 *   z*_{T-1} = argmax_j delta_{T-1}(j),   z*_t = argmax_i (delta_t(i) + log P_t(i, z*_{t+1}))
 * </pre>
 * The forward sweep keeps only the maxima (branch-free); the backtrack recomputes the single argmax it needs
 * per step from the stored delta, bit-for-bit the same sums, so no K x T back-pointer table is built.
 * Ties go to the lowest state index. log P is computed once per {@link TransitionMatrices} and cached.
 */
public final class Viterbi {
    private Viterbi() {}

    /**
     * The argmax path and its log joint log p(z*, x).
     *
     * @throws IllegalArgumentException for inconsistent sizes or values, naming the argument
     * @throws IllegalStateException    when no path has positive probability, naming the first t where every
     *                                  state became impossible
     */
    public static ViterbiPath run(double[] initialProbs, TransitionMatrices trans, double[] logLikelihoods, int length) {
        int k = InputChecks.check(initialProbs, trans, logLikelihoods, length);
        double[] lp = trans.logFlat();
        double[] packedLp = trans.packedLog();
        double[] delta = WorkArrays.of(WorkArrays.Slot.MAX_PRODUCTS, length * k);
        StepOps ops = StepOps.best();
        for (int j = 0; j < k; j++) {
            double l = logLikelihoods[j];
            if (!(l < Double.POSITIVE_INFINITY)) throw InputChecks.badLogLikelihood(l, 0, j);
            delta[j] = Math.log(initialProbs[j]) + l;
        }
        for (int t = 1; t < length; t++) {
            int row = t * k;
            ops.maxPlus(delta, row - k, packedLp, trans.packedOffset(t - 1), k, delta, row);
            boolean bad = false;
            for (int j = 0; j < k; j++) {
                double l = logLikelihoods[row + j];
                bad |= !(l < Double.POSITIVE_INFINITY);
                delta[row + j] += l;
            }
            if (bad) throw firstBad(logLikelihoods, k, t);
        }
        int last = (length - 1) * k;
        int z = argmax(delta, last, k);
        double logJoint = delta[last + z];
        if (logJoint == Double.NEGATIVE_INFINITY) throw InputChecks.zeroProbability(firstImpossible(delta, length, k));
        int[] states = new int[length];
        states[length - 1] = z;
        for (int t = length - 2; t >= 0; t--) {
            int row = t * k;
            int col = trans.offset(t) + z;
            int best = 0;
            double bestValue = delta[row] + lp[col];
            for (int i = 1; i < k; i++) {
                double v = delta[row + i] + lp[col + i * k];
                if (v > bestValue) {
                    bestValue = v;
                    best = i;
                }
            }
            z = best;
            states[t] = z;
        }
        return new ViterbiPath(states, logJoint);
    }

    private static int argmax(double[] x, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (x[off + i] > x[off + best]) best = i;
        return best;
    }

    private static int firstImpossible(double[] delta, int length, int k) {
        for (int t = 0; t < length; t++) {
            if (delta[t * k + argmax(delta, t * k, k)] == Double.NEGATIVE_INFINITY) return t;
        }
        throw new AssertionError("no impossible step");
    }

    private static IllegalArgumentException firstBad(double[] ll, int k, int t) {
        for (int j = 0; j < k; j++) {
            double v = ll[t * k + j];
            if (!(v < Double.POSITIVE_INFINITY)) return InputChecks.badLogLikelihood(v, t, j);
        }
        throw new AssertionError("no bad entry at t=" + t);
    }
}
