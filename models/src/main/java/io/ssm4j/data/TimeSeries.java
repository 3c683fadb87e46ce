package io.ssm4j.data;

import java.util.Arrays;

/**
 * One sequence of observations y_1..y_T in R^D, with an optional mask of missing entries and optional
 * exogenous inputs u_1..u_T in R^M.
 *
 * <p>Storage is flat and row-major: entry (t, d) lives at {@code t * D + d}. A missing entry is stored as
 * {@code 0.0} with {@code observed(t, d) == false}, so that sufficient statistics weighted by the mask need
 * no special case. Instances are immutable: the accessors that return arrays document that callers must
 * not write to them (hot loops read them without copying).
 */
public final class TimeSeries {
    private final int length;
    private final int dim;
    private final double[] values;
    private final boolean[] observed;
    private final int missingCount;
    private final int inputDim;
    private final double[] inputs;
    /** Arrays derived from this (immutable) series by models, computed once: see {@link #derived}. */
    private final java.util.concurrent.ConcurrentHashMap<Object, Object> derived = new java.util.concurrent.ConcurrentHashMap<>(2);

    private TimeSeries(int length, int dim, double[] values, boolean[] observed, int missingCount,
                       int inputDim, double[] inputs) {
        this.length = length;
        this.dim = dim;
        this.values = values;
        this.observed = observed;
        this.missingCount = missingCount;
        this.inputDim = inputDim;
        this.inputs = inputs;
    }

    /**
     * A series from row-major values; NaN entries are taken as missing, infinities are rejected.
     *
     * @param values T * D values, row-major; copied
     */
    public static TimeSeries of(double[] values, int length, int dim) {
        if (length < 1) throw new IllegalArgumentException("time series length must be >= 1, got " + length);
        if (dim < 1) throw new IllegalArgumentException("time series dimension must be >= 1, got " + dim);
        if (values.length != (long) length * dim) {
            throw new IllegalArgumentException("values: expected T*D = " + length + "*" + dim + " = "
                    + ((long) length * dim) + " entries, got " + values.length);
        }
        double[] copy = values.clone();
        boolean[] mask = null;
        int missing = 0;
        for (int i = 0; i < copy.length; i++) {
            double v = copy[i];
            if (Double.isNaN(v)) {
                if (mask == null) {
                    mask = new boolean[copy.length];
                    Arrays.fill(mask, true);
                }
                mask[i] = false;
                copy[i] = 0.0;
                missing++;
            } else if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("values: infinite entry at t=" + (i / dim) + ", d=" + (i % dim));
            }
        }
        return new TimeSeries(length, dim, copy, mask, missing, 0, null);
    }

    /** A series from rows y[t][d]; every row must have the same length. NaN marks a missing entry. */
    public static TimeSeries of(double[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException("time series must have at least one row");
        int d = rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != d) {
                throw new IllegalArgumentException("ragged rows: row 0 has " + d + " columns, row " + t + " has "
                        + rows[t].length);
            }
            System.arraycopy(rows[t], 0, flat, t * d, d);
        }
        return of(flat, rows.length, d);
    }

    /**
     * This series with an explicit mask (true = observed) combined with the NaN entries already missing.
     * A NaN or infinite value at an entry the mask calls observed is an error.
     */
    public TimeSeries withMask(boolean[] mask) {
        if (mask.length != values.length) {
            throw new IllegalArgumentException("mask: expected T*D = " + values.length + " entries, got " + mask.length);
        }
        boolean[] combined = new boolean[values.length];
        int missing = 0;
        for (int i = 0; i < combined.length; i++) {
            boolean wasObserved = observed == null || observed[i];
            if (mask[i] && !wasObserved) {
                throw new IllegalArgumentException("NaN outside the mask: entry t=" + (i / dim) + ", d=" + (i % dim)
                        + " is NaN but the mask marks it observed");
            }
            combined[i] = mask[i] && wasObserved;
            if (!combined[i]) missing++;
        }
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) if (!combined[i]) v[i] = 0.0;
        return new TimeSeries(length, dim, v, missing == 0 ? null : combined, missing, inputDim, inputs);
    }

    /** This series with inputs u (T x M, row-major; copied). Inputs must be finite. */
    public TimeSeries withInputs(double[] u, int m) {
        if (m < 1) throw new IllegalArgumentException("input dimension must be >= 1, got " + m);
        if (u.length != (long) length * m) {
            throw new IllegalArgumentException("inputs: expected T*M = " + length + "*" + m + " entries, got " + u.length);
        }
        for (int i = 0; i < u.length; i++) {
            if (!Double.isFinite(u[i])) {
                throw new IllegalArgumentException("inputs: non-finite entry at t=" + (i / m) + ", m=" + (i % m));
            }
        }
        return new TimeSeries(length, dim, values, observed, missingCount, m, u.clone());
    }

    public int length() { return length; }

    public int dim() { return dim; }

    public int inputDim() { return inputDim; }

    public boolean hasInputs() { return inputs != null; }

    public boolean hasMissing() { return missingCount > 0; }

    public int missingCount() { return missingCount; }

    public double value(int t, int d) { return values[t * dim + d]; }

    public boolean isObserved(int t, int d) { return observed == null || observed[t * dim + d]; }

    /** True when every entry of row t is observed. */
    public boolean isRowObserved(int t) {
        if (observed == null) return true;
        for (int d = 0; d < dim; d++) if (!observed[t * dim + d]) return false;
        return true;
    }

    public double input(int t, int m) { return inputs[t * inputDim + m]; }

    /** The row-major values, missing entries as 0. Shared, not copied: callers must not write to it. */
    public double[] valuesView() { return values; }

    /** The row-major mask (true = observed), or null when nothing is missing. Shared: do not write. */
    public boolean[] maskView() { return observed; }

    /** The row-major inputs T x M, or null. Shared: do not write. */
    public double[] inputsView() { return inputs; }

    /**
     * A value derived from this series alone (such as a model's design matrix), computed on first request and
     * kept for the life of the series, which is immutable, so an iterative fit builds it once, not per
     * iteration. The key must identify the derivation (its class and parameters).
     */
    @SuppressWarnings("unchecked")
    public <V> V derived(Object key, java.util.function.Function<TimeSeries, V> compute) {
        return (V) derived.computeIfAbsent(key, k -> compute.apply(this));
    }

    /** A copy of the values with missing entries as NaN. */
    public double[] toArrayWithNaN() {
        double[] out = values.clone();
        if (observed != null) for (int i = 0; i < out.length; i++) if (!observed[i]) out[i] = Double.NaN;
        return out;
    }

    /** Rows [from, to) as a new series, keeping mask and inputs. */
    public TimeSeries slice(int from, int to) {
        if (from < 0 || to > length || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") outside [0, " + length + ")");
        }
        double[] v = Arrays.copyOfRange(values, from * dim, to * dim);
        boolean[] m = observed == null ? null : Arrays.copyOfRange(observed, from * dim, to * dim);
        int missing = 0;
        if (m != null) for (boolean b : m) if (!b) missing++;
        double[] u = inputs == null ? null : Arrays.copyOfRange(inputs, from * inputDim, to * inputDim);
        return new TimeSeries(to - from, dim, v, missing == 0 ? null : m, missing, inputDim, u);
    }

    @Override
    public String toString() {
        return "TimeSeries[T=" + length + ", D=" + dim + (inputs != null ? ", M=" + inputDim : "")
                + (missingCount > 0 ? ", missing=" + missingCount : "") + "]";
    }
}
