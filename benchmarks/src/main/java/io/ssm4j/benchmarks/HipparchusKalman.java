package io.ssm4j.benchmarks;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.hipparchus.filtering.kalman.KalmanSmoother;
import org.hipparchus.filtering.kalman.Measurement;
import org.hipparchus.filtering.kalman.ProcessEstimate;
import org.hipparchus.filtering.kalman.linear.LinearEvolution;
import org.hipparchus.filtering.kalman.linear.LinearKalmanFilter;
import org.hipparchus.filtering.kalman.linear.LinearProcess;
import org.hipparchus.linear.CholeskyDecomposer;
import org.hipparchus.linear.MatrixDecomposer;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

import java.util.ArrayList;
import java.util.List;

/**
 * Hipparchus' linear Kalman filter and RTS smoother (hipparchus-filtering: {@link LinearKalmanFilter},
 * {@link KalmanSmoother}) run on an ssm4j {@link LinearGaussianStateSpaceModel} without offsets or inputs, the
 * reference ssm4j's filter is timed and checked against. Hipparchus predicts before every correction, while in
 * ssm4j x_1 ~ N(m0, P0) is already the prediction of the first step; so Hipparchus starts from the estimate
 * (m0, P0) and the first measurement's evolution is the identity with zero process noise, the others
 * x_{t+1} = A x_t + w_t, w_t ~ N(0, Q), all with y_t = C x_t + v_t, v_t ~ N(0, R). Both use Cholesky solves of
 * the innovation covariance. The measurements are built once, so a timed run is the filter alone.
 */
public final class HipparchusKalman {
    private record Step(double time, RealVector value, RealMatrix covariance) implements Measurement {
        @Override public double getTime() { return time; }
        @Override public RealVector getValue() { return value; }
        @Override public RealMatrix getCovariance() { return covariance; }
    }

    private final List<Step> steps;
    private final LinearProcess<Step> process;
    private final ProcessEstimate initial;
    private final MatrixDecomposer decomposer = new CholeskyDecomposer(1e-12, 1e-15);
    private final int d;

    private HipparchusKalman(List<Step> steps, LinearProcess<Step> process, ProcessEstimate initial, int d) {
        this.steps = steps;
        this.process = process;
        this.initial = initial;
        this.d = d;
    }

    /**
     * Builds the Hipparchus process and measurements of y under the model.
     *
     * @throws IllegalArgumentException when the model is time-varying or has offsets or inputs, or y has missing entries
     */
    public static HipparchusKalman of(LinearGaussianStateSpaceModel model, TimeSeries y) {
        int d = model.latentDim(), n = model.obsDim();
        if (!model.isTimeInvariant() || model.inputDim() > 0 || y.maskView() != null || nonZero(model.biasView())
                || nonZero(model.emissionBiasView())) {
            throw new IllegalArgumentException("the Hipparchus reference takes a time-invariant model without inputs or "
                    + "offsets on fully observed data");
        }
        RealMatrix a = matrix(model.dynamics().matrix(0), d, d), q = matrix(model.dynamicsCovariance().matrix(0), d, d);
        RealMatrix c = matrix(model.emissions().matrix(0), n, d), r = matrix(model.emissionCovariance().matrix(0), n, n);
        LinearEvolution first = new LinearEvolution(MatrixUtils.createRealIdentityMatrix(d), null, null,
                MatrixUtils.createRealMatrix(d, d), c);
        LinearEvolution next = new LinearEvolution(a, null, null, q, c);
        List<Step> steps = new ArrayList<>(y.length());
        double[] yv = y.valuesView();
        for (int t = 0; t < y.length(); t++) {
            double[] row = new double[n];
            System.arraycopy(yv, t * n, row, 0, n);
            steps.add(new Step(t, MatrixUtils.createRealVector(row), r));
        }
        ProcessEstimate init = new ProcessEstimate(-1, MatrixUtils.createRealVector(model.initialMeanView().clone()),
                matrix(model.initialCovarianceView(), d, d));
        return new HipparchusKalman(steps, m -> m.getTime() == 0 ? first : next, init, d);
    }

    /** The filtered means m_{t|t}, T x D row-major. */
    public double[] filter() {
        LinearKalmanFilter<Step> f = new LinearKalmanFilter<>(decomposer, process, initial);
        double[] out = new double[steps.size() * d];
        for (int t = 0; t < steps.size(); t++) System.arraycopy(f.estimationStep(steps.get(t)).getState().toArray(), 0, out, t * d, d);
        return out;
    }

    /** The smoothed means m_{t|T}, T x D row-major (filter, then Hipparchus' RTS smoother). */
    public double[] smooth() {
        LinearKalmanFilter<Step> f = new LinearKalmanFilter<>(decomposer, process, initial);
        KalmanSmoother smoother = new KalmanSmoother(decomposer);
        f.setObserver(smoother);
        for (Step s : steps) f.estimationStep(s);
        List<ProcessEstimate> smoothed = smoother.backwardsSmooth();
        double[] out = new double[steps.size() * d];
        int offset = smoothed.size() - steps.size();
        for (int t = 0; t < steps.size(); t++) System.arraycopy(smoothed.get(offset + t).getState().toArray(), 0, out, t * d, d);
        return out;
    }

    /** T, the number of measurements. */
    public int length() { return steps.size(); }

    private static RealMatrix matrix(double[] v, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(v, i * cols, m[i], 0, cols);
        return MatrixUtils.createRealMatrix(m);
    }

    private static boolean nonZero(double[] v) {
        if (v == null) return false;
        for (double x : v) if (x != 0) return true;
        return false;
    }
}
