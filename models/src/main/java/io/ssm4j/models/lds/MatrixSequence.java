package io.ssm4j.models.lds;

import io.ssm4j.data.NdArray;

/**
 * A rows x cols matrix that is either fixed (count 1) or given at every step (count blocks stored one after
 * another, row-major): M_t for t &lt; count. {@link #offset(int)} maps a step to the start of its block, so a
 * hot loop reads a time-varying parameter without copying. Immutable: {@link #view()} is shared.
 */
public final class MatrixSequence {
    private final double[] data;
    private final int rows;
    private final int cols;
    private final int count;

    private MatrixSequence(double[] data, int rows, int cols, int count) {
        this.data = data;
        this.rows = rows;
        this.cols = cols;
        this.count = count;
    }

    /** A fixed matrix (copied). */
    public static MatrixSequence fixed(double[] m, int rows, int cols) {
        if (m.length != rows * cols) {
            throw new IllegalArgumentException("matrix: expected " + rows + " x " + cols + " = " + rows * cols
                    + " entries, got " + m.length);
        }
        return new MatrixSequence(m.clone(), rows, cols, 1);
    }

    /** count matrices stored consecutively (copied). */
    public static MatrixSequence varying(double[] blocks, int count, int rows, int cols) {
        if (count < 1 || blocks.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("matrix sequence: expected " + count + " x " + rows + " x " + cols
                    + " entries, got " + blocks.length);
        }
        return new MatrixSequence(blocks.clone(), rows, cols, count);
    }

    /**
     * From an array of shape (rows, cols) (fixed) or (count, rows, cols) (time-varying).
     *
     * @param name the parameter's name, for the error message
     */
    static MatrixSequence fromArray(String name, NdArray a, int rows, int cols) {
        if (a.ndim() == 2 && a.dim(0) == rows && a.dim(1) == cols) return fixed(a.dataView(), rows, cols);
        if (a.ndim() == 3 && a.dim(1) == rows && a.dim(2) == cols && a.dim(0) >= 1) {
            return a.dim(0) == 1 ? fixed(a.dataView(), rows, cols) : varying(a.dataView(), a.dim(0), rows, cols);
        }
        throw new IllegalArgumentException(name + ": expected shape [" + rows + ", " + cols + "] or [T, " + rows + ", "
                + cols + "], got " + java.util.Arrays.toString(a.shape()));
    }

    /** The array form: (rows, cols) when fixed, else (count, rows, cols). */
    NdArray toArray() {
        return count == 1 ? NdArray.of(data, rows, cols) : NdArray.of(data, count, rows, cols);
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    /** 1 for a fixed matrix, else the number of steps it is given for. */
    public int count() { return count; }

    public boolean isFixed() { return count == 1; }

    /** Start of M_t in {@link #view()}: 0 when fixed, else t * rows * cols. */
    public int offset(int t) { return count == 1 ? 0 : t * rows * cols; }

    /** The stored blocks. Shared, not copied: callers must not write to it. */
    public double[] view() { return data; }

    /** A copy of M_t. */
    public double[] matrix(int t) {
        int o = offset(t);
        return java.util.Arrays.copyOfRange(data, o, o + rows * cols);
    }
}
