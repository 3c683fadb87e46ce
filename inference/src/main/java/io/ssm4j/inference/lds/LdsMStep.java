package io.ssm4j.inference.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.distributions.RegressionStats;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.util.Map;

/**
 * The M-step of LDS EM (Shumway and Stoffer 1982; Ghahramani and Hinton 1996): with z_t = [x_t; u_t; 1], the
 * dynamics x_{t+1} = [A B b] z_t + w_t and the emissions y_t = [C D d] z_t + v_t are two linear-Gaussian regressions
 * solved in closed form from the expected moments by {@link RegressionMStep} (free columns only, optional prior),
 * and the initial state is
 * <pre>
 *   m0 = (1/K) sum_k E[x_1^k],   P0 = (1/K) sum_k E[x_1^k x_1^k^T] - m0 s^T - s m0^T + m0 m0^T,  s = (1/K) sum_k E[x_1^k]
 * </pre>
 * (P0 = (1/K) sum_k Cov(x_1^k | y) + spread of the means when m0 is learned). With partly observed steps and a
 * diagonal R, each output row i is its own regression on the steps where y_ti is observed.
 */
public final class LdsMStep {
    private LdsMStep() {}

    /** The model that maximises the expected complete-data log joint plus log prior. */
    public static LinearGaussianStateSpaceModel maximize(LinearGaussianStateSpaceModel model, LdsStatistics s, LdsEmOptions o) {
        int d = model.latentDim(), n = model.obsDim();
        Map<String, NdArray> p = model.parameters();
        LdsPrior prior = o.prior();
        RegressionMStep.Result dyn = RegressionMStep.maximize(s.dynamics(), dynamicsWeights(model), dynamicsFree(model, o),
                model.dynamicsCovariance().matrix(0), o.learns(LdsParameter.Q), false,
                prior == null ? null : prior.dynamics(), "dynamics");
        putWeights(p, dyn.weights(), d, model.inputDim(), "A", "B", "b");
        p.put("Q", NdArray.of(dyn.covariance(), d, d));
        RegressionMStep.Result em = emissions(model, s, o);
        putWeights(p, em.weights(), n, model.inputDim(), "C", "D", "d");
        p.put("R", NdArray.of(em.covariance(), n, n));
        initialState(model, s, o, p);
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    private static RegressionMStep.Result emissions(LinearGaussianStateSpaceModel model, LdsStatistics s, LdsEmOptions o) {
        int n = model.obsDim(), pz = covariateDim(model);
        boolean learnR = o.learns(LdsParameter.R);
        RegressionPrior prior = o.prior() == null ? null : o.prior().emissions();
        double[] w = emissionWeights(model), r = model.emissionCovariance().matrix(0);
        boolean[] free = emissionFree(model, o);
        if (!s.hasPartialRows()) {
            return RegressionMStep.maximize(s.emissions(), w, free, r, learnR, o.diagonalR(), prior, "emissions");
        }
        if (learnR && !o.diagonalR()) {
            throw new IllegalArgumentException("a full emission covariance R cannot be learned when some steps are only "
                    + "partly observed: learn a diagonal R, hold R fixed, or mask whole steps");
        }
        double[] wOut = new double[n * pz], rOut = learnR ? new double[n * n] : r.clone();
        RegressionStats shared = s.emissions();
        double[] zz = shared.sumXXt(), yz = shared.sumYXt(), yy = shared.sumYYt();
        for (int i = 0; i < n; i++) {
            RegressionStats row = new RegressionStats(shared.n(), zz, java.util.Arrays.copyOfRange(yz, i * pz, (i + 1) * pz),
                    new double[] {yy[i * n + i]}).plus(s.partialRows()[i]);
            RegressionMStep.Result ri = RegressionMStep.maximize(row, java.util.Arrays.copyOfRange(w, i * pz, (i + 1) * pz),
                    free, new double[] {r[i * n + i]}, learnR, true, prior, "emissions (output " + i + ")");
            System.arraycopy(ri.weights(), 0, wOut, i * pz, pz);
            if (learnR) rOut[i * n + i] = ri.covariance()[0];
        }
        return new RegressionMStep.Result(wOut, rOut);
    }

    private static void initialState(LinearGaussianStateSpaceModel model, LdsStatistics s, LdsEmOptions o, Map<String, NdArray> p) {
        int d = model.latentDim();
        double k = s.trials();
        double[] mean = new double[d];
        for (int i = 0; i < d; i++) mean[i] = s.initialSum()[i] / k;
        double[] m0 = o.learns(LdsParameter.m0) ? mean : model.initialMeanView().clone();
        p.put("m0", NdArray.of(m0, d));
        if (!o.learns(LdsParameter.P0)) return;
        double[] p0 = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                p0[i * d + j] = s.initialOuterSum()[i * d + j] / k - m0[i] * mean[j] - mean[i] * m0[j] + m0[i] * m0[j];
            }
        }
        io.ssm4j.math.MatrixOps.symmetrize(p0, 0, d);
        p.put("P0", NdArray.of(p0, d, d));
    }

    /** log p(theta) of the learned regression parameters under the options' prior (0 without one). */
    public static double logPrior(LinearGaussianStateSpaceModel model, LdsEmOptions o) {
        LdsPrior prior = o.prior();
        if (prior == null) return 0;
        double lp = 0;
        if (prior.dynamics() != null) {
            lp += prior.dynamics().logDensity(dynamicsWeights(model), dynamicsFree(model, o),
                    model.dynamicsCovariance().matrix(0), model.latentDim(), false);
        }
        if (prior.emissions() != null) {
            lp += prior.emissions().logDensity(emissionWeights(model), emissionFree(model, o),
                    model.emissionCovariance().matrix(0), model.obsDim(), o.diagonalR());
        }
        return lp;
    }

    /** P = D + M + 1, the length of z_t = [x_t; u_t; 1]. */
    static int covariateDim(LinearGaussianStateSpaceModel model) { return model.latentDim() + model.inputDim() + 1; }

    /** [A B b], D x P. */
    static double[] dynamicsWeights(LinearGaussianStateSpaceModel model) {
        return weights(model.dynamics().matrix(0), model.inputMatrixView(), model.biasView(), model.latentDim(), model);
    }

    /** [C D d], N x P. */
    static double[] emissionWeights(LinearGaussianStateSpaceModel model) {
        return weights(model.emissions().matrix(0), model.emissionInputMatrixView(), model.emissionBiasView(), model.obsDim(), model);
    }

    static boolean[] dynamicsFree(LinearGaussianStateSpaceModel model, LdsEmOptions o) {
        return free(model, o.learns(LdsParameter.A), o.learns(LdsParameter.B), o.learns(LdsParameter.b));
    }

    static boolean[] emissionFree(LinearGaussianStateSpaceModel model, LdsEmOptions o) {
        return free(model, o.learns(LdsParameter.C), o.learns(LdsParameter.D), o.learns(LdsParameter.d));
    }

    private static boolean[] free(LinearGaussianStateSpaceModel model, boolean x, boolean u, boolean one) {
        int d = model.latentDim(), m = model.inputDim();
        boolean[] f = new boolean[d + m + 1];
        for (int j = 0; j < d; j++) f[j] = x;
        for (int j = 0; j < m; j++) f[d + j] = u;
        f[d + m] = one;
        return f;
    }

    private static double[] weights(double[] x, double[] in, double[] bias, int rows, LinearGaussianStateSpaceModel model) {
        int d = model.latentDim(), m = model.inputDim(), p = d + m + 1;
        double[] w = new double[rows * p];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x, i * d, w, i * p, d);
            if (m > 0) {
                if (in != null) System.arraycopy(in, i * m, w, i * p + d, m);
            }
            w[i * p + d + m] = bias[i];
        }
        return w;
    }

    /** Splits W = [X In bias] (rows x (cols of X + m + 1)) into the named parameters. */
    static void putWeights(Map<String, NdArray> p, double[] w, int rows, int m, String x, String in, String bias) {
        int cols = w.length / rows, d = cols - m - 1;
        double[] a = new double[rows * d], b = new double[rows * m], c = new double[rows];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(w, i * cols, a, i * d, d);
            if (m > 0) System.arraycopy(w, i * cols + d, b, i * m, m);
            c[i] = w[i * cols + d + m];
        }
        p.put(x, NdArray.of(a, rows, d));
        if (m > 0) p.put(in, NdArray.of(b, rows, m));
        p.put(bias, NdArray.of(c, rows));
    }
}
