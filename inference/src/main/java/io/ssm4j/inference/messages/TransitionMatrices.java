package io.ssm4j.inference.messages;

import java.util.Arrays;
import java.util.Objects;

/**
 * Transition matrices of an HMM chain: one K x K row-stochastic matrix
 * {@code P[i*K+j] = p(z_t = j | z_{t-1} = i)} shared by every step (stationary), or one matrix per step
 * (time-varying, e.g. input-driven transitions), the matrix of step {@code t -> t+1} at offset {@code t*K*K}
 * of one flat array.
 *
 * <p>Every entry must be finite and {@code >= 0} and every row must sum to 1 within {@value #ROW_SUM_TOLERANCE}.
 * Instances are immutable: the factories copy their input. The arrays returned by {@link #matrixView(int)} and
 * {@link #flatView()} are shared read-only views and must not be modified.
 */
public final class TransitionMatrices {
    /** Allowed deviation of a row sum from 1. */
    public static final double ROW_SUM_TOLERANCE = 1e-8;

    private final double[] values;
    private final int k;
    private final int steps;
    private final boolean stationary;
    private volatile double[] logValues;
    private volatile double[] packedValues;
    private volatile double[] packedTransposed;
    private volatile double[] packedLogValues;

    private TransitionMatrices(double[] values, int k, int steps, boolean stationary) {
        this.values = values;
        this.k = k;
        this.steps = steps;
        this.stationary = stationary;
    }

    /** One K x K matrix used for every step; {@code p} is row-major with {@code p.length == k*k}. */
    public static TransitionMatrices stationary(double[] p, int k) {
        Objects.requireNonNull(p, "p");
        if (k < 1) throw new IllegalArgumentException("k (number of states) must be >= 1, got " + k);
        if (p.length != k * k) {
            throw new IllegalArgumentException("p has length " + p.length + ", expected k*k = " + k + "*" + k + " = " + k * k);
        }
        double[] copy = p.clone();
        validateRows(copy, 1, k, true);
        return new TransitionMatrices(copy, k, -1, true);
    }

    /**
     * One matrix per step: {@code steps = T - 1} matrices, the one for step {@code t -> t+1} at offset
     * {@code t*k*k} of {@code p}, so {@code p.length == steps*k*k}.
     */
    public static TransitionMatrices timeVarying(double[] p, int steps, int k) {
        Objects.requireNonNull(p, "p");
        if (k < 1) throw new IllegalArgumentException("k (number of states) must be >= 1, got " + k);
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        long expected = (long) steps * k * k;
        if (p.length != expected) {
            throw new IllegalArgumentException("p has length " + p.length + ", expected steps*k*k = " + steps + "*" + k + "*" + k
                    + " = " + expected);
        }
        double[] copy = p.clone();
        validateRows(copy, steps, k, false);
        return new TransitionMatrices(copy, k, steps, false);
    }

    private static void validateRows(double[] p, int steps, int k, boolean stationary) {
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < k; i++) {
                int row = (s * k + i) * k;
                double sum = 0;
                for (int j = 0; j < k; j++) {
                    double v = p[row + j];
                    if (!(v >= 0) || v == Double.POSITIVE_INFINITY) {
                        throw new IllegalArgumentException("transition entry " + where(stationary, s) + "[" + i + "," + j
                                + "] must be finite and >= 0, got " + v);
                    }
                    sum += v;
                }
                if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                    throw new IllegalArgumentException("transition row " + i + " of " + where(stationary, s)
                            + " sums to " + sum + ", expected 1 within " + ROW_SUM_TOLERANCE);
                }
            }
        }
    }

    private static String where(boolean stationary, int s) {
        return stationary ? "P" : "P(step " + s + ")";
    }

    /** K, the number of states. */
    public int numStates() { return k; }

    /** True when one matrix serves every step. */
    public boolean isStationary() { return stationary; }

    /** The number of per-step matrices (T - 1) of a time-varying chain; -1 when stationary (any length fits). */
    public int numSteps() { return steps; }

    /**
     * The K*K matrix of the transition {@code t -> t+1}. Stationary: the same shared read-only array for every
     * {@code t}. Time-varying: a fresh copy of that step's matrix (kernels use {@link #flatView()} and
     * {@link #offset(int)} instead, which copy nothing).
     */
    public double[] matrixView(int t) {
        checkStep(t);
        if (stationary) return values;
        int o = t * k * k;
        return Arrays.copyOfRange(values, o, o + k * k);
    }

    /** Offset in {@link #flatView()} of the matrix for the transition {@code t -> t+1} (0 when stationary). */
    public int offset(int t) {
        return stationary ? 0 : t * k * k;
    }

    /** The backing flat array, shared and read-only: entry (i, j) of step t is at {@code offset(t) + i*K + j}. */
    public double[] flatView() { return values; }

    /** Element-wise natural log of {@link #flatView()} (log 0 = -infinity), computed once and cached. */
    double[] logFlat() {
        double[] lv = logValues;
        if (lv == null) {
            lv = new double[values.length];
            for (int i = 0; i < lv.length; i++) lv[i] = Math.log(values[i]);
            logValues = lv;
        }
        return lv;
    }

    /** {@link #flatView()} in the message kernels' layout ({@link StepOps#pack}), computed once and cached. */
    double[] packed() {
        double[] v = packedValues;
        if (v == null) packedValues = v = pack(values);
        return v;
    }

    /** Each matrix transposed (P^T, for beta = P w as a vector-matrix product), packed likewise and cached. */
    double[] packedTranspose() {
        double[] v = packedTransposed;
        if (v == null) {
            double[] tv = new double[values.length];
            for (int o = 0; o < values.length; o += k * k) {
                for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) tv[o + j * k + i] = values[o + i * k + j];
            }
            packedTransposed = v = pack(tv);
        }
        return v;
    }

    /** {@link #logFlat()} packed likewise (for max-plus) and cached. */
    double[] packedLog() {
        double[] v = packedLogValues;
        if (v == null) packedLogValues = v = pack(logFlat());
        return v;
    }

    /** Offset in the packed arrays of the matrix for the transition {@code t -> t+1} (0 when stationary). */
    int packedOffset(int t) {
        return stationary ? 0 : t * StepOps.best().packedSize(k);
    }

    private double[] pack(double[] flat) {
        return StepOps.best().pack(flat, 0, flat.length / (k * k), k);
    }

    /** Throws unless these matrices can drive a chain of {@code length} steps. */
    void checkCovers(int length) {
        if (!stationary && steps != length - 1) {
            throw new IllegalArgumentException("trans has " + steps + " time-varying steps, expected length - 1 = "
                    + (length - 1));
        }
    }

    private void checkStep(int t) {
        if (t < 0 || (!stationary && t >= steps)) {
            throw new IndexOutOfBoundsException("transition step t=" + t + " outside [0, "
                    + (stationary ? "infinity" : String.valueOf(steps)) + ")");
        }
    }
}
