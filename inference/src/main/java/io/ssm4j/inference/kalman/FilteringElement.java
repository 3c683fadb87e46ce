package io.ssm4j.inference.kalman;

import java.util.Arrays;

/**
 * One element of the parallel Kalman filter's associative scan (Sarkka and Garcia-Fernandez 2021, "Temporal
 * parallelization of Bayesian smoothers", IEEE Trans. Automatic Control 66(1), sec. IV): for a run of steps
 * s..e it holds the conditional and the likelihood given the state x_{s-1} before the run,
 * <pre>
 *   p(x_e | x_{s-1}, y_{s:e}) = N(x_e; A x_{s-1} + b, C),    p(y_{s:e} | x_{s-1}) propto N_I(x_{s-1}; eta, J)
 * </pre>
 * where N_I(x; eta, J) propto exp(-1/2 x^T J x + eta^T x) is the information form. A filtered state N(m, P) is
 * the element A = 0, b = m, C = P, eta = 0, J = 0 ({@link #setState}). Flat row-major arrays of a D x D or D
 * entries, owned and written by {@link FilteringOperator}.
 */
final class FilteringElement {
    final int d;
    final double[] a;
    final double[] b;
    final double[] c;
    final double[] eta;
    final double[] j;

    FilteringElement(int d) {
        this.d = d;
        a = new double[d * d];
        b = new double[d];
        c = new double[d * d];
        eta = new double[d];
        j = new double[d * d];
    }

    /** This element becomes the state N(mean, cov) (mean at mo, cov at co). */
    void setState(double[] mean, int mo, double[] cov, int co) {
        Arrays.fill(a, 0.0);
        System.arraycopy(mean, mo, b, 0, d);
        System.arraycopy(cov, co, c, 0, d * d);
        Arrays.fill(eta, 0.0);
        Arrays.fill(j, 0.0);
    }

    /** Copies other into this. */
    void copyFrom(FilteringElement other) {
        System.arraycopy(other.a, 0, a, 0, d * d);
        System.arraycopy(other.b, 0, b, 0, d);
        System.arraycopy(other.c, 0, c, 0, d * d);
        System.arraycopy(other.eta, 0, eta, 0, d);
        System.arraycopy(other.j, 0, j, 0, d * d);
    }
}
