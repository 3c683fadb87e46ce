package io.ssm4j.inference.messages;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StepOps} on the JDK Vector API. For each L-wide chunk of output columns two accumulator registers
 * (even and odd rows i, halving the dependency chain) take one fused multiply-add, or add-then-max, per row, so
 * each output is stored once; the products run three chunks per pass over the rows, so that each x[i] is broadcast
 * once for the three; the last K mod L columns are covered by one more chunk overlapping the previous one (products
 * rewrite equal values; the rank-one update loads the overlapped lanes of y as zero), and K &lt; L runs the scalar code.
 * The packed matrix ({@link #pack}) holds, for each group of three chunks and each row i, the row's three L-wide
 * pieces side by side, so a pass reads one contiguous 3L run per row at fixed offsets (K = 10: the chained product
 * 32 -> 17 ns per step against row-major reads at three column offsets, which the JIT kept recomputing and
 * spilling). A 2-lane species for a 2-column tail was
 * measured 3-5x slower on JDK 17 (AVX2), so it is not used; nor is a species passed as an argument (not a
 * compile-time constant, the vectors get boxed). Only loaded when the incubator module is present.
 */
final class SimdStepOps implements StepOps {
    static final SimdStepOps INSTANCE = new SimdStepOps();
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SimdStepOps() {}

    /**
     * Runs each kernel on a small K until the JIT has compiled it, so the first real message passes do not run
     * the Vector API in the interpreter (as {@code io.ssm4j.math.SimdOps} does for its kernels).
     */
    void prime(int calls) {
        int k = 2 * S.length() + 1;
        double[] x = new double[k], m = new double[k * k], out = new double[k], s = new double[k * k];
        for (int i = 0; i < m.length; i++) m[i] = 1.0 / (i + 1);
        double[] packed = pack(m, 0, 1, k);
        for (int i = 0; i < k; i++) x[i] = i;
        for (int r = 0; r < calls; r++) {
            vecMat(x, 0, packed, 0, k, out, 0);
            maxPlus(x, 0, packed, 0, k, out, 0);
            outerAdd(x, 0, out, 0, k, s, 0);
            crossProducts(m, 0, m, 0, k, k, s);
        }
    }

    @Override
    public void vecMat(double[] x, int xo, double[] packed, int po, int k, double[] out, int oo) {
        if (k < L) {
            ScalarStepOps.INSTANCE.vecMat(x, xo, packed, po, k, out, oo);
            return;
        }
        int chunks = (k + L - 1) / L;
        for (int c = 0; c < chunks; c += 3, po += 3 * L * evenRows(k)) {
            vecMatChunks(x, xo, packed, po, k, out, oo, chunkStart(c, k), chunkStart(Math.min(c + 1, chunks - 1), k),
                    chunkStart(Math.min(c + 2, chunks - 1), k));
        }
    }

    /** Column where chunk c starts: c L, except the last, which ends at column k (and may overlap the one before). */
    private static int chunkStart(int c, int k) { return Math.min(c * L, k - L); }

    /**
     * Three chunks of columns (starting at j0, j1, j2; a repeated start recomputes equal values) in one pass over the
     * rows, whose packed pieces start at q: each x[i] is broadcast once for all three, which halves the time for K of
     * 9 to 12 against a pass per chunk.
     */
    private static void vecMatChunks(double[] x, int xo, double[] packed, int q, int k, double[] out, int oo,
                                     int j0, int j1, int j2) {
        DoubleVector e0 = DoubleVector.zero(S), e1 = e0, e2 = e0, o0 = e0, o1 = e0, o2 = e0;
        for (int i = 0; i < k; i += 2, q += 6 * L) { // odd K: the packed zero row meets x = 0 (adds exact zeros)
            DoubleVector even = DoubleVector.broadcast(S, x[xo + i]);
            DoubleVector odd = DoubleVector.broadcast(S, i + 1 < k ? x[xo + i + 1] : 0.0);
            e0 = DoubleVector.fromArray(S, packed, q).fma(even, e0);
            e1 = DoubleVector.fromArray(S, packed, q + L).fma(even, e1);
            e2 = DoubleVector.fromArray(S, packed, q + 2 * L).fma(even, e2);
            o0 = DoubleVector.fromArray(S, packed, q + 3 * L).fma(odd, o0);
            o1 = DoubleVector.fromArray(S, packed, q + 4 * L).fma(odd, o1);
            o2 = DoubleVector.fromArray(S, packed, q + 5 * L).fma(odd, o2);
        }
        e0.add(o0).intoArray(out, oo + j0);
        e1.add(o1).intoArray(out, oo + j1);
        e2.add(o2).intoArray(out, oo + j2);
    }

    @Override
    public void maxPlus(double[] x, int xo, double[] packed, int po, int k, double[] out, int oo) {
        if (k < L) {
            ScalarStepOps.INSTANCE.maxPlus(x, xo, packed, po, k, out, oo);
            return;
        }
        int chunks = (k + L - 1) / L;
        for (int c = 0; c < chunks; c += 3, po += 3 * L * evenRows(k)) {
            maxPlusChunks(x, xo, packed, po, k, out, oo, chunkStart(c, k), chunkStart(Math.min(c + 1, chunks - 1), k),
                    chunkStart(Math.min(c + 2, chunks - 1), k));
        }
    }

    /** {@link #vecMatChunks} with add-then-max in place of the fused multiply-add. */
    private static void maxPlusChunks(double[] x, int xo, double[] packed, int q, int k, double[] out, int oo,
                                      int j0, int j1, int j2) {
        DoubleVector e0 = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY), e1 = e0, e2 = e0, o0 = e0, o1 = e0, o2 = e0;
        for (int i = 0; i < k; i += 2, q += 6 * L) { // odd K: the packed zero row meets x = -infinity
            double even = x[xo + i], odd = i + 1 < k ? x[xo + i + 1] : Double.NEGATIVE_INFINITY;
            e0 = e0.max(DoubleVector.fromArray(S, packed, q).add(even));
            e1 = e1.max(DoubleVector.fromArray(S, packed, q + L).add(even));
            e2 = e2.max(DoubleVector.fromArray(S, packed, q + 2 * L).add(even));
            o0 = o0.max(DoubleVector.fromArray(S, packed, q + 3 * L).add(odd));
            o1 = o1.max(DoubleVector.fromArray(S, packed, q + 4 * L).add(odd));
            o2 = o2.max(DoubleVector.fromArray(S, packed, q + 5 * L).add(odd));
        }
        e0.max(o0).intoArray(out, oo + j0);
        e1.max(o1).intoArray(out, oo + j1);
        e2.max(o2).intoArray(out, oo + j2);
    }

    /**
     * Per group of three chunks, per row i: the row's three L-wide pieces (class comment), with a zero row after
     * the last for odd K, so the row pairs of the passes need no tail block (smaller kernels; the timing did not
     * change); K &lt; L: row-major.
     */
    @Override
    public double[] pack(double[] m, int mo, int count, int k) {
        if (k < L) return ScalarStepOps.INSTANCE.pack(m, mo, count, k);
        int chunks = (k + L - 1) / L, rows = evenRows(k);
        double[] packed = new double[count * packedSize(k)];
        int dst = 0;
        for (int s = 0; s < count; s++) {
            int src = mo + s * k * k;
            for (int c = 0; c < chunks; c += 3) {
                for (int i = 0; i < rows; i++) {
                    for (int u = 0; u < 3; u++, dst += L) {
                        if (i < k) System.arraycopy(m, src + i * k + chunkStart(Math.min(c + u, chunks - 1), k), packed, dst, L);
                    }
                }
            }
        }
        return packed;
    }

    /** K rounded up to even: the packed rows. */
    private static int evenRows(int k) { return k + (k & 1); }

    @Override
    public int packedSize(int k) {
        if (k < L) return k * k;
        int groups = ((k + L - 1) / L + 2) / 3;
        return groups * 3 * L * evenRows(k);
    }

    @Override
    public void crossProducts(double[] a, int ao, double[] w, int wo, int n, int k, double[] out) {
        int l = S.length();
        if (k < l) {
            ScalarStepOps.INSTANCE.crossProducts(a, ao, w, wo, n, k, out);
            return;
        }
        int chunks = (k + l - 1) / l;
        for (int c = 0; c < chunks; c += 3) {
            int j0 = chunkStart(c, k), j1 = chunkStart(Math.min(c + 1, chunks - 1), k);
            int j2 = chunkStart(Math.min(c + 2, chunks - 1), k);
            int i = 0;
            for (; i + 3 < k; i += 4) crossFourRows(a, ao + i, w, wo, n, k, out, i * k, j0, j1, j2);
            for (; i < k; i++) crossRow(a, ao + i, w, wo, n, k, out, i * k, j0, j1, j2);
        }
    }

    /**
     * Rows i..i+3 of A^T W (a at column i) on three column chunks: twelve accumulators in registers over all n
     * steps, each step one load per chunk of w and one broadcast per row of a.
     */
    private static void crossFourRows(double[] a, int ai, double[] w, int wo, int n, int k, double[] out, int oi,
                                      int j0, int j1, int j2) {
        DoubleVector z = DoubleVector.zero(S);
        DoubleVector c00 = z, c01 = z, c02 = z, c10 = z, c11 = z, c12 = z;
        DoubleVector c20 = z, c21 = z, c22 = z, c30 = z, c31 = z, c32 = z;
        for (int t = 0, ar = ai, wr = wo; t < n; t++, ar += k, wr += k) {
            DoubleVector w0 = DoubleVector.fromArray(S, w, wr + j0);
            DoubleVector w1 = DoubleVector.fromArray(S, w, wr + j1);
            DoubleVector w2 = DoubleVector.fromArray(S, w, wr + j2);
            DoubleVector b0 = DoubleVector.broadcast(S, a[ar]), b1 = DoubleVector.broadcast(S, a[ar + 1]);
            DoubleVector b2 = DoubleVector.broadcast(S, a[ar + 2]), b3 = DoubleVector.broadcast(S, a[ar + 3]);
            c00 = w0.fma(b0, c00);
            c01 = w1.fma(b0, c01);
            c02 = w2.fma(b0, c02);
            c10 = w0.fma(b1, c10);
            c11 = w1.fma(b1, c11);
            c12 = w2.fma(b1, c12);
            c20 = w0.fma(b2, c20);
            c21 = w1.fma(b2, c21);
            c22 = w2.fma(b2, c22);
            c30 = w0.fma(b3, c30);
            c31 = w1.fma(b3, c31);
            c32 = w2.fma(b3, c32);
        }
        storeChunks(c00, c01, c02, out, oi, j0, j1, j2);
        storeChunks(c10, c11, c12, out, oi + k, j0, j1, j2);
        storeChunks(c20, c21, c22, out, oi + 2 * k, j0, j1, j2);
        storeChunks(c30, c31, c32, out, oi + 3 * k, j0, j1, j2);
    }

    /** One row of A^T W on three column chunks ({@link #crossFourRows} for the last K mod 4 rows). */
    private static void crossRow(double[] a, int ai, double[] w, int wo, int n, int k, double[] out, int oi,
                                 int j0, int j1, int j2) {
        DoubleVector c0 = DoubleVector.zero(S), c1 = c0, c2 = c0;
        for (int t = 0, ar = ai, wr = wo; t < n; t++, ar += k, wr += k) {
            DoubleVector b = DoubleVector.broadcast(S, a[ar]);
            c0 = DoubleVector.fromArray(S, w, wr + j0).fma(b, c0);
            c1 = DoubleVector.fromArray(S, w, wr + j1).fma(b, c1);
            c2 = DoubleVector.fromArray(S, w, wr + j2).fma(b, c2);
        }
        storeChunks(c0, c1, c2, out, oi, j0, j1, j2);
    }

    /** Stores one output row's three chunks (an overlapped chunk writes equal values twice). */
    private static void storeChunks(DoubleVector c0, DoubleVector c1, DoubleVector c2, double[] out, int oi,
                                    int j0, int j1, int j2) {
        c0.intoArray(out, oi + j0);
        c1.intoArray(out, oi + j1);
        c2.intoArray(out, oi + j2);
    }

    @Override
    public void outerAdd(double[] x, int xo, double[] y, int yo, int k, double[] s, int so) {
        int l = S.length();
        if (k < l) {
            ScalarStepOps.INSTANCE.outerAdd(x, xo, y, yo, k, s, so);
            return;
        }
        int j = 0;
        for (int bound = S.loopBound(k); j < bound; j += l) {
            outerChunk(x, xo, DoubleVector.fromArray(S, y, yo + j), k, s, so + j);
        }
        if (j < k) { // the last chunk overlaps the previous one; its already-added lanes load as zero
            DoubleVector tail = DoubleVector.fromArray(S, y, yo + k - l, TAIL_LANES[k - j]);
            outerChunk(x, xo, tail, k, s, so + k - l);
        }
    }

    private static void outerChunk(double[] x, int xo, DoubleVector yv, int k, double[] s, int so) {
        for (int i = 0; i < k; i++) {
            int r = so + i * k;
            yv.fma(DoubleVector.broadcast(S, x[xo + i]), DoubleVector.fromArray(S, s, r)).intoArray(s, r);
        }
    }

    /** TAIL_LANES[r]: the last r lanes set (r = 1 .. L-1). */
    private static final VectorMask<Double>[] TAIL_LANES = tailMasks();

    @SuppressWarnings("unchecked")
    private static VectorMask<Double>[] tailMasks() {
        int l = S.length();
        VectorMask<Double>[] masks = new VectorMask[l];
        for (int r = 1; r < l; r++) {
            boolean[] bits = new boolean[l];
            for (int lane = l - r; lane < l; lane++) bits[lane] = true;
            masks[r] = VectorMask.fromArray(S, bits, 0);
        }
        return masks;
    }
}
