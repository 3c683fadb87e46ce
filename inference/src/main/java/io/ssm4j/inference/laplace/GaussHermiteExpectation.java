package io.ssm4j.inference.laplace;

import io.ssm4j.models.lds.EmissionFamily;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The expected log-likelihood E[log p(y | eta)], eta ~ N(mu, v), by K-point Gauss-Hermite quadrature on the
 * one-dimensional projection eta (deterministic; used for the softplus and logistic links, whose expectation has no
 * closed form):
 * <pre>
 *   F = sum_k w_k f(mu + sqrt(v) s_k),   f = log p(y | .) up to its eta-free normaliser
 * </pre>
 * with the probabilists' nodes s_k and weights w_k (sum w_k = 1) from the Golub-Welsch eigenproblem of the Hermite
 * Jacobi matrix (Golub and Welsch 1969, "Calculation of Gauss quadrature rules"). The derivatives are those of this
 * quadrature sum, exactly: with a_j = sum_k w_k f''_k s_k^j and b_j = sum_k w_k f'_k s_k^j,
 * alpha = b0, beta = b1 / sqrt(v), gamma = a0, delta = a1 / sqrt(v), epsilon = a2 / v - b1 / v^{3/2}
 * ({@link ProjectedExpectation}). As v -&gt; 0 (c = 0) the Stein limits beta = a0, delta = epsilon = 0 are used.
 */
final class GaussHermiteExpectation implements ProjectedExpectation {
    private static final double TINY_VARIANCE = 1e-12;

    private final EmissionFamily family;
    private final double[] nodes;
    private final double[] weights;

    GaussHermiteExpectation(EmissionFamily family, int points) {
        if (points < 2) throw new IllegalArgumentException("Gauss-Hermite points must be >= 2, got " + points);
        this.family = family;
        this.nodes = new double[points];
        this.weights = new double[points];
        rule(points, nodes, weights);
    }

    /** Probabilists' Gauss-Hermite rule: nodes are the eigenvalues of the Jacobi matrix with off-diagonal sqrt(k). */
    static void rule(int k, double[] nodes, double[] weights) {
        DMatrixRMaj j = new DMatrixRMaj(k, k);
        for (int i = 0; i + 1 < k; i++) {
            double off = Math.sqrt(i + 1.0);
            j.set(i, i + 1, off);
            j.set(i + 1, i, off);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(k, true, true);
        if (!eig.decompose(j)) throw new IllegalStateException("Gauss-Hermite: eigendecomposition failed");
        for (int i = 0; i < k; i++) {
            nodes[i] = eig.getEigenvalue(i).getReal();
            double v0 = eig.getEigenVector(i).get(0);
            double norm = 0;
            for (int r = 0; r < k; r++) norm += eig.getEigenVector(i).get(r) * eig.getEigenVector(i).get(r);
            weights[i] = v0 * v0 / norm;
        }
    }

    @Override
    public void evaluate(double y, double mu, double v, double[] out) {
        double sd = Math.sqrt(Math.max(v, 0.0));
        double f = 0, a0 = 0, a1 = 0, a2 = 0, b0 = 0, b1 = 0;
        double[] der = new double[2];
        for (int k = 0; k < nodes.length; k++) {
            double s = nodes[k], w = weights[k], eta = mu + sd * s;
            f += w * family.kernel(y, eta, der);
            b0 += w * der[0];
            b1 += w * der[0] * s;
            a0 += w * der[1];
            a1 += w * der[1] * s;
            a2 += w * der[1] * s * s;
        }
        out[0] = f;
        out[1] = b0;
        out[3] = a0;
        if (v < TINY_VARIANCE) {
            out[2] = a0;
            out[4] = 0.0;
            out[5] = 0.0;
        } else {
            out[2] = b1 / sd;
            out[4] = a1 / sd;
            out[5] = a2 / v - b1 / (v * sd);
        }
    }
}
