package io.ssm4j.inference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs per-trial work on a fixed number of threads and returns the results in trial order, so reductions
 * over them are the same whatever the thread count. One thread runs inline, with no pool.
 */
public final class TrialExecutor implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;

    public TrialExecutor(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    public int threads() { return threads; }

    /** The pool for nested parallel work (null when single-threaded). */
    public ForkJoinPool pool() { return pool; }

    /** results[i] = task.apply(i) for i &lt; n, in order. */
    public <R> List<R> map(int n, IntFunction<R> task) {
        List<R> out = new ArrayList<>(n);
        if (pool == null || n == 1) {
            for (int i = 0; i < n; i++) out.add(task.apply(i));
            return out;
        }
        List<Future<R>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final int idx = i;
            futures.add(pool.submit(() -> task.apply(idx)));
        }
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof RuntimeException re) throw re;
                if (c instanceof Error er) throw er;
                throw new IllegalStateException(c);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdown();
    }
}
