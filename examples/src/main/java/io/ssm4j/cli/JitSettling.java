package io.ssm4j.cli;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Runs an untimed warm-up until the JIT has compiled what it runs: one run, then more while the run before compiled
 * for more than {@value #QUIET_SHARE} of its time (HotSpot's cumulative compilation time, {@link CompilationMXBean}),
 * at most {@value #MAX_RUNS} in all. One run is not enough on a cold JVM: the compiler finishes the hot loops during
 * the next few, and runs timed then measure the compiler, not the code.
 */
final class JitSettling {
    /** Compilation time, as a share of a run's wall time, below which the JIT counts as settled. */
    static final double QUIET_SHARE = 0.02;
    /** Warm-up runs at most (the first included). */
    static final int MAX_RUNS = 10;

    /** A computation that may throw an I/O error. */
    interface Run<T> {
        T run() throws java.io.IOException;
    }

    /** The last run's result and the number of runs. */
    record Settled<T>(T last, int runs) {}

    private JitSettling() {}

    /** Runs {@code run} until the JIT settles (class comment). */
    static <T> Settled<T> warmUp(Run<T> run) throws java.io.IOException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        for (int runs = 1; ; runs++) {
            long compiledBefore = measurable ? jit.getTotalCompilationTime() : 0;
            long t0 = System.nanoTime();
            T last = run.run();
            double millis = (System.nanoTime() - t0) / 1e6;
            if (!measurable || runs == MAX_RUNS
                    || jit.getTotalCompilationTime() - compiledBefore <= QUIET_SHARE * millis) {
                return new Settled<>(last, runs);
            }
        }
    }
}
