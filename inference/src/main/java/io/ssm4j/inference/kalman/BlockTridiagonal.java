package io.ssm4j.inference.kalman;

import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.math.Rng;

/**
 * A symmetric positive-definite block-tridiagonal matrix J (T x T blocks of D x D; diagonal blocks J_tt and
 * sub-diagonal blocks J_{t+1,t}) in its banded Cholesky factor J = L L^T, L block-lower-bidiagonal:
 * <pre>
 *   L_11 L_11^T = J_11,   L_{t+1,t} = J_{t+1,t} L_tt^{-T},   L_{t+1,t+1} L_{t+1,t+1}^T = J_{t+1,t+1} - L_{t+1,t} L_{t+1,t}^T
 * </pre>
 * at O(T D^3) cost. This is the information (precision) form of a Gauss-Markov chain's posterior, used by
 * Laplace and variational steps (Paninski et al. 2010, "A new look at state-space models for neural data";
 * Rue and Held 2005, "Gaussian Markov Random Fields", sec. 2.4): it solves J x = h, gives log det J and draws
 * x ~ N(J^{-1} h, J^{-1}) as x = J^{-1} h + L^{-T} z.
 */
public final class BlockTridiagonal {
    private final int length;
    private final int dim;
    private final double[] diagFactor;
    private final double[] subFactor;

    private BlockTridiagonal(int length, int dim, double[] diagFactor, double[] subFactor) {
        this.length = length;
        this.dim = dim;
        this.diagFactor = diagFactor;
        this.subFactor = subFactor;
    }

    /**
     * Factors J.
     *
     * @param diagonal T blocks J_tt (T x D x D, row-major; symmetric)
     * @param lower    T-1 blocks J_{t+1,t) ((T-1) x D x D)
     * @throws IllegalArgumentException on wrong lengths, or naming the block t where J is not positive definite
     */
    public static BlockTridiagonal factor(double[] diagonal, double[] lower, int length, int dim) {
        int dd = dim * dim;
        if (length < 1 || dim < 1) throw new IllegalArgumentException("length and dim must be >= 1, got " + length + ", " + dim);
        if (diagonal.length != length * dd) {
            throw new IllegalArgumentException("diagonal: expected T*D*D = " + length * dd + " entries, got " + diagonal.length);
        }
        if (lower.length != (length - 1) * dd) {
            throw new IllegalArgumentException("lower: expected (T-1)*D*D = " + (length - 1) * dd + " entries, got " + lower.length);
        }
        double[] ld = new double[length * dd], ls = new double[(length - 1) * dd], s = new double[dd], l = new double[dd];
        for (int t = 0; t < length; t++) {
            System.arraycopy(diagonal, t * dd, s, 0, dd);
            if (t > 0) {
                MatrixOps.mulTransB(ls, (t - 1) * dd, ls, (t - 1) * dd, l, 0, dim, dim, dim);
                for (int i = 0; i < dd; i++) s[i] -= l[i];
            }
            if (!Cholesky.factor(s, dim, l)) {
                throw new IllegalArgumentException("block-tridiagonal matrix is not positive definite at block t=" + t);
            }
            System.arraycopy(l, 0, ld, t * dd, dd);
            if (t < length - 1) {
                System.arraycopy(lower, t * dd, ls, t * dd, dd);
                for (int r = 0; r < dim; r++) MatrixOps.solveLower(ld, t * dd, ls, t * dd + r * dim, dim);
            }
        }
        return new BlockTridiagonal(length, dim, ld, ls);
    }

    public int length() { return length; }

    public int dim() { return dim; }

