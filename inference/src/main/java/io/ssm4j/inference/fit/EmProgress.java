package io.ssm4j.inference.fit;

/**
 * Where an EM run stands: the model after {@code objective.length - 1} iterations and the objective trace up to
 * it (objective[0] belongs to the starting model). A run resumed from this value continues exactly as the
 * uninterrupted run would have, because every step after it is a deterministic function of the model.
 *
 * @param <M> the model (an immutable value)
 */
public record EmProgress<M>(M model, double[] objective) {
    public EmProgress {
        objective = objective.clone();
    }

    /** A run that has not started: the starting model, no objective yet. */
    public static <M> EmProgress<M> start(M model) { return new EmProgress<>(model, new double[0]); }

    /** Iterations done. */
    public int iterations() { return Math.max(0, objective.length - 1); }

    @Override
    public double[] objective() { return objective.clone(); }
}
