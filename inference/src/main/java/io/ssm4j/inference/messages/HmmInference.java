package io.ssm4j.inference.messages;

import java.util.concurrent.ForkJoinPool;

/**
 * Forward-backward that picks the sequential ({@link ForwardBackward}) or parallel-in-time
 * ({@link ParallelForwardBackward}) algorithm; both give the same posterior up to rounding.
 *
 * <p>The rule. Per step, the sequential pass costs about {@code E K + 3 K^2} (exponentials, forward, backward),
 * the parallel scan {@code (E K + 4 K^2 + K^3) / W} on W workers (the block summaries cost K^3). Parallel is
 * chosen when T >= {@value #MIN_LENGTH} and {@code W >= 2} and {@code W * SEQ_COST(K) >= 2 * PAR_COST(K)},
 * with E = {@value #EXP_COST} the cost of one exponential in units of a multiply-add and
 * W = min(cores, pool parallelism, plus the caller for the common pool). Measured on 2 (loaded) cores,
 * T = 100000: K = 2 sequential 7-15 ms against 12-19 ms parallel, K = 10 about 25 ms against 100+ ms, so with
 * W = 2 every K stays sequential; with W = 16 the rule goes parallel up to K = 21 (not measured on 16 cores).
 */
public final class HmmInference {
    /** Shorter sequences always run sequentially. */
    public static final int MIN_LENGTH = 8192;
    /** Cost of one exponential relative to a multiply-add in the message loops (an estimate, not calibrated). */
    static final double EXP_COST = 4.0;
    /** Predicted gain required before going parallel (memory traffic and fork-join overhead are not in the model). */
    static final double MARGIN = 2.0;

    private HmmInference() {}

    /** The posterior, on the common pool when the rule above says parallel pays. */
    public static HmmPosterior posterior(double[] initialProbs, TransitionMatrices trans, double[] logLikelihoods,
                                         int length) {
        return posterior(initialProbs, trans, logLikelihoods, length, ForkJoinPool.commonPool());
    }

    /** The posterior, on {@code pool} when the rule above says parallel pays. */
    public static HmmPosterior posterior(double[] initialProbs, TransitionMatrices trans, double[] logLikelihoods,
                                         int length, ForkJoinPool pool) {
        int k = InputChecks.check(initialProbs, trans, logLikelihoods, length);
        if (usesParallel(k, length, pool)) {
            return ParallelForwardBackward.run(initialProbs, trans, logLikelihoods, length, pool);
        }
        return ForwardBackward.run(initialProbs, trans, logLikelihoods, length);
    }

    /**
     * Chooses and JIT-primes the message-passing kernels (and the math kernels under them) now, so that a caller can
     * do it on a background thread before the first fit needs them; later calls return at once.
     */
    public static void warmUp() { StepOps.best(); }

    /** Whether {@link #posterior} runs the parallel scan for K states, T steps on {@code pool}. */
    public static boolean usesParallel(int k, int length, ForkJoinPool pool) {
        int workers = Math.min(Runtime.getRuntime().availableProcessors(),
                pool.getParallelism() + (pool == ForkJoinPool.commonPool() ? 1 : 0));
        return parallelPays(k, length, workers);
    }

    /** The rule itself, for K states, T steps and W workers. */
    static boolean parallelPays(int k, int length, int workers) {
        if (length < MIN_LENGTH || workers < 2) return false;
        double seq = EXP_COST * k + 3.0 * k * k;
        double par = EXP_COST * k + 4.0 * k * k + (double) k * k * k;
        return workers * seq >= MARGIN * par;
    }
}
