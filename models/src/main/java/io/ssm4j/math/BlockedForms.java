package io.ssm4j.math;

import java.util.Arrays;

/**
 * Per-time-step quadratic forms and weighted Gram matrices over a design stored transposed (W x T,
 * feature-major), computed in blocks of time steps so that every inner loop is a long contiguous vector
 * operation ({@link VectorOps}). The two kernels behind Gaussian and autoregressive emissions:
 * <ul>
 *   <li>{@link #quadraticForms}: q_t = || H z_t ||^2 for a D x W matrix H (the whitened residual
 *       L^{-1} (y_t - W x_t) when z_t = [x_t; y_t] and H = L^{-1} [-W, I]);</li>
 *   <li>{@link #weightedGram}: G += sum_t w_t z_t z_t^T (lower triangle), the expected sufficient
 *       statistics of a weighted regression.</li>
 * </ul>
 */
public final class BlockedForms {
    /** Time steps per block: a W x 512 slab of doubles stays in the L2 cache for W up to ~100. */
    public static final int BLOCK = 512;

    private BlockedForms() {}

    /**
     * quad[i] = sum_a (sum_c h[a*w + c] zT[c*ldz + t0 + i])^2 for i &lt; n; zero entries of h are skipped (so
     * triangular whitening costs half). scratch must hold n doubles.
     */
    public static void quadraticForms(VectorOps ops, double[] h, int rows, int w, double[] zT, int ldz, int t0, int n,
                                      double[] quad, double[] scratch) {
        Arrays.fill(quad, 0, n, 0.0);
        for (int a = 0; a < rows; a++) {
            Arrays.fill(scratch, 0, n, 0.0);
            for (int c = 0; c < w; c++) {
                double coef = h[a * w + c];
                if (coef != 0) ops.axpy(coef, zT, c * ldz + t0, scratch, 0, n);
            }
            ops.addSquares(scratch, 0, quad, 0, n);
        }
    }

    /**
     * gram[a*w + b] += sum_i weight[i] zT[a*ldz + t0 + i] zT[b*ldz + t0 + i] for b &lt;= a (lower triangle), and
     * returns sum_i weight[i]. scratch must hold n doubles.
     */
    public static double weightedGram(VectorOps ops, double[] weight, double[] zT, int ldz, int t0, int n, int w,
                                      double[] gram, double[] scratch) {
        for (int a = 0; a < w; a++) {
            ops.multiply(weight, 0, zT, a * ldz + t0, scratch, 0, n);
            for (int b = 0; b <= a; b++) gram[a * w + b] += ops.dot(scratch, 0, zT, b * ldz + t0, n);
        }
        return ops.sum(weight, 0, n);
    }
}
