package io.ssm4j.math;

/**
 * Flat {@code double[]} kernels used in hot loops. Two implementations: {@link ScalarOps}, the reference,
 * and {@link SimdOps} on the JDK Vector API, chosen at run time by {@link #best()} when the
 * {@code jdk.incubator.vector} module is present. Tests hold the two equal.
 */
public interface VectorOps {
    /** sum_i a[ao+i] b[bo+i], i &lt; n. */
    double dot(double[] a, int ao, double[] b, int bo, int n);

    /**
     * Several dot products against one vector: out[oo+b] += sum_{i &lt; n} x[xo+i] z[b*ldz + zo + i] for b &lt; count
     * (a row of a Gram matrix; sharing the loads of x is what makes it faster than count separate dots).
     */
    void addDots(double[] x, int xo, double[] z, int ldz, int zo, int count, int n, double[] out, int oo);

    /** y[yo+i] += alpha x[xo+i]. */
    void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n);

    /** y = x^T A: y[j] = sum_i x[xo+i] A[i*cols+j] for an n x cols row-major A at offset ao. */
    void vecMat(double[] x, int xo, double[] a, int ao, int n, int cols, double[] y, int yo);

    /** y = A x for a rows x n row-major A. */
    void matVec(double[] a, int ao, int rows, int n, double[] x, int xo, double[] y, int yo);

    /** out[oo+i] = x[xo+i] * y[yo+i]. */
    void multiply(double[] x, int xo, double[] y, int yo, double[] out, int oo, int n);

    /** y[yo+i] += x[xo+i]^2. */
    void addSquares(double[] x, int xo, double[] y, int yo, int n);

    /**
     * Sparse quadratic forms over a feature-major design: for i &lt; n,
     * quad[qo+i] = sum_{a &lt; rows} (sum_{e in [rowStart[a], rowStart[a+1])} coef[e] zT[col[e]*ldz + t0 + i])^2.
     * The nonzero entries of each row of a matrix H are listed by (col, coef), so triangular H costs half.
     */
    void sparseQuadraticForms(double[] coef, int[] col, int[] rowStart, int rows, double[] zT, int ldz, int t0, int n,
                              double[] quad, int qo);

    /** x[off+i] = exp(x[off+i] - shift), by {@link PortableExp} (bit-identical in every implementation). */
    void expShift(double[] x, int off, int n, double shift);

    /** max of x[off .. off+n). */
    double max(double[] x, int off, int n);

    /** sum of x[off .. off+n). */
    double sum(double[] x, int off, int n);

    /** The name shown in logs and benchmarks. */
    String name();

    /** The Vector API implementation when the incubator module is loaded and the JIT is C2, else scalar. */
    static VectorOps best() { return VectorOpsProvider.BEST; }

    /** The scalar reference implementation. */
    static VectorOps scalar() { return ScalarOps.INSTANCE; }
}
