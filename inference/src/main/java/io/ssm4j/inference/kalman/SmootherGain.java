package io.ssm4j.inference.kalman;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.Gemm;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.models.lds.MatrixSequence;

/**
 * The backward (smoother) gain of step t, J_t = P_{t|t} A_t^T P_{t+1|t}^{-1}, stored transposed as
 * J_t^T = P_{t+1|t}^{-1} (A_t P_{t|t}) and computed by two triangular solves with the Cholesky factor of
 * P_{t+1|t} (no inverse). Also keeps A_t P_{t|t}, from which the backward-sampling covariance
 * P_{t|t} - J_t A_t P_{t|t} follows. Workspace sized once, reused across steps.
 */
final class SmootherGain {
    private final int d;
    final double[] jT;
    final double[] aP;
    private final double[] chol;

    SmootherGain(int d) {
        this.d = d;
        jT = new double[d * d];
        aP = new double[d * d];
        chol = new double[d * d];
    }

    /** Computes J_t^T for step t from the filter's output. */
    void compute(MatrixSequence a, FilteredPosterior f, int t) {
        int dd = d * d;
        MatrixOps.mul(a.view(), a.offset(t), f.filteredCovariances(), t * dd, aP, 0, d, d, d);
        System.arraycopy(aP, 0, jT, 0, dd);
        if (!Cholesky.factor(java.util.Arrays.copyOfRange(f.predictedCovariances(), (t + 1) * dd, (t + 2) * dd), d, chol)) {
            throw new IllegalStateException("Kalman smoother: predicted covariance P_{t+1|t} is not positive definite at t="
                    + (t + 1) + " (a singular Q with a singular A?)");
        }
        Gemm.solveLowerRows(chol, 0, jT, 0, d, d);
        MatrixOps.solveUpperTransposedRows(chol, 0, jT, 0, d, d);
    }

    /** out = m_{t|t} + J_t (next - m_{t+1|t}); diff holds d doubles. */
    void backwardMean(FilteredPosterior f, int t, double[] next, int no, double[] out, int oo, double[] diff) {
        double[] mp = f.predictedMeans(), mf = f.filteredMeans();
        for (int i = 0; i < d; i++) diff[i] = next[no + i] - mp[(t + 1) * d + i];
        System.arraycopy(mf, t * d, out, oo, d);
        for (int i = 0; i < d; i++) {
            double di = diff[i];
            int r = i * d;
            for (int j = 0; j < d; j++) out[oo + j] += jT[r + j] * di;
        }
    }
}
