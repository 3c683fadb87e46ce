package io.ssm4j.inference.messages;

/**
 * The summary of a block of steps [s, e) for the parallel-in-time scan: the associative element of
 * Hassan, Sarkka and Garcia-Fernandez (2021), "Temporal parallelization of inference in hidden Markov models",
 * IEEE Trans. Signal Process. 69, sec. III, composed over the whole block. Row i holds the filter started from
 * z_{s-1} = i,
 *
 * <pre>
 *   exp(r_i) M(i,j) = prod_{t=s}^{e-1} A_t  (row i),   A_t(i,j) = P_{t-1}(i,j) lik_t(j),
 *   M(i,.) = p(z_{e-1} = . | z_{s-1} = i, x_{s..e-1}),   r_i = log p(x_{s..e-1} | z_{s-1} = i) - sum_t m_t,
 * </pre>
 * built by K forward recursions (O(K^3) per step), each row normalised at every step with its log scale carried
 * in r_i, so no row underflows relative to another. The same element carries messages both ways:
 * alpha_{e-1} is proportional to alpha_{s-1}^T diag(exp r) M and beta_{s-1} to diag(exp r) M beta_{e-1}.
 */
final class BlockTransfer {
    private final int k;
    private final double[] m;
    private final double[] logScale;

    private BlockTransfer(int k, double[] m, double[] logScale) {
        this.k = k;
        this.m = m;
        this.logScale = logScale;
    }

    /** The element of steps {@code [from, to)}, {@code from >= 1}, from the scaled likelihoods. */
    static BlockTransfer of(TransitionMatrices trans, double[] lik, int from, int to) {
        int k = trans.numStates();
        double[] p = trans.packed();
        double[] cur = new double[k * k];
        double[] next = new double[k * k];
        double[] logScale = new double[k];
        for (int i = 0; i < k; i++) cur[i * k + i] = 1;
        for (int t = from; t < to; t++) {
            int mo = trans.packedOffset(t - 1);
            int lo = t * k;
            for (int i = 0; i < k; i++) {
                double c = ForwardKernel.step(cur, i * k, p, mo, lik, lo, next, i * k, k);
                logScale[i] += Math.log(c);
            }
            double[] tmp = cur;
            cur = next;
            next = tmp;
        }
        return new BlockTransfer(k, cur, logScale);
    }

    /**
     * {@code out} = alpha_{s-1}^T diag(exp r) M normalised to sum 1 (the filtered distribution at e-1).
     * Returns false when it has no mass (the observations have zero probability).
     */
    boolean forward(double[] alphaIn, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) if (alphaIn[i] > 0) max = Math.max(max, logScale[i]);
        if (max == Double.NEGATIVE_INFINITY) return false;
        java.util.Arrays.fill(out, 0, k, 0.0);
        for (int i = 0; i < k; i++) {
            if (!(alphaIn[i] > 0) || logScale[i] == Double.NEGATIVE_INFINITY) continue;
            double a = alphaIn[i] * Math.exp(logScale[i] - max);
            for (int j = 0; j < k; j++) out[j] += a * m[i * k + j];
        }
        return normalise(out, false);
    }

    /**
     * {@code out} = diag(exp r) M beta_{e-1} scaled to maximum 1 (the backward message at s-1, up to a constant).
     * Returns false when it is zero everywhere.
     */
    boolean backward(double[] betaIn, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double d = 0;
            for (int j = 0; j < k; j++) d += m[i * k + j] * betaIn[j];
            out[i] = logScale[i] + Math.log(d);
            max = Math.max(max, out[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) return false;
        for (int i = 0; i < k; i++) out[i] = Math.exp(out[i] - max);
        return true;
    }

    private boolean normalise(double[] x, boolean byMax) {
        double s = 0;
        for (int i = 0; i < k; i++) s = byMax ? Math.max(s, x[i]) : s + x[i];
        if (!(s > 0)) return false;
        double inv = 1 / s;
        for (int i = 0; i < k; i++) x[i] *= inv;
        return true;
    }
}