    /** log det J = 2 sum_t sum_i log (L_tt)_ii. */
    public double logDet() {
        double r = 0.0;
        int dd = dim * dim;
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < dim; i++) r += Math.log(diagFactor[t * dd + i * dim + i]);
        }
        return 2 * r;
    }

    /** x = J^{-1} h (T x D). */
    public double[] solve(double[] h) {
        if (h.length != length * dim) throw new IllegalArgumentException("h: expected T*D = " + length * dim + " entries, got " + h.length);
        double[] x = h.clone();
        forward(x);
        backward(x);
        return x;
    }

    /** A draw x ~ N(J^{-1} h, J^{-1}); h may be null for mean zero. */
    public double[] sample(double[] h, Rng rng) {
        double[] x = h == null ? new double[length * dim] : h.clone();
        forward(x);
        for (int i = 0; i < x.length; i++) x[i] += rng.gaussian();
        backward(x);
        return x;
    }

    /**
     * The blocks of J^{-1} on the band: Sigma_tt (T x D x D) and Sigma_{t+1,t} ((T-1) x D x D), by selected
     * inversion of the factor without forming the dense inverse (Rue and Held 2005, sec. 2.4.1; the RTS
     * smoother's backward pass in information form). From L^T Sigma = L^{-1}, with G_t = L_tt^{-T} L_{t+1,t}^T:
     * <pre>
     *   Sigma_TT = (L_TT L_TT^T)^{-1}
     *   Sigma_{t+1,t} = -Sigma_{t+1,t+1} G_t^T
     *   Sigma_tt = (L_tt L_tt^T)^{-1} + G_t Sigma_{t+1,t+1} G_t^T
     * </pre>
     * at O(T D^3) cost. For a Gaussian with precision J these are the marginal covariances Cov(x_t) and the
     * lag-one cross-covariances Cov(x_{t+1}, x_t).
     */
    public BandInverse bandInverse() {
        int d = dim, dd = d * d;
        double[] diag = new double[length * dd], lower = new double[Math.max(0, length - 1) * dd];
        double[] g = new double[dd], sg = new double[dd], tmp = new double[dd], own = new double[dd];
        Cholesky.inverse(java.util.Arrays.copyOfRange(diagFactor, (length - 1) * dd, length * dd), d, own);
        System.arraycopy(own, 0, diag, (length - 1) * dd, dd);
        double[] l = new double[dd];
        for (int t = length - 2; t >= 0; t--) {
            System.arraycopy(diagFactor, t * dd, l, 0, dd);
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) g[i * d + j] = subFactor[t * dd + j * d + i];
            MatrixOps.solveUpperTransposedRows(l, 0, g, 0, d, d);
            // sg = Sigma_{t+1,t+1} G_t^T = -Sigma_{t+1,t}
            MatrixOps.mulTransB(diag, (t + 1) * dd, g, 0, sg, 0, d, d, d);
            for (int i = 0; i < dd; i++) lower[t * dd + i] = -sg[i];
            MatrixOps.mul(g, 0, sg, 0, tmp, 0, d, d, d);
            Cholesky.inverse(l, d, own);
            for (int i = 0; i < dd; i++) diag[t * dd + i] = own[i] + tmp[i];
            MatrixOps.symmetrize(diag, t * dd, d);
        }
        return new BandInverse(diag, lower);
    }

    /** Band of J^{-1}: diagonal blocks Sigma_tt (T x D x D) and sub-diagonal blocks Sigma_{t+1,t} ((T-1) x D x D). */
    public record BandInverse(double[] diagonal, double[] lower) {}

    /** x := L^{-1} x. */
    private void forward(double[] x) {
        int d = dim, dd = d * d;
        for (int t = 0; t < length; t++) {
            if (t > 0) {
                for (int i = 0; i < d; i++) {
                    double s = 0.0;
                    for (int j = 0; j < d; j++) s += subFactor[(t - 1) * dd + i * d + j] * x[(t - 1) * d + j];
                    x[t * d + i] -= s;
                }
            }
            MatrixOps.solveLower(diagFactor, t * dd, x, t * d, d);
        }
    }

    /** x := L^{-T} x. */
    private void backward(double[] x) {
        int d = dim, dd = d * d;
        for (int t = length - 1; t >= 0; t--) {
            if (t < length - 1) {
                for (int j = 0; j < d; j++) {
                    double xj = x[(t + 1) * d + j];
                    for (int i = 0; i < d; i++) x[t * d + i] -= subFactor[t * dd + j * d + i] * xj;
                }
            }
            MatrixOps.solveUpperTransposed(diagFactor, t * dd, x, t * d, d);
        }
    }
}
