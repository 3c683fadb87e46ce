package io.ssm4j.inference.laplace;

/**
 * Settings of the Newton search for the posterior mode.
 *
 * @param maxIterations       Newton steps at most (&gt;= 1)
 * @param gradientTolerance   converged when max_i |d log p(x, y) / dx_i| &lt;= gradientTolerance
 * @param objectiveTolerance  the resolution of log p(x, y), relative: once the Newton decrement is below
 *                            objectiveTolerance * max(1, |log p(x, y)|) full steps are taken without line search
 * @param decrementTolerance  also converged when half the Newton decrement, grad . H^{-1} grad / 2 (the predicted
 *                            gain of the next step), is &lt;= this; 0 turns the test off. Boyd and Vandenberghe's
 *                            stopping rule, which ssm uses with 1e-4 on log p / (T D)
 * @param armijo              the backtracking line search accepts step size s when log p rises by at least
 *                            armijo * s * grad . step (in (0, 0.5))
 * @param shrink              the factor the step size is multiplied by after a rejected step (in (0, 1))
 */
public record LaplaceOptions(int maxIterations, double gradientTolerance, double objectiveTolerance,
                             double decrementTolerance, double armijo, double shrink) {
    public LaplaceOptions {
        if (maxIterations < 1) throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        if (!(gradientTolerance >= 0)) throw new IllegalArgumentException("gradientTolerance must be >= 0, got " + gradientTolerance);
        if (!(objectiveTolerance >= 0)) throw new IllegalArgumentException("objectiveTolerance must be >= 0, got " + objectiveTolerance);
        if (!(decrementTolerance >= 0)) throw new IllegalArgumentException("decrementTolerance must be >= 0, got " + decrementTolerance);
        if (!(armijo > 0 && armijo < 0.5)) throw new IllegalArgumentException("armijo must be in (0, 0.5), got " + armijo);
        if (!(shrink > 0 && shrink < 1)) throw new IllegalArgumentException("shrink must be in (0, 1), got " + shrink);
    }

    /** To the exact mode: 100 steps, gradient 1e-9, objective resolution 1e-12 relative, no decrement stop, Armijo 1e-4, halving. */
    public static LaplaceOptions defaults() { return new LaplaceOptions(100, 1e-9, 1e-12, 0.0, 1e-4, 0.5); }

    /** These options with the Newton-decrement stop set to tolerance. */
    public LaplaceOptions withDecrementTolerance(double tolerance) {
        return new LaplaceOptions(maxIterations, gradientTolerance, objectiveTolerance, tolerance, armijo, shrink);
    }

    /** These options with another line search. */
    public LaplaceOptions withLineSearch(double newArmijo, double newShrink) {
        return new LaplaceOptions(maxIterations, gradientTolerance, objectiveTolerance, decrementTolerance, newArmijo, newShrink);
    }
}
