package io.ssm4j.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
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

    /**
     * Runs every kernel on small arrays until the JIT has compiled them, so that the first real calls do not
     * run the Vector API in the interpreter (where each vector operation allocates and is ~100x slower).
     * Takes a few tenths of a second once per JVM; results are unaffected.
     */
    void prime(int calls) {
        int n = 16 * S.length() + 3; // long enough that the compiled main loops see realistic trip counts
        double[] a = new double[n], b = new double[n], c = new double[n], z = new double[5 * n];
        for (int i = 0; i < n; i++) {
            a[i] = 1.0 / (i + 1);
            b[i] = i;
        }
        double[] coef = {0.5, -0.25, 1};
        int[] col = {0, 1, 0};
        int[] rowStart = {0, 2, 3};
        double acc = 0;
        for (int r = 0; r < calls; r++) {
            acc += dot(a, 0, b, 0, n) + sum(a, 0, n) + max(b, 0, n);
            axpy(1e-9, a, 0, c, 0, n);
            multiply(a, 0, b, 0, c, 0, n);
            addSquares(a, 0, c, 0, n);
            System.arraycopy(b, 0, c, 0, n);
            expShift(c, 0, n, 0);
            sparseQuadraticForms(coef, col, rowStart, 2, b, 0, 0, n, c, 0);
            addDots(a, 0, z, n, 0, 5, n, c, 0);
        }
        if (Double.isNaN(acc)) throw new AssertionError("priming produced NaN");
    }

    /**
     * The lanes' sum in lane order. ({@code reduceLanes(ADD)} leaves the order unspecified, and the compiled and
     * interpreted forms differ, so results would depend on JIT timing and, with threads, on the thread count.)
     */
    private static double sumLanes(DoubleVector v) {
        double s = v.lane(0);
        for (int i = 1; i < S.length(); i++) s += v.lane(i);
        return s;
    }

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
        double s = sumLanes(acc0.add(acc1).add(acc2.add(acc3)));
        for (; i < n; i++) s += a[ao + i] * b[bo + i];
        return s;
    }

    /** Four rows at a time, each with its own accumulator, so one load of x serves four fused multiply-adds. */
    @Override
    public void addDots(double[] x, int xo, double[] z, int ldz, int zo, int count, int n, double[] out, int oo) {
        int b = 0, l = S.length(), bound = S.loopBound(n);
        for (; b + 4 <= count; b += 4) {
            int z0 = b * ldz + zo, z1 = z0 + ldz, z2 = z1 + ldz, z3 = z2 + ldz;
            DoubleVector a0 = DoubleVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            int i = 0;
            for (; i < bound; i += l) {
                DoubleVector xv = DoubleVector.fromArray(S, x, xo + i);
                a0 = xv.fma(DoubleVector.fromArray(S, z, z0 + i), a0);
                a1 = xv.fma(DoubleVector.fromArray(S, z, z1 + i), a1);
                a2 = xv.fma(DoubleVector.fromArray(S, z, z2 + i), a2);
                a3 = xv.fma(DoubleVector.fromArray(S, z, z3 + i), a3);
            }
            double s0 = sumLanes(a0), s1 = sumLanes(a1), s2 = sumLanes(a2), s3 = sumLanes(a3);
            for (; i < n; i++) {
                double xi = x[xo + i];
                s0 += xi * z[z0 + i];
                s1 += xi * z[z1 + i];
                s2 += xi * z[z2 + i];
                s3 += xi * z[z3 + i];
            }
            out[oo + b] += s0;
            out[oo + b + 1] += s1;
            out[oo + b + 2] += s2;
            out[oo + b + 3] += s3;
        }
        for (; b < count; b++) out[oo + b] += dot(x, xo, z, b * ldz + zo, n);
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

    /**
     * Register-blocked over four L-wide chunks of time steps at once (four independent FMA chains hide the FMA
     * latency); residuals and sums of squares stay in registers; single chunks, then scalar, for the tail.
     */
    @Override
    public void sparseQuadraticForms(double[] coef, int[] col, int[] rowStart, int rows, double[] zT, int ldz, int t0,
                                     int n, double[] quad, int qo) {
        int i = 0, l = S.length();
        for (; i + 4 * l <= n; i += 4 * l) {
            DoubleVector q0 = DoubleVector.zero(S), q1 = q0, q2 = q0, q3 = q0;
            for (int a = 0; a < rows; a++) {
                DoubleVector r0 = DoubleVector.zero(S), r1 = r0, r2 = r0, r3 = r0;
                for (int e = rowStart[a]; e < rowStart[a + 1]; e++) {
                    DoubleVector h = DoubleVector.broadcast(S, coef[e]);
                    int o = col[e] * ldz + t0 + i;
                    r0 = DoubleVector.fromArray(S, zT, o).fma(h, r0);
                    r1 = DoubleVector.fromArray(S, zT, o + l).fma(h, r1);
                    r2 = DoubleVector.fromArray(S, zT, o + 2 * l).fma(h, r2);
                    r3 = DoubleVector.fromArray(S, zT, o + 3 * l).fma(h, r3);
                }
                q0 = r0.fma(r0, q0);
                q1 = r1.fma(r1, q1);
                q2 = r2.fma(r2, q2);
                q3 = r3.fma(r3, q3);
            }
            q0.intoArray(quad, qo + i);
            q1.intoArray(quad, qo + i + l);
            q2.intoArray(quad, qo + i + 2 * l);
            q3.intoArray(quad, qo + i + 3 * l);
        }
        for (; i + l <= n; i += l) {
            DoubleVector q = DoubleVector.zero(S);
            for (int a = 0; a < rows; a++) {
                DoubleVector r = DoubleVector.zero(S);
                for (int e = rowStart[a]; e < rowStart[a + 1]; e++) {
                    r = DoubleVector.fromArray(S, zT, col[e] * ldz + t0 + i).fma(DoubleVector.broadcast(S, coef[e]), r);
                }
                q = r.fma(r, q);
            }
            q.intoArray(quad, qo + i);
        }
        if (i < n) ScalarOps.INSTANCE.sparseQuadraticForms(coef, col, rowStart, rows, zT, ldz, t0 + i, n - i, quad, qo + i);
    }

    /** {@link PortableExp} lane by lane: the same operations, so the same bits as the scalar form. */
    @Override
    public void expShift(double[] x, int off, int n, double shift) {
        int i = 0, bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector v0 = DoubleVector.fromArray(S, x, off + i).sub(shift)
                    .max(PortableExp.LOW).min(PortableExp.HIGH);
            DoubleVector v = v0.fma(lanes(PortableExp.INV_LN2), lanes(PortableExp.MAGIC));
            DoubleVector nd = v.sub(PortableExp.MAGIC);
            DoubleVector r = nd.neg().fma(lanes(PortableExp.LN2_HI), v0);
            r = nd.neg().fma(lanes(PortableExp.LN2_LO), r);
            DoubleVector r2 = r.mul(r), r4 = r2.mul(r2), r8 = r4.mul(r4);
            DoubleVector q0 = r.fma(lanes(PortableExp.A1), lanes(PortableExp.A0));
            DoubleVector q1 = r.fma(lanes(PortableExp.A3), lanes(PortableExp.A2));
            DoubleVector q2 = r.fma(lanes(PortableExp.A5), lanes(PortableExp.A4));
            DoubleVector q3 = r.fma(lanes(PortableExp.A7), lanes(PortableExp.A6));
            DoubleVector q4 = r.fma(lanes(PortableExp.A9), lanes(PortableExp.A8));
            DoubleVector q5 = r.fma(lanes(PortableExp.A11), lanes(PortableExp.A10));
            DoubleVector q6 = r.fma(lanes(PortableExp.A13), lanes(PortableExp.A12));
            DoubleVector h0 = q1.fma(r2, q0), h1 = q3.fma(r2, q2), h2 = q5.fma(r2, q4);
            DoubleVector p = q6.fma(r4, h2).fma(r8, h1.fma(r4, h0));
            LongVector ni = v.reinterpretAsLongs().sub(PortableExp.MAGIC_BITS);
            // floor(ni / 2) by a logical shift of ni + 2048 >= 0 (|ni| <= 1100 after the clamp): AVX2 has no
            // 64-bit arithmetic shift, and the Vector API's stand-in for one runs about ten times slower
            LongVector n1 = ni.add(2048).lanewise(VectorOperators.LSHR, 1).sub(1024), n2 = ni.sub(n1);
            DoubleVector s1 = n1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector s2 = n2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            p.mul(s1).mul(s2).intoArray(x, off + i);
        }
        for (; i < n; i++) x[off + i] = PortableExp.exp(x[off + i] - shift);
    }

    private static DoubleVector lanes(double v) { return DoubleVector.broadcast(S, v); }

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
        double s = sumLanes(acc0.add(acc1));
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    public String name() { return "vector-api(" + S.length() + " lanes)"; }
}
