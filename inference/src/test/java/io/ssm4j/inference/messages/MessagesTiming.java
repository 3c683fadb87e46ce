package io.ssm4j.inference.messages;

import io.ssm4j.math.Rng;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Timing harness (not a unit test; speed is never asserted): minimum (or median) wall time over 25 runs after warm-up of forward-backward,
 * Viterbi, the parallel scan and {@link HmmInference}, single sequence. Run from the inference module with
 * {@code java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:../models/target/classes
 * io.ssm4j.inference.messages.MessagesTiming [T] [K...]}.
 */
public final class MessagesTiming {
    /** -Dmedian=true reports medians; the default, the minimum, is less disturbed by other load on the machine. */
    private static final boolean MEDIAN = Boolean.getBoolean("median");

    private MessagesTiming() {}

    public static void main(String[] args) {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int[] ks = args.length > 1 ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray() : new int[]{10};
        int threads = Integer.getInteger("threads", Runtime.getRuntime().availableProcessors());
        ForkJoinPool pool = new ForkJoinPool(threads);
        System.out.println("cores=" + Runtime.getRuntime().availableProcessors() + " pool=" + threads + " T=" + length
                + " ops=" + io.ssm4j.math.VectorOps.best().name());
        for (int k : ks) {
            Rng rng = Rng.seeded(k);
            double[] pi = RandomHmm.simplex(rng, k, 0);
            TransitionMatrices trans = TransitionMatrices.stationary(RandomHmm.sticky(rng, k, 0.9), k);
            double[] ll = RandomHmm.logLikelihoods(rng, length, k, 2.0);
            String fb = time(() -> ForwardBackward.run(pi, trans, ll, length).logLikelihood());
            String vit = time(() -> Viterbi.run(pi, trans, ll, length).logJoint());
            String fwd = time(() -> ForwardBackward.logLikelihood(pi, trans, ll, length));
            String par = time(() -> ParallelForwardBackward.run(pi, trans, ll, length, pool).logLikelihood());
            String auto = time(() -> HmmInference.posterior(pi, trans, ll, length).logLikelihood());
            System.out.printf("K=%d  [wall/cpu ms]  FB %s  Viterbi %s  forward-only %s  parallel(%d) %s  auto %s (%s)%n",
                    k, fb, vit, fwd, threads, par, auto,
                    HmmInference.usesParallel(k, length, ForkJoinPool.commonPool()) ? "parallel" : "sequential");
        }
        pool.shutdown();
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    /** "wall ms / calling-thread cpu ms", each the minimum (or median) over 25 runs after 30 warm-up runs. */
    private static String time(java.util.function.DoubleSupplier f) {
        double sink = 0;
        for (int i = 0; i < 30; i++) sink += f.getAsDouble();
        double[] wall = new double[25], cpu = new double[25];
        for (int i = 0; i < wall.length; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime(), t0 = System.nanoTime();
            sink += f.getAsDouble();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        if (sink == 42) System.out.print("");
        Arrays.sort(wall);
        Arrays.sort(cpu);
        int at = MEDIAN ? wall.length / 2 : 0;
        return String.format("%.1f/%.1f", wall[at], cpu[at]);
    }
}
