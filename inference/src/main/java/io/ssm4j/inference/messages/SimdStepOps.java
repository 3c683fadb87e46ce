package io.ssm4j.inference.messages;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StepOps} on the JDK Vector API. For each L-wide chunk of output columns two accumulator registers
 * (even and odd rows i, halving the dependency chain) take one fused multiply-add, or add-then-max, per row, so
 * each output is stored once;
 * the last K mod L columns are scalar (two accumulators as well). A 2-lane species for a 2-column tail was
 * measured 3-5x slower on JDK 17 (AVX2), so it is not used; nor is a species passed as an argument (not a
 * compile-time constant, the vectors get boxed). Only loaded when the incubator module is present.
 */
final class SimdStepOps implements StepOps {
    static final SimdStepOps INSTANCE = new SimdStepOps();
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private SimdStepOps() {}

    @Override
    public void vecMat(double[] x, int xo, double[] m, int mo, int k, double[] out, int oo) {
        int j = 0;
        for (int bound = S.loopBound(k); j < bound; j += S.length()) vecMatChunk(x, xo, m, mo + j, k, out, oo + j);
        for (; j < k; j++) {
            double s0 = 0, s1 = 0;
            int i = 0;
            for (; i + 1 < k; i += 2) {
                s0 += x[xo + i] * m[mo + i * k + j];
                s1 += x[xo + i + 1] * m[mo + (i + 1) * k + j];
            }
            if (i < k) s0 += x[xo + i] * m[mo + i * k + j];
            out[oo + j] = s0 + s1;
        }
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
        int j = 0;
        for (int bound = S.loopBound(k); j < bound; j += S.length()) maxPlusChunk(x, xo, m, mo + j, k, out, oo + j);
        for (; j < k; j++) {
            double s0 = Double.NEGATIVE_INFINITY, s1 = Double.NEGATIVE_INFINITY;
            int i = 0;
            for (; i + 1 < k; i += 2) {
                s0 = Math.max(s0, x[xo + i] + m[mo + i * k + j]);
                s1 = Math.max(s1, x[xo + i + 1] + m[mo + (i + 1) * k + j]);
            }
            if (i < k) s0 = Math.max(s0, x[xo + i] + m[mo + i * k + j]);
            out[oo + j] = Math.max(s0, s1);
        }
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
        int j = 0;
        for (int bound = S.loopBound(k); j < bound; j += S.length()) outerChunk(x, xo, y, yo + j, k, s, so + j);
        for (; j < k; j++) {
            double yj = y[yo + j];
            for (int i = 0; i < k; i++) s[so + i * k + j] += x[xo + i] * yj;
        }
    }

    private static void outerChunk(double[] x, int xo, double[] y, int yo, int k,
                                   double[] s, int so) {
        DoubleVector yv = DoubleVector.fromArray(S, y, yo);
        for (int i = 0; i < k; i++) {
            int r = so + i * k;
            yv.fma(DoubleVector.broadcast(S, x[xo + i]), DoubleVector.fromArray(S, s, r)).intoArray(s, r);
        }
    }

}
