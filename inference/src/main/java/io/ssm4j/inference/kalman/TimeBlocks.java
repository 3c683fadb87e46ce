package io.ssm4j.inference.kalman;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/**
 * The partition of steps 0..T-1 into B contiguous blocks [start(b), start(b+1)) used by the parallel Kalman
 * filter and smoother, and the fork-join run of one job per block. B is a function of T alone (never of the pool),
 * so every pool size computes the same numbers in the same order: bit-identical results.
 */
final class TimeBlocks {
    /** The shortest block in the default partition. */
    static final int MIN_BLOCK = 256;
    /** The most blocks in the default partition (enough for work stealing to balance 16 workers). */
    static final int MAX_BLOCKS = 64;

    private final int[] start;

    private TimeBlocks(int length, int blocks) {
        start = new int[blocks + 1];
        for (int b = 0; b <= blocks; b++) start[b] = (int) ((long) length * b / blocks);
    }

    /** The default partition of a sequence of length T: min(64, T / 256) blocks, at least one. */
    static TimeBlocks of(int length) {
        return of(length, Math.max(1, Math.min(MAX_BLOCKS, length / MIN_BLOCK)));
    }

    /** T steps in {@code blocks} near-equal blocks (1 &lt;= blocks &lt;= T). */
    static TimeBlocks of(int length, int blocks) {
        if (blocks < 1 || blocks > length) {
            throw new IllegalArgumentException("blocks: expected 1.." + length + ", got " + blocks);
        }
        return new TimeBlocks(length, blocks);
    }

    int count() { return start.length - 1; }

    int start(int b) { return start[b]; }

    int end(int b) { return start[b + 1]; }

    /** Runs job(b) for b in [from, to) on the pool and waits for all of them; a null pool runs them in order here. */
    static void runAll(ForkJoinPool pool, int from, int to, IntConsumer job) {
        if (pool == null) {
            for (int b = from; b < to; b++) job.accept(b);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>(to - from);
        for (int b = from; b < to; b++) {
            int block = b;
            tasks.add(ForkJoinTask.adapt(() -> job.accept(block)));
        }
        if (tasks.isEmpty()) return;
        pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
    }
}
