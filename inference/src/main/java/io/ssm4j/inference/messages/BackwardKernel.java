package io.ssm4j.inference.messages;

import io.ssm4j.math.VectorOps;

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
 * For a stationary P the summed xi is kept as S = sum_t alpha_{t-1} w_t^T and multiplied by P once at the end;
 * S is summed over blocks of {@value #BLOCK} steps as one product per block, S += A^T W with the block's
 * alpha_{t-1} as the rows of A and its w_t as the rows of W ({@link StepOps#crossProducts}: accumulators in
 * registers over the block instead of a rank-one update of S through memory at every step; K = 10, T = 1e5:
 * 2.1 ms against 5.1 ms by a transposing general matrix product), so each block defers its gamma rows until its
 * product has read their alphas.
 */
final class BackwardKernel {
    private static final VectorOps OPS = VectorOps.best();

    /** Steps per block of the stationary pass: the block's w and beta rows stay in cache for its product. */
    static final int BLOCK = 256;

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
        if (trans.isStationary()) {
            smoothStationary(trans, lik, c, from, to, alphaBefore, betaEnd, alphaGamma, xiSum);
        } else {
            smoothTimeVarying(trans, lik, c, from, to, alphaBefore, betaEnd, alphaGamma, xiSum, perStep);
        }
    }

    /** 1 / kappa with kappa = sum_i alpha_{to-1}(i) beta_{to-1}(i). */
    private static double inverseKappa(double[] alphaGamma, double[] betaEnd, int to, int k) {
        double kappa = 0;
        for (int i = 0; i < k; i++) kappa += alphaGamma[(to - 1) * k + i] * betaEnd[i];
        return 1 / kappa;
    }

    /**
     * The blocked pass for a stationary P (class comment). It runs on beta / kappa from the start (the recursion
     * is linear), so gamma_t = alpha_t beta_t is one vector product over each block's rows.
     */
    private static void smoothStationary(TransitionMatrices trans, double[] lik, double[] c, int from, int to,
                                         double[] alphaBefore, double[] betaEnd, double[] alphaGamma, double[] xiSum) {
        int k = trans.numStates();
        double[] p = trans.flatView();
        double[] pt = trans.packedTranspose();
        StepOps ops = StepOps.best();
        double invKappa = inverseKappa(alphaGamma, betaEnd, to, k);
        int rows = Math.min(BLOCK, to - from);
        double[] betas = new double[rows * k], ws = new double[rows * k];
        double[] s = new double[k * k], product = new double[k * k];
        double[] carry = new double[k]; // beta / kappa of the last step of the next block to run
        for (int i = 0; i < k; i++) carry[i] = betaEnd[i] * invKappa;
        for (int end = to; end > from; end -= rows) {
            int start = Math.max(from, end - rows), n = end - start;
            System.arraycopy(carry, 0, betas, (n - 1) * k, k);
            int firstTransition = from == 0 && alphaBefore == null ? Math.max(start, 1) : start;
            for (int t = end - 1; t >= firstTransition; t--) {
                int r = (t - start) * k;
                double invC = 1 / c[t];
                for (int j = 0; j < k; j++) ws[r + j] = lik[t * k + j] * betas[r + j] * invC;
                if (t > start) ops.vecMat(ws, r, pt, 0, k, betas, r - k);
                else ops.vecMat(ws, r, pt, 0, k, carry, 0);
            }
            int inRange = Math.max(firstTransition, from + 1); // transitions whose alpha_{t-1} is a row of alphaGamma
            if (inRange < end) {
                int m = end - inRange;
                ops.crossProducts(alphaGamma, (inRange - 1) * k, ws, (inRange - start) * k, m, k, product);
                for (int i = 0; i < k * k; i++) s[i] += product[i];
            }
            if (start == from && alphaBefore != null) ops.outerAdd(alphaBefore, 0, ws, 0, k, s, 0);
            OPS.multiply(betas, 0, alphaGamma, start * k, alphaGamma, start * k, n * k);
        }
        for (int i = 0; i < k * k; i++) xiSum[i] += p[i] * s[i];
    }

    /** The step-by-step pass for time-varying P_t, writing every step's xi. */
    private static void smoothTimeVarying(TransitionMatrices trans, double[] lik, double[] c, int from, int to,
                                          double[] alphaBefore, double[] betaEnd, double[] alphaGamma, double[] xiSum,
                                          double[] perStep) {
        int k = trans.numStates();
        double[] p = trans.flatView();
        double[] beta = betaEnd.clone();
        double[] next = new double[k];
        double[] w = new double[k];
        double invKappa = inverseKappa(alphaGamma, betaEnd, to, k);
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
                accumulateStep(prev, po, p, trans.offset(t - 1), w, invKappa, perStep, (t - 1) * k * k, xiSum, next, k);
            }
            for (int i = 0; i < k; i++) alphaGamma[row + i] *= beta[i] * invKappa;
            double[] tmp = beta;
            beta = next;
            next = tmp;
        }
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
