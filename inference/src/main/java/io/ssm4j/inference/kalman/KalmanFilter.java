package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Gemm;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

/**
 * The Kalman filter (Kalman 1960, "A new approach to linear filtering and prediction problems") for a
 * {@link LinearGaussianStateSpaceModel}: for t = 1..T,
 * <pre>
 *   update:   S_t = C^o P_{t|t-1} C^o^T + R^oo = L L^T,  K_t = P_{t|t-1} C^o^T S_t^{-1},
 *             m_{t|t} = m_{t|t-1} + K_t (y_t^o - C^o m_{t|t-1} - d^o - D^o u_t),  P_{t|t} = (I - K_t C^o) P_{t|t-1}
 *   predict:  m_{t+1|t} = A_t m_{t|t} + B u_t + b,  P_{t+1|t} = A_t P_{t|t} A_t^T + Q_t
 * </pre>
 * where ^o keeps the observed entries of y_t (a fully missing step skips the update), with the exact log
 * marginal likelihood sum_t log N(y_t^o; C^o m_{t|t-1} + ..., S_t). S_t is used through its Cholesky factor, never
 * inverted. For a time-invariant model on fully observed data, once P_{t|t-1} stops changing (relative
 * tolerance in {@link KalmanOptions}) the gain is fixed and each step costs a few matrix-vector products
 * (the "converged" filter of statsmodels; Durbin and Koopman 2012, "Time Series Analysis by State Space
 * Methods", sec. 4.3.4).
 */
public final class KalmanFilter {
    private KalmanFilter() {}

    /** Filters with {@link KalmanOptions#defaults()}. */
    public static FilteredPosterior filter(LinearGaussianStateSpaceModel model, TimeSeries y) {
        return filter(model, y, KalmanOptions.defaults());
    }

    /**
     * Filters one sequence.
     *
     * @throws IllegalArgumentException when the data do not fit the model (dimension, length, inputs)
     * @throws IllegalStateException    naming the step when a covariance loses positive-definiteness
     */
    public static FilteredPosterior filter(LinearGaussianStateSpaceModel model, TimeSeries y, KalmanOptions options) {
        int t = y.length();
        model.requireCompatible(t, y.dim(), y.inputDim(), y.hasInputs());
        BlockFilter steps = BlockFilter.forSequence(model, y, options);
        BlockFilter.Transient head = steps.runTransient(0, t);
        int steadyFrom = head.steadyFrom();
        double ll = steadyFrom < t ? steps.runSteady(head, steadyFrom, t, head.logLikelihood(), null) : head.logLikelihood();
        return steps.posterior(ll, steadyFrom);
    }

    /** P' = A P A^T + Q ({@link Gemm} products), symmetrised; tmp and work each hold d*d. */
    static void predictCovariance(double[] a, int ao, double[] p, int po, double[] q, int qo, double[] out, int oo,
                                  double[] tmp, double[] work, int d) {
        Gemm.mul(a, ao, p, po, tmp, 0, d, d, d);
        Gemm.mulTransB(tmp, 0, a, ao, out, oo, d, d, d, work);
        for (int i = 0; i < d * d; i++) out[oo + i] += q[qo + i];
        MatrixOps.symmetrize(out, oo, d);
    }
}
