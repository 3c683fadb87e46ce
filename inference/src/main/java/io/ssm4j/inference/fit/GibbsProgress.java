package io.ssm4j.inference.fit;

import io.ssm4j.math.Rng;

/**
 * Where a Gibbs run stands after {@code trace.length} sweeps: the parameters the next sweep draws its states under,
 * the log joint of every sweep so far, the sample with the highest log joint (the first of equals), and the state of
 * the random stream. A run resumed from this value draws exactly the numbers the uninterrupted run would have, so it
 * ends with the same samples and trace.
 *
 * @param <M> the model (an immutable value)
 */
public record GibbsProgress<M>(M model, double[] trace, M best, Rng.State rng) {
    public GibbsProgress {
        if (model == null || best == null || rng == null) throw new IllegalArgumentException("model, best and rng must not be null");
        trace = trace.clone();
    }

    /** A run that has not started: the starting parameters (also the best so far) and the stream as it is now. */
    public static <M> GibbsProgress<M> start(M model, Rng rng) { return new GibbsProgress<>(model, new double[0], model, rng.state()); }

    /** Sweeps done. */
    public int sweeps() { return trace.length; }

    @Override
    public double[] trace() { return trace.clone(); }
}
