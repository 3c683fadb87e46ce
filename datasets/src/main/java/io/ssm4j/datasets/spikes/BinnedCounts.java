package io.ssm4j.datasets.spikes;

import io.ssm4j.data.NdArray;

/**
 * Spike counts on a regular grid: {@code counts} is (bins, neurons), and bin b covers
 * [start + b * width, start + (b + 1) * width) seconds.
 */
public record BinnedCounts(NdArray counts, double start, double width) {
    public int bins() { return counts.dim(0); }

    /** The time at which bin b starts. */
    public double binStart(int b) { return start + b * width; }
}
