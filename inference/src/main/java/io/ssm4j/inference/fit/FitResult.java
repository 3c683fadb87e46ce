package io.ssm4j.inference.fit;

/**
 * What a fit returns: the fitted model (a new value; the input is never changed), the objective after each
 * iteration (objective[0] is the starting point's), the iterations run, wall-clock seconds and why it stopped.
 */
public record FitResult<M>(M model, double[] objective, int iterations, double wallSeconds, boolean converged,
                           String reason) {
    public double finalObjective() { return objective[objective.length - 1]; }
}
