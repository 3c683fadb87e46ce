package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.List;

/**
 * The independent truth for small LDS: the joint Gaussian of (x_{1:T}, observed y entries) built entry by entry
 * from the model's definition, conditioned with EJML (x | y^o: mean mu_x + S_xy S_yy^{-1} (y - mu_y), covariance
 * S_xx - S_xy S_yy^{-1} S_yx; log p(y^o) = log N(y^o; mu_y, S_yy)).
 */
final class DenseLds {
    final double[] mean;
    final DMatrixRMaj cov;
    final double logLikelihood;
    private final int d;

    /** Conditions on the observed entries of y at steps &lt; upTo. */
    DenseLds(LinearGaussianStateSpaceModel model, TimeSeries y, int upTo) {
        int t = y.length(), n = y.dim();
        d = model.latentDim();
        double[] u = y.hasInputs() ? y.inputsView() : null;
        // prior over x: means and the full covariance, by the recursion x_{s+1} = A_s x_s + ...
        double[] mx = new double[t * d];
        DMatrixRMaj sx = new DMatrixRMaj(t * d, t * d);
        System.arraycopy(model.initialMeanView(), 0, mx, 0, d);
        DMatrixRMaj p0 = block(model.initialCovarianceView(), 0, d, d);
        CommonOps_DDRM.insert(p0, sx, 0, 0);
        for (int s = 0; s + 1 < t; s++) {
            DMatrixRMaj a = block(model.dynamics().view(), model.dynamics().offset(s), d, d);
            DMatrixRMaj q = block(model.dynamicsCovariance().view(), model.dynamicsCovariance().offset(s), d, d);
            DMatrixRMaj prev = rowBlock(sx, s, s + 1);
            DMatrixRMaj next = new DMatrixRMaj(d, (s + 1) * d);
            CommonOps_DDRM.mult(a, prev, next);
            CommonOps_DDRM.insert(next, sx, (s + 1) * d, 0);
            DMatrixRMaj nextT = CommonOps_DDRM.transpose(next, null);
            CommonOps_DDRM.insert(nextT, sx, 0, (s + 1) * d);
            DMatrixRMaj diag = new DMatrixRMaj(d, d);
            DMatrixRMaj ss = CommonOps_DDRM.extract(sx, s * d, (s + 1) * d, s * d, (s + 1) * d);
            DMatrixRMaj tmp = new DMatrixRMaj(d, d);
            CommonOps_DDRM.mult(a, ss, tmp);
            CommonOps_DDRM.multTransB(tmp, a, diag);
            CommonOps_DDRM.addEquals(diag, q);
            CommonOps_DDRM.insert(diag, sx, (s + 1) * d, (s + 1) * d);
            double[] mnext = new double[d];
            for (int i = 0; i < d; i++) {
                double v = model.biasView()[i];
                for (int j = 0; j < d; j++) v += a.get(i, j) * mx[s * d + j];
                if (u != null && model.inputMatrixView() != null) {
                    for (int k = 0; k < model.inputDim(); k++) v += model.inputMatrixView()[i * model.inputDim() + k] * u[s * model.inputDim() + k];
                }
                mnext[i] = v;
            }
            System.arraycopy(mnext, 0, mx, (s + 1) * d, d);
        }
        // observed entries
        List<int[]> obs = new ArrayList<>();
        for (int s = 0; s < upTo; s++) for (int i = 0; i < n; i++) if (y.isObserved(s, i)) obs.add(new int[] {s, i});
        int k = obs.size();
        DMatrixRMaj sxy = new DMatrixRMaj(t * d, k), syy = new DMatrixRMaj(k, k);
        double[] res = new double[k];
        double[][] cRow = new double[k][];
        for (int a = 0; a < k; a++) {
            int s = obs.get(a)[0], i = obs.get(a)[1];
            cRow[a] = new double[d];
            System.arraycopy(model.emissions().view(), model.emissions().offset(s) + i * d, cRow[a], 0, d);
            double mu = model.emissionBiasView()[i];
            for (int j = 0; j < d; j++) mu += cRow[a][j] * mx[s * d + j];
            if (u != null && model.emissionInputMatrixView() != null) {
                for (int q = 0; q < model.inputDim(); q++) mu += model.emissionInputMatrixView()[i * model.inputDim() + q] * u[s * model.inputDim() + q];
            }
            res[a] = y.value(s, i) - mu;
            for (int row = 0; row < t * d; row++) {
                double v = 0;
                for (int j = 0; j < d; j++) v += sx.get(row, s * d + j) * cRow[a][j];
                sxy.set(row, a, v);
            }
        }
        for (int a = 0; a < k; a++) {
            int s = obs.get(a)[0], i = obs.get(a)[1];
            for (int b = 0; b < k; b++) {
                int s2 = obs.get(b)[0], i2 = obs.get(b)[1];
                double v = 0;
                for (int j = 0; j < d; j++) v += cRow[a][j] * sxy.get(s * d + j, b);
                if (s == s2) v += model.emissionCovariance().view()[model.emissionCovariance().offset(s) + i * n + i2];
                syy.set(a, b, v);
            }
        }
        mean = mx.clone();
        cov = sx.copy();
        if (k == 0) {
            logLikelihood = 0;
            return;
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(k);
        DMatrixRMaj syyCopy = syy.copy();
        if (!solver.setA(syyCopy)) throw new IllegalStateException("S_yy not positive definite");
        DMatrixRMaj r = new DMatrixRMaj(k, 1, true, res), alpha = new DMatrixRMaj(k, 1);
        solver.solve(r, alpha);
        DMatrixRMaj syx = CommonOps_DDRM.transpose(sxy, null), w = new DMatrixRMaj(k, t * d);
        solver.solve(syx, w);
        DMatrixRMaj reduce = new DMatrixRMaj(t * d, t * d);
        CommonOps_DDRM.mult(sxy, w, reduce);
        CommonOps_DDRM.subtractEquals(cov, reduce);
        for (int row = 0; row < t * d; row++) {
            double v = 0;
            for (int a = 0; a < k; a++) v += sxy.get(row, a) * alpha.get(a);
            mean[row] += v;
        }
        double quad = 0;
        for (int a = 0; a < k; a++) quad += res[a] * alpha.get(a);
        double logDet = 0;
        org.ejml.interfaces.decomposition.CholeskyDecomposition_F64<DMatrixRMaj> ch =
                org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(k, true);
        ch.decompose(syy.copy());
        DMatrixRMaj l = ch.getT(null);
        for (int a = 0; a < k; a++) logDet += 2 * Math.log(l.get(a, a));
        logLikelihood = -0.5 * (k * Math.log(2 * Math.PI) + logDet + quad);
    }

    /** Cov block (s, r) as D x D row-major. */
    double[] covBlock(int s, int r) {
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) out[i * d + j] = cov.get(s * d + i, r * d + j);
        return out;
    }

    private static DMatrixRMaj block(double[] v, int o, int rows, int cols) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        System.arraycopy(v, o, m.data, 0, rows * cols);
        return m;
    }

    private DMatrixRMaj rowBlock(DMatrixRMaj sx, int s, int cols) {
        return CommonOps_DDRM.extract(sx, s * d, (s + 1) * d, 0, cols * d);
    }
}
