package io.ssm4j.inference.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EM for the LDS: monotone objective, thread independence, fixed parameters, parameter recovery. */
class LdsExpectationMaximizationTest {
    private static Trials trials(LinearGaussianStateSpaceModel truth, int count, int t, double missing) {
        List<TimeSeries> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            TimeSeries y = LdsTestModels.sample(truth, t, 100 + k).observations();
            out.add(missing > 0 ? LdsTestModels.maskEntries(y, missing, 200 + k) : y);
        }
        return Trials.of(out);
    }

    private static void assertMonotone(double[] trace) {
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1] - 1e-10 * Math.abs(trace[i - 1]),
                    "objective fell at iteration " + i + ": " + trace[i - 1] + " -> " + trace[i]);
        }
        assertTrue(trace[trace.length - 1] > trace[0], "objective did not rise");
    }

    @Test
    void monotoneWithInputsBiasesMissingEntriesDiagonalRAndPrior() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(4, 2, true);
        Trials data = trials(truth, 3, 300, 0.2);
        LinearGaussianStateSpaceModel start = LdsTestModels.perturbed(truth, 0.3, 5);
        for (LdsPrior prior : new LdsPrior[] {null, LdsPrior.weak(2, 4), new LdsPrior(new RegressionPrior(5, 0.5, 6), new RegressionPrior(3, 1, 2))}) {
            LdsEmOptions em = LdsEmOptions.defaults().withDiagonalR(true).withPrior(prior);
            FitResult<LinearGaussianStateSpaceModel> r = LdsExpectationMaximization.fit(start, data, new FitOptions(30, 0, 1, null), em);
            assertMonotone(r.objective());
            double ll = 0;
            for (TimeSeries y : data) ll += KalmanFilter.filter(r.model(), y).logLikelihood();
            assertEquals(ll + LdsMStep.logPrior(r.model(), em), r.finalObjective(), 1e-9 * Math.abs(ll), "objective = exact LL + log prior");
        }
    }

    @Test
    void monotoneWithFullRAndWholeStepsMissing() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(3, 0, false);
        TimeSeries y = LdsTestModels.sample(truth, 500, 3).observations();
        boolean[] keep = new boolean[y.length() * y.dim()];
        for (int t = 0; t < y.length(); t++) for (int i = 0; i < y.dim(); i++) keep[t * y.dim() + i] = t % 7 != 3;
        Trials data = Trials.of(y.withMask(keep));
        FitResult<LinearGaussianStateSpaceModel> r = LdsExpectationMaximization.fit(LdsTestModels.perturbed(truth, 0.3, 9), data,
                new FitOptions(40, 0, 1, null), LdsEmOptions.defaults().withPrior(LdsPrior.weak(2, 3)));
        assertMonotone(r.objective());
    }

    @Test
    void fullRWithPartlyObservedStepsIsRefusedWithAClearMessage() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(3, 0, false);
        Trials data = trials(truth, 1, 100, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LdsExpectationMaximization.fit(truth, data,
                new FitOptions(2, 0, 1, null), LdsEmOptions.defaults()));
        assertTrue(e.getMessage().contains("full emission covariance R"), e.getMessage());
    }

    @Test
    void resultDoesNotDependOnThreadCount() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(4, 1, true);
        Trials data = trials(truth, 5, 120, 0.1);
        LdsEmOptions em = LdsEmOptions.defaults().withDiagonalR(true);
        FitResult<LinearGaussianStateSpaceModel> one = LdsExpectationMaximization.fit(truth, data, new FitOptions(10, 0, 1, null), em);
        FitResult<LinearGaussianStateSpaceModel> three = LdsExpectationMaximization.fit(truth, data, new FitOptions(10, 0, 3, null), em);
        assertArrayEquals(one.objective(), three.objective(), 0.0);
        assertArrayEquals(one.model().parameters().get("C").dataView(), three.model().parameters().get("C").dataView(), 0.0);
    }

    @Test
    void fixedParametersStayExactlyAtTheirStartingValues() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(4, 1, true);
        Trials data = trials(truth, 2, 200, 0);
        LinearGaussianStateSpaceModel start = LdsTestModels.perturbed(truth, 0.2, 4);
        EnumSet<LdsParameter> fixed = LdsParameter.parseList("A,d,R,P0,B");
        FitResult<LinearGaussianStateSpaceModel> r = LdsExpectationMaximization.fit(start, data, new FitOptions(15, 0, 1, null),
                LdsEmOptions.defaults().withFixed(fixed));
        assertMonotone(r.objective());
        for (LdsParameter p : LdsParameter.values()) {
            double[] before = start.parameters().get(p.name()).dataView(), after = r.model().parameters().get(p.name()).dataView();
            if (fixed.contains(p)) assertArrayEquals(before, after, 0.0, p + " is fixed");
            else assertTrue(!Arrays.equals(before, after), p + " is learned");
        }
    }

    @Test
    void unknownParameterNamesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LdsParameter.parseList("A,q"));
        assertTrue(e.getMessage().contains("'q'") && e.getMessage().contains("case-sensitive"), e.getMessage());
    }

    /** Stationary covariance S = A S A^T + Q by iteration. */
    private static double[] stationary(double[] a, double[] q, int d) {
        double[] s = q.clone();
        for (int it = 0; it < 5000; it++) {
            double[] next = q.clone();
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) {
                double v = 0;
                for (int k = 0; k < d; k++) for (int l = 0; l < d; l++) v += a[i * d + k] * s[k * d + l] * a[j * d + l];
                next[i * d + j] += v;
            }
            s = next;
        }
        return s;
    }

    /** The marginal covariance of y at stationarity, C S C^T + R: invariant to the latent basis. */
    private static double[] marginal(LinearGaussianStateSpaceModel m) {
        int d = m.latentDim(), n = m.obsDim();
        double[] c = m.emissions().matrix(0), s = stationary(m.dynamics().matrix(0), m.dynamicsCovariance().matrix(0), d);
        double[] out = m.emissionCovariance().matrix(0);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double v = 0;
            for (int k = 0; k < d; k++) for (int l = 0; l < d; l++) v += c[i * d + k] * s[k * d + l] * c[j * d + l];
            out[i * n + j] += v;
        }
        return out;
    }

    private static double[] eigenvalues(double[] a, int d) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false);
        assertTrue(eig.decompose(new DMatrixRMaj(d, d, true, a)));
        double[] out = new double[2 * d];
        List<Complex_F64> ev = new ArrayList<>();
        for (int i = 0; i < d; i++) ev.add(eig.getEigenvalue(i));
        ev.sort((x, y) -> x.real != y.real ? Double.compare(x.real, y.real) : Double.compare(x.imaginary, y.imaginary));
        for (int i = 0; i < d; i++) {
            out[2 * i] = ev.get(i).real;
            out[2 * i + 1] = Math.abs(ev.get(i).imaginary);
        }
        return out;
    }

    @Test
    void recoversTheSystemUpToAnInvertibleTransformFromPca() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(6, 0, true);
        Trials data = trials(truth, 4, 5000, 0);
        LinearGaussianStateSpaceModel start = LdsInitializer.pca(data, 2);
        FitResult<LinearGaussianStateSpaceModel> r = LdsExpectationMaximization.fit(start, data, new FitOptions(300, 1e-10, 2, null),
                LdsEmOptions.defaults().withDiagonalR(true));
        assertMonotone(r.objective());
        LinearGaussianStateSpaceModel fit = r.model();
        assertArrayEquals(eigenvalues(truth.dynamics().matrix(0), 2), eigenvalues(fit.dynamics().matrix(0), 2), 0.02, "eigenvalues of A");
        double[] want = marginal(truth), got = marginal(fit);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 0.05 * Math.sqrt(want[(i / 6) * 7] * want[(i % 6) * 7]), "marginal covariance of y, entry " + i);
        }
        assertArrayEquals(truth.emissionCovariance().matrix(0), fit.emissionCovariance().matrix(0), 0.03, "R");
        double llTruth = 0;
        for (TimeSeries y : data) llTruth += KalmanFilter.filter(truth, y).logLikelihood();
        assertTrue(r.finalObjective() >= llTruth, "the maximum-likelihood fit scores at least the truth on its training data");
        assertTrue(r.finalObjective() - llTruth < 50, "and not implausibly more: " + (r.finalObjective() - llTruth));
    }

    @Test
    void pcaInitialisationIsDeterministicAndValidEvenWhenDEqualsN() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(2, 1, true);
        Trials data = trials(truth, 2, 300, 0.1);
        LinearGaussianStateSpaceModel a = LdsInitializer.pca(data, 2), b = LdsInitializer.pca(data, 2);
        for (var e : a.parameters().entrySet()) {
            NdArray other = b.parameters().get(e.getKey());
            assertArrayEquals(e.getValue().dataView(), other.dataView(), 0.0, e.getKey());
        }
        assertEquals(1, a.inputDim());
        assertTrue(Double.isFinite(LdsExpectationMaximization.fit(a, data, new FitOptions(3, 0, 1, null),
                LdsEmOptions.defaults().withDiagonalR(true)).finalObjective()));
        assertThrows(IllegalArgumentException.class, () -> LdsInitializer.pca(data, 3));
    }
}
