package io.ssm4j.inference.fit;

/**
 * Settings of an iterative fit.
 *
 * @param maxIterations iterations at most (&gt;= 0)
 * @param tolerance stop when the objective rises by less than tolerance * max(1, |objective|) in one iteration
 *                  (0 runs all iterations)
 * @param threads worker threads for the E-step over trials (results do not depend on it)
 * @param listener told after every iteration; may be {@link ProgressListener#NONE}
 */
public record FitOptions(int maxIterations, double tolerance, int threads, ProgressListener listener) {
    public FitOptions {
        if (maxIterations < 0) throw new IllegalArgumentException("iterations must be >= 0, got " + maxIterations);
        if (!(tolerance >= 0)) throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (listener == null) listener = ProgressListener.NONE;
    }

    public static FitOptions of(int maxIterations, double tolerance) {
        return new FitOptions(maxIterations, tolerance, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    public FitOptions withThreads(int n) { return new FitOptions(maxIterations, tolerance, n, listener); }

    public FitOptions withListener(ProgressListener l) { return new FitOptions(maxIterations, tolerance, threads, l); }
}
