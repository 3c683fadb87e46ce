package io.ssm4j.math;

/**
 * Weighted Gram matrices over a design stored transposed (W x T, feature-major), computed in blocks of time
 * steps so that every inner loop is a long contiguous vector operation ({@link VectorOps}):
 * G += sum_t w_t z_t z_t^T (lower triangle), the expected sufficient statistics of a weighted regression.
 * (The per-step quadratic forms of the same design are {@link VectorOps#sparseQuadraticForms}.)
 */
public final class BlockedForms {
    /** Time steps per block: a W x 512 slab of doubles stays in the L2 cache for W up to ~100. */
    public static final int BLOCK = 512;

    private BlockedForms() {}

    /**
     * gram[a*w + b] += sum_i weight[i] zT[a*ldz + t0 + i] zT[b*ldz + t0 + i] for b &lt;= a (lower triangle), and
     * returns sum_i weight[i]. scratch must hold n doubles.
     */
    public static double weightedGram(VectorOps ops, double[] weight, double[] zT, int ldz, int t0, int n, int w,
                                      double[] gram, double[] scratch) {
        for (int a = 0; a < w; a++) {
            ops.multiply(weight, 0, zT, a * ldz + t0, scratch, 0, n);
            ops.addDots(scratch, 0, zT, ldz, t0, a + 1, n, gram, a * w);
        }
        return ops.sum(weight, 0, n);
    }
}
