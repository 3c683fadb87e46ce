package io.ssm4j.data;

import java.util.Arrays;

/**
 * An n-dimensional array of doubles with a shape, row-major (C order) storage, and the element type it was
 * read as or should be written as. The common currency between file formats (NPY/NPZ, CSV, JSON model
 * files) and models' parameters.
 */
public final class NdArray {
    /** Element types the NPY reader and writer know. */
    public enum DType { FLOAT64, FLOAT32, INT64, INT32, BOOL }

    private final int[] shape;
    private final double[] data;
    private final DType dtype;

    private NdArray(int[] shape, double[] data, DType dtype) {
        this.shape = shape;
        this.data = data;
        this.dtype = dtype;
    }

    /** A float64 array of the given shape over data (copied). */
    public static NdArray of(double[] data, int... shape) { return of(DType.FLOAT64, data, shape); }

    public static NdArray of(DType dtype, double[] data, int... shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n
                    + " elements, data has " + data.length);
        }
        return new NdArray(shape.clone(), data.clone(), dtype);
    }

    /** A scalar (shape []). */
    public static NdArray scalar(double v) { return new NdArray(new int[0], new double[] {v}, DType.FLOAT64); }

    public int[] shape() { return shape.clone(); }

    public int ndim() { return shape.length; }

    public int dim(int axis) { return shape[axis]; }

    public int size() { return data.length; }

    public DType dtype() { return dtype; }

    /** The row-major data. Shared, not copied: do not write to it. */
    public double[] dataView() { return data; }

    public double[] toArray() { return data.clone(); }

    /** Same data, new shape with the same element count. */
    public NdArray reshape(int... newShape) { return of(dtype, data, newShape); }

    /** Throws, naming the array, unless the shape equals the expected one. */
    public NdArray requireShape(String name, int... expected) {
        if (!Arrays.equals(shape, expected)) {
            throw new IllegalArgumentException(name + ": expected shape " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(shape));
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data); }

    @Override
    public String toString() { return "NdArray" + Arrays.toString(shape) + " " + dtype; }
}
