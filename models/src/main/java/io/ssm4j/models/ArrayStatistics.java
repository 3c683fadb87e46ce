package io.ssm4j.models;

/**
 * Expected sufficient statistics held as one flat array whose layout the producing model defines. They add:
 * {@code a.plus(b)} is associative and commutative with {@link #zeros(int)} as the empty element, so an
 * E-step can be split over trials, threads or machines and the parts summed in any grouping before the
 * M-step.
 */
public final class ArrayStatistics {
    private final double[] values;

    private ArrayStatistics(double[] values) {
        this.values = values;
    }

    /** The empty element of the given size. */
    public static ArrayStatistics zeros(int size) { return new ArrayStatistics(new double[size]); }

    public int size() { return values.length; }

    /** The mutable accumulator: producers add into it during accumulation. */
    public double[] values() { return values; }

    /** A new statistic holding this + other. */
    public ArrayStatistics plus(ArrayStatistics other) {
        if (other.values.length != values.length) {
            throw new IllegalArgumentException("statistics sizes differ: " + values.length + " vs " + other.values.length);
        }
        double[] sum = values.clone();
        for (int i = 0; i < sum.length; i++) sum[i] += other.values[i];
        return new ArrayStatistics(sum);
    }
}
