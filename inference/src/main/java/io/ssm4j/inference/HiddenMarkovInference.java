package io.ssm4j.inference;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.messages.BackwardSampler;
import io.ssm4j.inference.messages.ForwardBackward;
import io.ssm4j.inference.messages.HmmInference;
import io.ssm4j.inference.messages.HmmPosterior;
import io.ssm4j.inference.messages.TransitionMatrices;
import io.ssm4j.inference.messages.Viterbi;
import io.ssm4j.inference.messages.ViterbiPath;
import io.ssm4j.inference.messages.WorkArrays;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.util.concurrent.ForkJoinPool;

/**
 * Posterior inference in a {@link HiddenMarkovModel} for one sequence: marginal likelihood, state marginals,
 * most likely path and posterior path samples. Evaluates the emission log-likelihoods, then runs the
 * message passing of {@code inference.messages}: sequential forward-backward, or the parallel-in-time scan on
 * the common pool for long sequences with few states (see {@link HmmInference} for the rule; its block
 * partition depends only on T, so results do not depend on the number of workers).
 */
public final class HiddenMarkovInference {
    private HiddenMarkovInference() {}

    /** log p(y_t | z_t = k) for all t, k (T x K). */
    public static double[] emissionLogLikelihoods(HiddenMarkovModel model, TimeSeries y) {
        double[] ll = new double[y.length() * model.numStates()];
        model.emissions().logLikelihoods(y, ll);
        return ll;
    }

    /**
     * {@link #emissionLogLikelihoods} for use within one call here: in this thread's reused work array when the
     * message passing that reads it runs sequentially ({@code forks} false), else a new array, since a thread
     * that waits on fork-join tasks may run another sequence's inference meanwhile ({@link WorkArrays}). The
     * emissions write every entry, so the work array's old contents never show.
     */
    private static double[] messageLogLikelihoods(HiddenMarkovModel model, TimeSeries y, boolean forks) {
        if (forks) return emissionLogLikelihoods(model, y);
        double[] ll = WorkArrays.of(WorkArrays.Slot.LOG_LIKELIHOODS, y.length() * model.numStates());
        model.emissions().logLikelihoods(y, ll);
        return ll;
    }

    /** Whether {@link HmmInference#posterior} runs the parallel scan (on the common pool) for this sequence. */
    private static boolean posteriorForks(HiddenMarkovModel model, TimeSeries y) {
        return HmmInference.usesParallel(model.numStates(), y.length(), ForkJoinPool.commonPool());
    }

    /** The chain's transition matrices for this sequence (stationary or one per step). */
    public static TransitionMatrices transitionMatrices(HiddenMarkovModel model, TimeSeries y) {
        int k = model.numStates();
        if (model.transitions().isStationary()) return TransitionMatrices.stationary(model.transitions().matrix(), k);
        return TransitionMatrices.timeVarying(model.transitions().stepMatrices(y), y.length() - 1, k);
    }

    private static void checkData(HiddenMarkovModel model, TimeSeries y) {
        if (y.dim() != model.dim()) {
            throw new IllegalArgumentException("data has D=" + y.dim() + " columns, the model expects " + model.dim());
        }
    }

    /** State marginals, summed expected transitions and log p(y | theta). */
    public static HmmPosterior posterior(HiddenMarkovModel model, TimeSeries y) {
        checkData(model, y);
        return HmmInference.posterior(model.initial().probs(), transitionMatrices(model, y),
                messageLogLikelihoods(model, y, posteriorForks(model, y)), y.length());
    }

    /** log p(y | theta) by the forward pass alone. */
    public static double logLikelihood(HiddenMarkovModel model, TimeSeries y) {
        checkData(model, y);
        return ForwardBackward.logLikelihood(model.initial().probs(), transitionMatrices(model, y),
                messageLogLikelihoods(model, y, false), y.length());
    }

    /** The most likely state path argmax_z p(z | y, theta) and its log joint. */
    public static ViterbiPath viterbi(HiddenMarkovModel model, TimeSeries y) {
        checkData(model, y);
        return Viterbi.run(model.initial().probs(), transitionMatrices(model, y), messageLogLikelihoods(model, y, false),
                y.length());
    }

    /** Posterior marginals and the Viterbi path together, sharing one evaluation of the emission likelihoods. */
    public record Decoding(HmmPosterior posterior, ViterbiPath viterbi) {}

    /** {@link #posterior} and {@link #viterbi} for one sequence, evaluating the emissions once. */
    public static Decoding decode(HiddenMarkovModel model, TimeSeries y) {
        checkData(model, y);
        double[] ll = messageLogLikelihoods(model, y, posteriorForks(model, y));
        TransitionMatrices trans = transitionMatrices(model, y);
        double[] pi = model.initial().probs();
        return new Decoding(HmmInference.posterior(pi, trans, ll, y.length()), Viterbi.run(pi, trans, ll, y.length()));
    }

    /** One draw z ~ p(z | y, theta) by forward filtering, backward sampling. */
    public static int[] samplePath(HiddenMarkovModel model, TimeSeries y, Rng rng) {
        checkData(model, y);
        return BackwardSampler.sample(model.initial().probs(), transitionMatrices(model, y),
                messageLogLikelihoods(model, y, false), y.length(), rng);
    }
}
