package io.ssm4j.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The leading eigenpairs of a symmetric matrix S = V diag(lambda) V^T (EJML's symmetric QR algorithm): the principal
 * axes of a covariance, as PCA uses them (Pearson 1901; Jolliffe, "Principal component analysis"). Each eigenvector's
 * sign is fixed so that its entry of largest magnitude is positive, which makes the result deterministic whatever
 * sign the solver returns.
 */
public final class SymmetricEigen {
    /**
     * The k leading eigenpairs.
     *
     * @param vectors n x k, row-major: column j is the unit eigenvector of the j-th largest eigenvalue
     * @param values  the k largest eigenvalues, in decreasing order
     */
    public record Top(double[] vectors, double[] values) {}

    private SymmetricEigen() {}

    /**
     * The eigenvectors and eigenvalues of the symmetric s (n x n, row-major) for its k largest eigenvalues.
     *
     * @throws IllegalArgumentException when k is not in 1..n or s is not n x n
     * @throws IllegalStateException    when the decomposition fails (non-finite entries)
     */
    public static Top top(double[] s, int n, int k) {
        if (k < 1 || k > n) throw new IllegalArgumentException("k must be in 1.." + n + ", got " + k);
        if (s.length != n * n) throw new IllegalArgumentException("s: expected " + n + " x " + n + " values, got " + s.length);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(n, n, true, s))) throw new IllegalStateException("eigendecomposition of a symmetric matrix failed");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).getReal(), eig.getEigenvalue(a).getReal()));
        double[] vectors = new double[n * k], values = new double[k];
        for (int j = 0; j < k; j++) {
            DMatrixRMaj v = eig.getEigenVector(order[j]);
            values[j] = eig.getEigenvalue(order[j]).getReal();
            int arg = 0;
            for (int i = 1; i < n; i++) if (Math.abs(v.get(i)) > Math.abs(v.get(arg))) arg = i;
            double sign = v.get(arg) < 0 ? -1 : 1;
            for (int i = 0; i < n; i++) vectors[i * k + j] = sign * v.get(i);
        }
        return new Top(vectors, values);
    }
}
