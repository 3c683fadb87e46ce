package io.ssm4j.inference.messages;

/**
 * The scaled backward (smoothing) recursion of Rabiner (1989), sec. V.A, run over a range of steps:
 *
 * <pre>
 *   w_{t}(j)    = lik_t(j) beta_t(j) / c_t
 *   beta_{t-1}  = P_{t-1} w_t
 *   gamma_t(i)  = alpha_t(i) beta_t(i) / kappa
 *   xi_{t-1}(i,j) = alpha_{t-1}(i) P_{t-1}(i,j) w_t(j) / kappa
 * </pre>
 * where kappa = sum_i alpha_t(i) beta_t(i) is the same for every t of the range (kappa = 1 for the usual
 * scaling beta_{T-1} = 1; a block of the parallel scan starts from a normalised beta and carries its own kappa).
 * For a stationary P the summed xi is kept as S = sum_t alpha_{t-1} w_t^T and multiplied by P once at the end.
 */
final class BackwardKernel {
    private BackwardKernel() {}

    /**
     * Smooths steps {@code [from, to)}, overwriting the filtered rows of {@code alphaGamma} by gamma.
     *
     * @param alphaBefore alpha_{from-1} (to add the transition into this range), or null when {@code from == 0}
     * @param betaEnd     beta_{to-1} (any positive scale); not modified
     * @param xiSum       K*K accumulator: sum of xi over the transitions ending in this range is added
     * @param perStep     (T-1)*K*K per-step xi for time-varying matrices, or null
     */
    static void smooth(TransitionMatrices trans, double[] lik, double[] c, int from, int to, double[] alphaBefore,
                       double[] betaEnd, double[] alphaGamma, double[] xiSum, double[] perStep) {
        int k = trans.numStates();
        double[] p = trans.flatView();
        double[] pt = trans.isStationary() ? trans.transposeFlat() : null;
        boolean stationary = trans.isStationary();
        double[] beta = betaEnd.clone();
        double[] next = new double[k];
        double[] w = new double[k];
        double[] s = stationary ? new double[k * k] : null;
        double kappa = 0;
        for (int i = 0; i < k; i++) kappa += alphaGamma[(to - 1) * k + i] * beta[i];
        double invKappa = 1 / kappa;
        for (int t = to - 1; t >= from; t--) {
            int row = t * k;
            double[] prev;
            int po;
            if (t > from) {
                prev = alphaGamma;
                po = row - k;
            } else {
                prev = alphaBefore;
                po = 0;
            }
            if (prev != null) {
                double invC = 1 / c[t];
                for (int j = 0; j < k; j++) w[j] = lik[row + j] * beta[j] * invC;
                int mo = trans.offset(t - 1);
                if (stationary) {
                    accumulateStationary(prev, po, pt, w, s, next, k);
                } else {
                    accumulateStep(prev, po, p, mo, w, invKappa, perStep, (t - 1) * k * k, xiSum, next, k);
                }
            }
            for (int i = 0; i < k; i++) alphaGamma[row + i] *= beta[i] * invKappa;
            double[] tmp = beta;
            beta = next;
            next = tmp;
        }
        if (stationary) {
            for (int i = 0; i < k * k; i++) xiSum[i] += p[i] * s[i] * invKappa;
        }
    }

    /** next = P w = (w^T P^T)^T and S += prev w^T. */
    private static void accumulateStationary(double[] prev, int po, double[] pt, double[] w, double[] s, double[] next,
                                             int k) {
        StepOps ops = StepOps.best();
        ops.vecMat(w, 0, pt, 0, k, next, 0);
        ops.outerAdd(prev, po, w, 0, k, s, 0);
    }

    /** next = P_t w and xi_t(i,j) = prev(i) P_t(i,j) w(j) / kappa into perStep and xiSum. */
    private static void accumulateStep(double[] prev, int po, double[] p, int mo, double[] w, double invKappa,
                                       double[] perStep, int xo, double[] xiSum, double[] next, int k) {
        for (int i = 0; i < k; i++) {
            double a = prev[po + i] * invKappa;
            int r = mo + i * k;
            int x = i * k;
            double acc = 0;
            for (int j = 0; j < k; j++) {
                double pw = p[r + j] * w[j];
                acc += pw;
                double v = a * pw;
                perStep[xo + x + j] = v;
                xiSum[x + j] += v;
            }
            next[i] = acc;
        }
    }
}
