package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;

import java.util.Map;

/**
 * The state dynamics of an HMM, p(z_t = j | z_{t-1} = i, u_t): one stationary K x K matrix, or one matrix per
 * step when transitions depend on inputs. Immutable; updates return new values.
 */
public interface Transitions {
    int numStates();

    /** The command-line name: "standard", "sticky" or "input-driven". */
    String type();

    /** True when one matrix serves every step. */
    boolean isStationary();

    /** The K x K row-stochastic matrix P[i*K + j] (for input-driven transitions: the baseline at u = 0). */
    double[] matrix();

    /** The (T-1) matrices for steps t-1 -> t, t = 1..T-1, flat (T-1) x K x K; stationary models repeat matrix(). */
    double[] stepMatrices(TimeSeries y);

    double logPrior();

    /** Adds the expected counts (summed xi, K*K) and, when needed, the per-step xi ((T-1) x K x K or null). */
    void accumulate(TransitionStatistics stats, TimeSeries y, double[] expectedTransitions, double[] perStepTransitions);

    /** Whether {@link #accumulate} needs per-step expectations (only time-varying transitions do). */
    default boolean needsPerStepStatistics() { return !isStationary(); }

    Transitions maximize(TransitionStatistics stats);

    Transitions samplePosterior(TransitionStatistics stats, Rng rng);

    Map<String, NdArray> parameters();
}
