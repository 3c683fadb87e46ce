package io.ssm4j.inference.kalman;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.math.Cholesky;
import io.ssm4j.math.MatrixOps;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

/**
 * Forward-filter backward-sample for an LDS (Carter and Kohn 1994, "On Gibbs sampling for state space
 * models"; Fruhwirth-Schnatter 1994): a draw of x_{1:T} from p(x_{1:T} | y_{1:T}) as
 * <pre>
 *   x_T ~ N(m_{T|T}, P_{T|T}),
 *   x_t | x_{t+1} ~ N(m_{t|t} + J_t (x_{t+1} - m_{t+1|t}),  P_{t|t} - J_t A_t P_{t|t})
 * </pre>
 * with J_t the smoother gain. In the filter's steady state the conditional covariance and its Cholesky factor
 * are computed once.
 */
public final class KalmanSampler {
    private KalmanSampler() {}

    /** One posterior draw of x_{1:T} (T x D, row-major) under the default options. */
    public static double[] sample(LinearGaussianStateSpaceModel model, TimeSeries y, Rng rng) {
        return sample(model, KalmanFilter.filter(model, y, KalmanOptions.defaults()), rng);
    }

    /** One posterior draw of x_{1:T} from a filter's output; call repeatedly for more draws. */
    public static double[] sample(LinearGaussianStateSpaceModel model, FilteredPosterior f, Rng rng) {
        int t = f.length(), d = f.latentDim(), dd = d * d;
        double[] x = new double[t * d], z = new double[d], chol = new double[dd], cov = new double[dd], diff = new double[d];
        draw(f.filteredMeans(), (t - 1) * d, f.filteredCovariances(), (t - 1) * dd, chol, d, rng, z, x, (t - 1) * d, t - 1);
        SmootherGain gain = new SmootherGain(d);
        boolean fixed = false;
        for (int s = t - 2; s >= 0; s--) {
            boolean steady = s >= f.steadyFrom();
            if (!(steady && fixed)) {
                gain.compute(model.dynamics(), f, s);
                MatrixOps.mulTransA(gain.aP, 0, gain.jT, 0, cov, 0, d, d, d);
                for (int i = 0; i < dd; i++) cov[i] = f.filteredCovariances()[s * dd + i] - cov[i];
                MatrixOps.symmetrize(cov, 0, d);
                factor(cov, chol, d, s);
                fixed = steady;
            }
            gain.backwardMean(f, s, x, (s + 1) * d, x, s * d, diff);
            for (int i = 0; i < d; i++) z[i] = rng.gaussian();
            MatrixOps.mulVecAdd(chol, 0, z, 0, x, s * d, d, d);
        }
        return x;
    }

    private static void draw(double[] mean, int mo, double[] cov, int co, double[] chol, int d, Rng rng, double[] z,
                             double[] x, int xo, int t) {
        factor(java.util.Arrays.copyOfRange(cov, co, co + d * d), chol, d, t);
        System.arraycopy(mean, mo, x, xo, d);
        for (int i = 0; i < d; i++) z[i] = rng.gaussian();
        MatrixOps.mulVecAdd(chol, 0, z, 0, x, xo, d, d);
    }

    private static void factor(double[] cov, double[] chol, int d, int t) {
        if (!Cholesky.factor(cov, d, chol)) {
            throw new IllegalStateException("Kalman sampler: conditional covariance of x_t given x_{t+1} is not positive "
                    + "definite at t=" + t);
        }
    }
}
