package io.ssm4j.inference.messages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Forward-backward parallel in time: the associative-scan formulation of Hassan, Sarkka and Garcia-Fernandez
 * (2021), "Temporal parallelization of inference in hidden Markov models", IEEE Trans. Signal Process. 69,
 * run as a blocked (reduce, scan, finish) scan, which is what pays on a few cores:
 *
 * <ol>
 *   <li>in parallel, block 0 runs the ordinary scaled forward filter; every other block b = [s_b, e_b) reduces
 *       its steps to one element {@link BlockTransfer} (exp(r_i) M_b(i,j), rows normalised with carried log
 *       scales);</li>
 *   <li>sequentially over the B block summaries: alpha_{s_{b+1}-1} = normalise(alpha_{s_b-1}^T diag(exp r) M_b)
 *       backwards, beta_{s_b-1} = diag(exp r) M_b beta_{e_b-1}, scaled to maximum 1;</li>
 *   <li>in parallel, each block finishes: the forward filter from its incoming alpha (giving the exact
 *       per-step normalisers c_t, hence log p(x) = sum_t (log c_t + m_t) with no scale carried across blocks),
 *       then the scaled backward pass from its incoming beta with the block's own
 *       kappa_b = alpha_{e_b-1} . beta_{e_b-1} (see {@link BackwardKernel}).</li>
 * </ol>
 * Work is O(T K^3 / workers + T K^2 / workers + B K^2), against O(T K^2) sequentially, so it is faster only
 * with more workers than about (K + 3) / 3; {@link HmmInference} applies that rule. The partition into blocks
 * depends on T alone, so the result is the same for every pool size; it equals {@link ForwardBackward} up to
 * rounding. Sequences shorter than {@value #MIN_BLOCK} * 2 steps are run sequentially.
 */
public final class ParallelForwardBackward {
    /** The shortest block. */
    static final int MIN_BLOCK = 512;
    /** The most blocks (enough for work stealing to balance 16 workers). */
    static final int MAX_BLOCKS = 64;

    private ParallelForwardBackward() {}

    /**
     * The posterior of {@link ForwardBackward#run}, computed on {@code pool}.
     *
     * @throws IllegalArgumentException for inconsistent sizes or values, naming the argument
     * @throws IllegalStateException    when the observation at some t has zero probability under every state
     */
    public static HmmPosterior run(double[] initialProbs, TransitionMatrices trans, double[] logLikelihoods, int length,
                                   ForkJoinPool pool) {
        int k = InputChecks.check(initialProbs, trans, logLikelihoods, length);
        Objects.requireNonNull(pool, "pool");
        int blocks = blockCount(length);
        if (blocks < 2) return ForwardBackward.run(initialProbs, trans, logLikelihoods, length);
        int[] start = new int[blocks + 1];
        for (int b = 0; b <= blocks; b++) start[b] = (int) ((long) length * b / blocks);

        double[] lik = new double[length * k];
        double[] shift = new double[length];
        double[] gamma = new double[length * k];
        double[] c = new double[length];
        BlockTransfer[] element = new BlockTransfer[blocks];
        try {
            runAll(pool, blocks, b -> {
                ScaledLikelihoods.fill(logLikelihoods, k, start[b], start[b + 1], lik, shift);
                if (b == 0) {
                    ForwardKernel.filter(initialProbs, trans, lik, 0, start[1], gamma, c);
                } else {
                    element[b] = BlockTransfer.of(trans, lik, start[b], start[b + 1]);
                }
            });
        } catch (RuntimeException e) {
            throw exactFailure(initialProbs, trans, logLikelihoods, length, e);
        }

        double[][] alphaIn = new double[blocks][];
        double[][] betaIn = new double[blocks][];
        alphaIn[1] = Arrays.copyOfRange(gamma, (start[1] - 1) * k, start[1] * k);
        for (int b = 1; b + 1 < blocks; b++) {
            alphaIn[b + 1] = new double[k];
            if (!element[b].forward(alphaIn[b], alphaIn[b + 1])) {
                throw exactFailure(initialProbs, trans, logLikelihoods, length, null);
            }
        }
        betaIn[blocks - 1] = new double[k];
        Arrays.fill(betaIn[blocks - 1], 1.0);
        for (int b = blocks - 1; b >= 1; b--) {
            betaIn[b - 1] = new double[k];
            if (!element[b].backward(betaIn[b], betaIn[b - 1])) {
                throw exactFailure(initialProbs, trans, logLikelihoods, length, null);
            }
        }

        double[][] xiPart = new double[blocks][k * k];
        double[] perStep = trans.isStationary() ? null : new double[(length - 1) * k * k];
        try {
            runAll(pool, blocks, b -> {
                if (b > 0) ForwardKernel.filter(alphaIn[b], trans, lik, start[b], start[b + 1], gamma, c);
                BackwardKernel.smooth(trans, lik, c, start[b], start[b + 1], alphaIn[b], betaIn[b], gamma, xiPart[b],
                        perStep);
            });
        } catch (RuntimeException e) {
            throw exactFailure(initialProbs, trans, logLikelihoods, length, e);
        }
        double[] xi = new double[k * k];
        for (double[] part : xiPart) for (int i = 0; i < k * k; i++) xi[i] += part[i];
        double logZ = ForwardKernel.logNormaliser(c, shift, 0, length);
        return new HmmPosterior(logZ, gamma, xi, perStep, length, k);
    }

    /** The number of blocks for a sequence of {@code length} steps (a function of the length alone). */
    static int blockCount(int length) {
        return Math.min(MAX_BLOCKS, length / MIN_BLOCK);
    }

    private interface BlockJob {
        void run(int block);
    }

    private static void runAll(ForkJoinPool pool, int blocks, BlockJob job) {
        List<ForkJoinTask<?>> tasks = new ArrayList<>(blocks);
        for (int b = 0; b < blocks; b++) {
            int block = b;
            tasks.add(ForkJoinTask.adapt(() -> job.run(block)));
        }
        pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
    }

    /**
     * The exception the sequential pass raises for these inputs (so the earliest bad time index is named, as
     * {@link ForwardBackward} would), or {@code cause} if the sequential pass unexpectedly succeeds.
     */
    private static RuntimeException exactFailure(double[] pi, TransitionMatrices trans, double[] ll, int length,
                                                 RuntimeException cause) {
        try {
            ForwardBackward.logLikelihood(pi, trans, ll, length);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return e;
        }
        return cause != null ? cause
                : new IllegalStateException("parallel scan lost all probability mass (underflow across a block)");
    }
}
