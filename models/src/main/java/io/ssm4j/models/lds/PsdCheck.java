package io.ssm4j.models.lds;

import io.ssm4j.distributions.Covariances;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Checks that a covariance block is symmetric positive semidefinite: finite, symmetric (as in
 * {@link Covariances#requireSymmetric}) and with smallest eigenvalue &gt;= -1e-10 max(1, max |eigenvalue|).
 * Also yields a square root F with S = F F^T (by the symmetric eigendecomposition, so singular S is fine)
 * for sampling.
 */
final class PsdCheck {
    static final double EIGEN_TOLERANCE = 1e-10;

    private PsdCheck() {}

    /** Throws, naming the matrix and the offending eigenvalue, unless s (d x d at offset o) is PSD. */
    static void require(double[] s, int o, int d, String name) {
        double[] block = java.util.Arrays.copyOfRange(s, o, o + d * d);
        Covariances.requireSymmetric(block, d, name);
        double[] eig = eigenvalues(block, d, null);
        double max = 1.0, min = Double.POSITIVE_INFINITY;
        for (double e : eig) {
            max = Math.max(max, Math.abs(e));
            min = Math.min(min, e);
        }
        if (min < -EIGEN_TOLERANCE * max) {
            throw new IllegalArgumentException(name + " is not positive semidefinite: smallest eigenvalue " + min);
        }
    }

    /** F (d x d) with F F^T = S, from S = V diag(lambda) V^T as F = V diag(sqrt(max(lambda, 0))). */
    static double[] squareRoot(double[] s, int o, int d) {
        double[] v = new double[d * d];
        double[] lambda = eigenvalues(java.util.Arrays.copyOfRange(s, o, o + d * d), d, v);
        double[] f = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) f[i * d + j] = v[i * d + j] * Math.sqrt(Math.max(lambda[j], 0.0));
        }
        return f;
    }

    /** Eigenvalues of the symmetric s; when vectors is non-null, column j of it (d x d) gets eigenvector j. */
    private static double[] eigenvalues(double[] s, int d, double[] vectors) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, vectors != null, true);
        if (!eig.decompose(new DMatrixRMaj(d, d, true, s))) {
            throw new IllegalArgumentException("eigendecomposition failed for a " + d + " x " + d + " matrix");
        }
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            out[j] = eig.getEigenvalue(j).getReal();
            if (vectors != null) {
                DMatrixRMaj vj = eig.getEigenVector(j);
                for (int i = 0; i < d; i++) vectors[i * d + j] = vj.get(i);
            }
        }
        return out;
    }
}
