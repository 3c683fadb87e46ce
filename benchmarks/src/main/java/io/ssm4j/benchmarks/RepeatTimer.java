package io.ssm4j.benchmarks;

import java.util.function.DoubleSupplier;

/**
 * Times an operation the way the peer harness does: {@code warmup} untimed calls (JIT compilation, caches),
 * then {@code repeats} calls each timed with {@link System#nanoTime()}, on the calling thread.
 */
public final class RepeatTimer {
    private RepeatTimer() {}

    /**
     * Runs and times {@code op}.
     *
     * @param warmup  calls before timing starts (&gt;= 0)
     * @param repeats timed calls (&gt;= 1)
     * @param op      the operation; its result (a log-likelihood) is kept as the timing's key output
     */
    public static Timing time(int warmup, int repeats, DoubleSupplier op) {
        if (warmup < 0) throw new IllegalArgumentException("warm-up count must be >= 0, got " + warmup);
        if (repeats < 1) throw new IllegalArgumentException("repeat count must be >= 1, got " + repeats);
        double[] warm = new double[warmup];
        for (int i = 0; i < warmup; i++) warm[i] = timeOnce(op, null);
        double[] secs = new double[repeats];
        double[] out = new double[1];
        for (int i = 0; i < repeats; i++) secs[i] = timeOnce(op, out);
        return new Timing(secs, warm, out[0]);
    }

    private static double timeOnce(DoubleSupplier op, double[] out) {
        long t0 = System.nanoTime();
        double v = op.getAsDouble();
        double s = (System.nanoTime() - t0) / 1e9;
        if (!Double.isFinite(v)) throw new IllegalStateException("benchmarked operation returned " + v);
        if (out != null) out[0] = v;
        return s;
    }
}
