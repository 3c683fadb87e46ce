package io.ssm4j.inference.fit;

/** Told about the progress of a long fit (the command line draws a progress bar with it). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (iteration, maxIterations, objective) -> { };

    /** Called after each iteration with its number (1-based), the planned maximum and the current objective. */
    void iterationDone(int iteration, int maxIterations, double objective);
}
