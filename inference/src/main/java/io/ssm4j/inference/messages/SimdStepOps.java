package io.ssm4j.inference.messages;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StepOps} on the JDK Vector API. For each L-wide chunk of output columns two accumulator registers
 * (even and odd rows i, halving the dependency chain) take one fused multiply-add, or add-then-max, per row, so
 * each output is stored once;
 * the last K mod L columns are covered by one more chunk overlapping the previous one (products rewrite equal
 * values; the rank-one update loads the overlapped lanes of y as zero), and K &lt; L runs the scalar code. A 2-lane species for a 2-column tail was
 * measured 3-5x slower on JDK 17 (AVX2), so it is not used; nor is a species passed as an argument (not a
 * compile-time constant, the vectors get boxed). Only loaded when the incubator module is present.
 */
final class SimdStepOps implements StepOps {
    static final SimdStepOps INSTANCE = new SimdStepOps();
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private SimdStepOps() {}

    /**
     * Runs each kernel on a small K until the JIT has compiled it, so the first real message passes do not run
     * the Vector API in the interpreter (as {@code io.ssm4j.math.SimdOps} does for its kernels).
     */
    void prime(int calls) {
        int k = 2 * S.length() + 1;
        double[] x = new double[k], m = new double[k * k], out = new double[k], s = new double[k * k];
        for (int i = 0; i < m.length; i++) m[i] = 1.0 / (i + 1);
        for (int i = 0; i < k; i++) x[i] = i;
        for (int r = 0; r < calls; r++) {
            vecMat(x, 0, m, 0, k, out, 0);
            maxPlus(x, 0, m, 0, k, out, 0);
            outerAdd(x, 0, out, 0, k, s, 0);
        }
    }

    @Override
    public void vecMat(double[] x, int xo, double[] m, int mo, int k, double[] out, int oo) {
        int l = S.length();
        if (k < l) {
            ScalarStepOps.INSTANCE.vecMat(x, xo, m, mo, k, out, oo);
            return;
        }
        int j = 0;
        for (int bound = S.loopBound(k); j < bound; j += l) vecMatChunk(x, xo, m, mo + j, k, out, oo + j);
        if (j < k) vecMatChunk(x, xo, m, mo + k - l, k, out, oo + k - l); // overlapping last chunk: rewrites equal values
    }

    private static void vecMatChunk(double[] x, int xo, double[] m, int mo, int k,
                                    double[] out, int oo) {
        DoubleVector a0 = DoubleVector.zero(S), a1 = DoubleVector.zero(S);
        int i = 0;
        for (; i + 1 < k; i += 2) {
            a0 = DoubleVector.fromArray(S, m, mo + i * k).fma(DoubleVector.broadcast(S, x[xo + i]), a0);
            a1 = DoubleVector.fromArray(S, m, mo + (i + 1) * k).fma(DoubleVector.broadcast(S, x[xo + i + 1]), a1);
        }
        if (i < k) a0 = DoubleVector.fromArray(S, m, mo + i * k).fma(DoubleVector.broadcast(S, x[xo + i]), a0);
        a0.add(a1).intoArray(out, oo);
    }

    @Override
    public void maxPlus(double[] x, int xo, double[] m, int mo, int k, double[] out, int oo) {
        int l = S.length();
        if (k < l) {
            ScalarStepOps.INSTANCE.maxPlus(x, xo, m, mo, k, out, oo);
            return;
        }
        int j = 0;
        for (int bound = S.loopBound(k); j < bound; j += l) maxPlusChunk(x, xo, m, mo + j, k, out, oo + j);
        if (j < k) maxPlusChunk(x, xo, m, mo + k - l, k, out, oo + k - l); // overlapping last chunk: rewrites equal values
    }

    private static void maxPlusChunk(double[] x, int xo, double[] m, int mo, int k,
                                     double[] out, int oo) {
        DoubleVector a0 = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY), a1 = a0;
        int i = 0;
        for (; i + 1 < k; i += 2) {
            a0 = a0.max(DoubleVector.fromArray(S, m, mo + i * k).add(x[xo + i]));
            a1 = a1.max(DoubleVector.fromArray(S, m, mo + (i + 1) * k).add(x[xo + i + 1]));
        }
        if (i < k) a0 = a0.max(DoubleVector.fromArray(S, m, mo + i * k).add(x[xo + i]));
        a0.max(a1).intoArray(out, oo);
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
