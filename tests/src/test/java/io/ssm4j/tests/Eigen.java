package io.ssm4j.tests;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigenvalue moduli of a small general matrix, by EJML, sorted descending. */
final class Eigen {
    private Eigen() {}

    static double[] sortedModuli(double[] a, int d) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, false);
        if (!eig.decompose(new DMatrixRMaj(d, d, true, a.clone()))) throw new IllegalStateException("eig failed");
        double[] m = new double[d];
        for (int i = 0; i < d; i++) m[i] = eig.getEigenvalue(i).getMagnitude();
        java.util.Arrays.sort(m);
        for (int i = 0; i < d / 2; i++) { double t = m[i]; m[i] = m[d - 1 - i]; m[d - 1 - i] = t; }
        return m;
    }
}
