package io.ssm4j.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Leading eigenpairs of a symmetric matrix built from known orthonormal axes and eigenvalues: S = V diag(l) V^T. */
class SymmetricEigenTest {
    @Test
    void recoversKnownAxesInOrderWithFixedSigns() {
        double c = Math.cos(0.4), s = Math.sin(0.4);
        // orthonormal columns: a rotation in the (0, 1) plane and the third axis
        double[][] axes = {{c, s, 0}, {-s, c, 0}, {0, 0, 1}};
        double[] lambda = {0.5, 3.0, 1.5};
        double[] m = new double[9];
        for (int k = 0; k < 3; k++) for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) m[i * 3 + j] += lambda[k] * axes[k][i] * axes[k][j];
        SymmetricEigen.Top top = SymmetricEigen.top(m, 3, 2);
        assertArrayEquals(new double[] {3.0, 1.5}, top.values(), 1e-12);
        // eigenvalue 3 has axis (-s, c, 0); its largest entry is c > 0, so that sign is kept; eigenvalue 1.5 has (0, 0, 1)
        double[] expected = {-s, 0, c, 0, 0, 1};
        assertArrayEquals(expected, top.vectors(), 1e-12);
        // eigenvalue 0.5 has axis +-(c, s, 0): c is its largest entry, so the sign makes it positive
        double[] all = SymmetricEigen.top(m, 3, 3).vectors();
        assertArrayEquals(new double[] {c, s, 0}, new double[] {all[2], all[5], all[8]}, 1e-12);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.top(new double[4], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.top(new double[3], 2, 1));
    }
}
