package io.ssm4j.models.hmm;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Rng;
import io.ssm4j.models.ArrayStatistics;

import java.util.Map;

/**
 * The observation model of an HMM: p(y_t | z_t = k, y_{1:t-1}, u_t) for states k = 0..K-1. An implementation
 * is an immutable value holding its parameters and (optionally) a conjugate prior; its updates return new
 * values.
 *
 * <p>Masks: entries that a {@link TimeSeries} marks missing are marginalised out of the likelihood, and
 * M-steps use only what is observed (in expectation where the model couples dimensions), unlike closed-form
 * M-steps that silently treat masked entries as data.
 */
public interface Emissions {
    int numStates();

    int dim();

    /** The command-line name of this emission family, e.g. "gaussian". */
    String type();

    /**
     * out[t*K + k] = log p(y_t | z_t = k, history, inputs); every entry is written (out may hold anything before),
     * a fully missing row as zeros.
     */
    void logLikelihoods(TimeSeries y, double[] out);

    /**
     * Draws y_t given z_t = state into y[t*D .. t*D+D), reading earlier rows of y (for autoregressive models)
     * and the input row u_t (may be null).
     */
    void sample(int state, double[] y, int t, double[] inputRow, Rng rng);

    /** log p(theta) under the prior; 0 when fitted by maximum likelihood. */
    double logPrior();

    /** Zero statistics of the layout {@link #accumulate} fills. */
    ArrayStatistics newStatistics();

    /** Adds the expected sufficient statistics of y under state weights w[t*K + k] (posterior marginals). */
    void accumulate(ArrayStatistics stats, TimeSeries y, double[] weights);

    /** The MAP (or ML without a prior) parameters given summed statistics: the M-step. */
    Emissions maximize(ArrayStatistics stats);

    /** A draw from the conjugate posterior given statistics of hard assignments (weights 0/1): a Gibbs step. */
    Emissions samplePosterior(ArrayStatistics stats, Rng rng);

    /** Every parameter by its file name (e.g. "means", "covariances"), in a stable order. */
    Map<String, NdArray> parameters();
}
