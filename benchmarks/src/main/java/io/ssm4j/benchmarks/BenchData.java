package io.ssm4j.benchmarks;

/** A loaded benchmark dataset, whatever its model family: it says where it came from. */
public interface BenchData {
    /** The shared folder's path, or a note starting with {@link SimulatedDatasets#SOURCE_PREFIX}. */
    String source();
}
