package io.ssm4j.inference.messages;

import io.ssm4j.math.VectorOps;

/**
 * The two K x K products in the inner loop of every HMM message pass, on one row vector x and a row-major
 * K x K matrix M:
 *
 * <pre>
 *   sum-product:  out[j] = sum_i x[i] M[i][j]            (forward prediction; beta = P w via M = P^T)
 *   max-plus:     out[j] = max_i (x[i] + M[i][j])        (Viterbi)
 *   outer-add:    S[i][j] += x[i] y[j]                    (one step's two-slice marginal)
 *   cross:        C[i][j] = sum_t A[t][i] W[t][j]         (a block's summed two-slice marginals, C = A^T W)
 * </pre>
 * Two implementations: {@link ScalarStepOps} (the reference) and {@link SimdStepOps} (Vector API, each
 * L-wide column chunk of out kept in a register across all i, a scalar tail for the last K mod L columns).
 * {@link #best()} takes the SIMD one exactly when {@link VectorOps#best()} does. The matrices M of sum-product
 * and max-plus come in the implementation's own layout, made once per matrix by {@link #pack} (row-major for
 * the scalar one).
 */
interface StepOps {
    /** out[oo+j] = sum_i x[xo+i] M[i][j], j &lt; k, for the matrix M packed at {@code packed[po..]}. */
    void vecMat(double[] x, int xo, double[] packed, int po, int k, double[] out, int oo);

    /** out[oo+j] = max_i (x[xo+i] + M[i][j]), j &lt; k (Java Math.max semantics), M packed at {@code packed[po..]}. */
    void maxPlus(double[] x, int xo, double[] packed, int po, int k, double[] out, int oo);

    /**
     * The {@code count} row-major K x K matrices at {@code m[mo..]} in this implementation's layout for
     * {@link #vecMat} and {@link #maxPlus}, matrix s at offset {@code s * packedSize(k)}.
     */
    double[] pack(double[] m, int mo, int count, int k);

    /** Entries per packed K x K matrix. */
    int packedSize(int k);

    /** s[so+i*k+j] += x[xo+i] y[yo+j], i, j &lt; k (rank-one update, the summed xi). */
    void outerAdd(double[] x, int xo, double[] y, int yo, int k, double[] s, int so);

    /**
     * out[i*k+j] = sum_{t &lt; n} a[ao+t*k+i] w[wo+t*k+j], i, j &lt; k: A^T W for two n x K row-major blocks,
     * summed in time order.
     */
    void crossProducts(double[] a, int ao, double[] w, int wo, int n, int k, double[] out);

    /** The implementation used by the message passes. */
    static StepOps best() { return Choice.BEST; }

    /** Chooses once, at class initialisation. */
    final class Choice {
        static final StepOps BEST = choose();

        private static StepOps choose() {
            if (VectorOps.best() == VectorOps.scalar()) return ScalarStepOps.INSTANCE;
            SimdStepOps.INSTANCE.prime(Integer.getInteger("ssm4j.primeCalls", 12000));
            return SimdStepOps.INSTANCE;
        }

        private Choice() {}
    }
}
