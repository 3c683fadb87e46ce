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

    /**
     * sum_{t in [from, to)} (log c_t + m_t). The c_t are multiplied rather than logged one by one (a logarithm
     * costs several multiplies): four interleaved running products, each brought back to [1, 2) after every
     * factor by taking out its binary exponent (exact), so none under- or overflows, and log(prod) = the logs of
     * the four mantissas + (sum of exponents) ln 2. A subnormal c_t (where a product could underflow) sends the
     * range to the plain sum of logarithms.
     */
    static double logNormaliser(double[] c, double[] shift, int from, int to) {
        double m0 = 1, m1 = 1, m2 = 1, m3 = 1, shifts = 0;
        long exponents = 0;
        boolean subnormal = false;
        int t = from;
        for (; t + 3 < to; t += 4) {
            double c0 = c[t], c1 = c[t + 1], c2 = c[t + 2], c3 = c[t + 3];
            subnormal |= Math.min(Math.min(c0, c1), Math.min(c2, c3)) < Double.MIN_NORMAL;
            m0 *= c0;
            m1 *= c1;
            m2 *= c2;
            m3 *= c3;
            int e0 = Math.getExponent(m0), e1 = Math.getExponent(m1), e2 = Math.getExponent(m2), e3 = Math.getExponent(m3);
            exponents += e0 + e1 + e2 + e3;
            m0 = Math.scalb(m0, -e0);
            m1 = Math.scalb(m1, -e1);
            m2 = Math.scalb(m2, -e2);
            m3 = Math.scalb(m3, -e3);
            shifts += (shift[t] + shift[t + 1]) + (shift[t + 2] + shift[t + 3]);
        }
        for (; t < to; t++) {
            subnormal |= c[t] < Double.MIN_NORMAL;
            m0 *= c[t];
            int e0 = Math.getExponent(m0);
            exponents += e0;
            m0 = Math.scalb(m0, -e0);
            shifts += shift[t];
        }
        if (subnormal) return sumOfLogs(c, shift, from, to);
        return (Math.log(m0) + Math.log(m1)) + (Math.log(m2) + Math.log(m3)) + exponents * LN2 + shifts;
    }

    private static double sumOfLogs(double[] c, double[] shift, int from, int to) {
        double s = 0;
        for (int t = from; t < to; t++) s += Math.log(c[t]) + shift[t];
        return s;
    }

    private static final double LN2 = Math.log(2);
}
