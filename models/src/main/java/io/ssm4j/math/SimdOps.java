package io.ssm4j.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link VectorOps} on the JDK Vector API ({@code jdk.incubator.vector}) with the preferred species, a
 * {@code loopBound} main loop and a scalar tail (masked tails measured slower on AVX2). Only loaded when the
 * module is present; see {@link VectorOps#best()}.
 */
public final class SimdOps implements VectorOps {
    static final SimdOps INSTANCE = new SimdOps();
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private SimdOps() {}

    /** Worth using only with at least two lanes and a C2-compiling VM. */
    boolean isUseful() {
        String vm = System.getProperty("java.vm.name", "");
        return S.length() >= 2 && !vm.contains("Client") && !"true".equals(System.getProperty("ssm4j.scalar"));
    }

    /**
     * Four independent accumulators: one would make the loop wait on the FMA latency (about 4 cycles) instead of
     * its throughput.
     */
    @Override
    public double dot(double[] a, int ao, double[] b, int bo, int n) {
        int i = 0, l = S.length(), bound4 = n - 4 * l + 1;
        DoubleVector acc0 = DoubleVector.zero(S), acc1 = acc0, acc2 = acc0, acc3 = acc0;
        for (; i < bound4; i += 4 * l) {
            acc0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), acc0);
            acc1 = DoubleVector.fromArray(S, a, ao + i + l).fma(DoubleVector.fromArray(S, b, bo + i + l), acc1);
            acc2 = DoubleVector.fromArray(S, a, ao + i + 2 * l).fma(DoubleVector.fromArray(S, b, bo + i + 2 * l), acc2);
            acc3 = DoubleVector.fromArray(S, a, ao + i + 3 * l).fma(DoubleVector.fromArray(S, b, bo + i + 3 * l), acc3);
        }
        for (int bound = S.loopBound(n); i < bound; i += l) {
            acc0 = DoubleVector.fromArray(S, a, ao + i).fma(DoubleVector.fromArray(S, b, bo + i), acc0);
        }
        double s = acc0.add(acc1).add(acc2.add(acc3)).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    @Override
    public void axpy(double alpha, double[] x, int xo, double[] y, int yo, int n) {
        int i = 0, bound = S.loopBound(n);
        DoubleVector va = DoubleVector.broadcast(S, alpha);
        for (; i < bound; i += S.length()) {
            DoubleVector.fromArray(S, x, xo + i).fma(va, DoubleVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] += alpha * x[xo + i];
    }

    @Override
    public void vecMat(double[] x, int xo, double[] a, int ao, int n, int cols, double[] y, int yo) {
        for (int j = 0; j < cols; j++) y[yo + j] = 0;
        for (int i = 0; i < n; i++) axpy(x[xo + i], a, ao + i * cols, y, yo, cols);
    }

    @Override
    public void matVec(double[] a, int ao, int rows, int n, double[] x, int xo, double[] y, int yo) {
        for (int r = 0; r < rows; r++) y[yo + r] = dot(a, ao + r * n, x, xo, n);
    }

    @Override
    public void multiply(double[] x, int xo, double[] y, int yo, double[] out, int oo, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector.fromArray(S, x, xo + i).mul(DoubleVector.fromArray(S, y, yo + i)).intoArray(out, oo + i);
        }
        for (; i < n; i++) out[oo + i] = x[xo + i] * y[yo + i];
    }

    @Override
    public void addSquares(double[] x, int xo, double[] y, int yo, int n) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector v = DoubleVector.fromArray(S, x, xo + i);
            v.fma(v, DoubleVector.fromArray(S, y, yo + i)).intoArray(y, yo + i);
        }
        for (; i < n; i++) y[yo + i] += x[xo + i] * x[xo + i];
    }

    @Override
    public void expShift(double[] x, int off, int n, double shift) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector.fromArray(S, x, off + i).sub(shift).lanewise(VectorOperators.EXP).intoArray(x, off + i);
        }
        for (; i < n; i++) x[off + i] = Math.exp(x[off + i] - shift);
    }

    @Override
    public double max(double[] x, int off, int n) {
        int i = 0, bound = S.loopBound(n);
        double m = Double.NEGATIVE_INFINITY;
        if (bound > 0) {
            DoubleVector acc = DoubleVector.broadcast(S, Double.NEGATIVE_INFINITY);
            for (; i < bound; i += S.length()) acc = acc.max(DoubleVector.fromArray(S, x, off + i));
            m = acc.reduceLanes(VectorOperators.MAX);
        }
        for (; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    @Override
    public double sum(double[] x, int off, int n) {
        int i = 0, l = S.length(), bound2 = n - 2 * l + 1;
        DoubleVector acc0 = DoubleVector.zero(S), acc1 = acc0;
        for (; i < bound2; i += 2 * l) {
            acc0 = acc0.add(DoubleVector.fromArray(S, x, off + i));
            acc1 = acc1.add(DoubleVector.fromArray(S, x, off + i + l));
        }
        for (int bound = S.loopBound(n); i < bound; i += l) acc0 = acc0.add(DoubleVector.fromArray(S, x, off + i));
        double s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    public String name() { return "vector-api(" + S.length() + " lanes)"; }
}
