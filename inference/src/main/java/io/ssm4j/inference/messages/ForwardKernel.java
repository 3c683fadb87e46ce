package io.ssm4j.inference.messages;

/**
 * The scaled forward (filtering) recursion of Rabiner (1989), "A tutorial on hidden Markov models", sec. V.A:
 *
 * <pre>
 *   alpha_0(j) = pi(j) lik_0(j) / c_0
 *   alpha_t(j) = lik_t(j) sum_i alpha_{t-1}(i) P_{t-1}(i,j) / c_t
 * </pre>
 * with c_t the normaliser making alpha_t sum to 1, so alpha_t(j) = p(z_t = j | x_{0..t}) and
 * log p(x_{0..T-1}) = sum_t (log c_t + m_t). The prediction is a vector-matrix product along rows of P, contiguous for
 * stationary and time-varying matrices alike ({@link StepOps#vecMat}).
 */
final class ForwardKernel {
    private ForwardKernel() {}

    /**
     * One predict-update step: {@code out[oo+j] = lik[lo+j] sum_i prev[po+i] P[i][j]}, normalised in place, with P
     * packed at {@code p[mo..]} ({@link TransitionMatrices#packed()}).
     * Returns the normaliser c (0 when no state has mass, and then {@code out} is left unnormalised).
     */
    static double step(double[] prev, int po, double[] p, int mo, double[] lik, int lo, double[] out, int oo, int k) {
        StepOps.best().vecMat(prev, po, p, mo, k, out, oo);
        return updateAndNormalise(lik, lo, out, oo, k);
    }

    /** The first step: {@code out[oo+j] = pi(j) lik[lo+j]}, normalised; returns c_0. */
    static double first(double[] pi, double[] lik, int lo, double[] out, int oo, int k) {
        for (int j = 0; j < k; j++) out[oo + j] = pi[j];
        return updateAndNormalise(lik, lo, out, oo, k);
    }

    private static double updateAndNormalise(double[] lik, int lo, double[] out, int oo, int k) {
        double c = 0;
        for (int j = 0; j < k; j++) {
            double v = out[oo + j] * lik[lo + j];
            out[oo + j] = v;
            c += v;
        }
        if (c > 0) {
            double inv = 1 / c;
            for (int j = 0; j < k; j++) out[oo + j] *= inv;
        }
        return c;
    }

    /**
     * Filters steps {@code [from, to)} into rows of {@code alpha} (T x K), storing c_t in {@code c[t]}.
     * {@code before} is alpha_{from-1} when {@code from > 0}, or the initial distribution when {@code from == 0}.
     *
     * @throws IllegalStateException naming t when c_t == 0
     */
    static void filter(double[] before, TransitionMatrices trans, double[] lik, int from, int to,
                       double[] alpha, double[] c) {
        int k = trans.numStates();
        double[] p = trans.packed();
        int t = from;
        double ct = from == 0
                ? first(before, lik, 0, alpha, 0, k)
                : step(before, 0, p, trans.packedOffset(from - 1), lik, from * k, alpha, from * k, k);
        if (!(ct > 0)) throw InputChecks.zeroProbability(t);
        c[t] = ct;
        for (t = from + 1; t < to; t++) {
            int row = t * k;
            ct = step(alpha, row - k, p, trans.packedOffset(t - 1), lik, row, alpha, row, k);
            if (!(ct > 0)) throw InputChecks.zeroProbability(t);
            c[t] = ct;
        }
    }

    /** sum_{t in [from, to)} (log c_t + m_t), added in time order. */
    static double logNormaliser(double[] c, double[] shift, int from, int to) {
        double s = 0;
        for (int t = from; t < to; t++) s += Math.log(c[t]) + shift[t];
        return s;
    }
}
