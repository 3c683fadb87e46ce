package io.ssm4j.inference.kalman;

/**
 * Options of the Kalman filter, smoother and sampler.
 *
 * @param update                 the form of the covariance update ({@link CovarianceUpdate})
 * @param steadyStateTolerance   for a time-invariant model and fully observed data, the filter switches to
 *                               the steady-state gain once max |P_{t+1|t} - P_{t|t-1}| &lt;= tol max |P_{t|t-1}|
 *                               (the smoother likewise once its covariance stops changing), as statsmodels does
 *                               ("converged" filter); a negative value never switches
 */
public record KalmanOptions(CovarianceUpdate update, double steadyStateTolerance) {
    /** The default relative tolerance: a few units in the last place of the covariance entries. */
    public static final double DEFAULT_TOLERANCE = 1e-15;

    public KalmanOptions {
        if (update == null) throw new IllegalArgumentException("update: must not be null");
        if (Double.isNaN(steadyStateTolerance)) throw new IllegalArgumentException("steadyStateTolerance: NaN");
    }

    /** Standard update, steady-state switch at {@link #DEFAULT_TOLERANCE}. */
    public static KalmanOptions defaults() { return new KalmanOptions(CovarianceUpdate.STANDARD, DEFAULT_TOLERANCE); }

    /** Joseph-form update, steady-state switch at {@link #DEFAULT_TOLERANCE}. */
    public static KalmanOptions robust() { return new KalmanOptions(CovarianceUpdate.JOSEPH, DEFAULT_TOLERANCE); }

    /** These options with every step computed in full (no steady-state switch). */
    public KalmanOptions withoutSteadyState() { return new KalmanOptions(update, -1.0); }

    boolean steadyStateEnabled() { return steadyStateTolerance >= 0; }
}
