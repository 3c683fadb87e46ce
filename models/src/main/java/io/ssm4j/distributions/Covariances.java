package io.ssm4j.distributions;

import io.ssm4j.math.Cholesky;

/**
 * Validation of flat row-major covariance (and other symmetric positive-definite) matrices shared by every
 * distribution here. A matrix S (D x D) passes when it has D*D finite entries, is symmetric to a relative
 * tolerance of 1e-8 (|S_ij - S_ji| &lt;= 1e-8 max(|S_ij|, |S_ji|, 1e-300) scaled by the diagonal), and has a
 * Cholesky factor S = L L^T with positive diagonal.
 */
public final class Covariances {
    /** Relative asymmetry tolerated before a matrix counts as not symmetric. */
    public static final double SYMMETRY_TOLERANCE = 1e-8;

    private Covariances() {}

    /**
     * Checks that s is a D x D symmetric positive-definite matrix and returns its lower Cholesky factor.
     *
     * @param s    the matrix, flat row-major, length d*d
     * @param d    the dimension D (&gt;= 1)
     * @param name the argument's name, used in the exception message
     * @return a new array holding L with S = L L^T (upper triangle zero)
     * @throws IllegalArgumentException naming {@code name} when s is null, the wrong length, non-finite,
     *                                  not symmetric or not positive definite
     */
    public static double[] requireSpd(double[] s, int d, String name) {
        requireSymmetric(s, d, name);
        double[] l = new double[d * d];
        if (!Cholesky.factor(s, d, l)) {
            throw new IllegalArgumentException(name + " (" + d + " x " + d + ") is not positive definite");
        }
        return l;
    }

    /**
     * Checks that s is a finite symmetric D x D matrix (positive definiteness is not checked).
     *
     * @throws IllegalArgumentException naming {@code name} otherwise
     */
    public static void requireSymmetric(double[] s, int d, String name) {
        Args.requireDimension(d, "dimension of " + name);
        Args.requireLength(s, d * d, name + " (" + d + " x " + d + ")");
        Args.requireFinite(s, name);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double a = s[i * d + j], b = s[j * d + i];
                double scale = Math.sqrt(Math.abs(s[i * d + i] * s[j * d + j]));
                double tol = SYMMETRY_TOLERANCE * Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(scale, 1e-300));
                if (Math.abs(a - b) > tol) {
                    throw new IllegalArgumentException(name + " is not symmetric: [" + i + "," + j + "] = " + a
                            + " but [" + j + "," + i + "] = " + b);
                }
            }
        }
    }

    /**
     * The Cholesky factor of a symmetric matrix, or null when it is not positive definite (for log densities,
     * which give such points negative infinity instead of throwing).
     */
    static double[] factorOrNull(double[] s, int d, String name) {
        requireSymmetric(s, d, name);
        double[] l = new double[d * d];
        return Cholesky.factor(s, d, l) ? l : null;
    }
}
