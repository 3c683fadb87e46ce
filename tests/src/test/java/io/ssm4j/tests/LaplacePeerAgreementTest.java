package io.ssm4j.tests;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.laplace.LaplaceOptions;
import io.ssm4j.inference.laplace.LaplacePosterior;
import io.ssm4j.models.lds.EmissionFamily;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Laplace posterior mode of the Poisson LDS (log link) under the true parameters of the shared
 * poisson_lds_t5000 data set against ssm's deterministic Newton mode (approximate_posterior(method='laplace_em'),
 * x_0 ~ N(m0, P0) at the first observation, as here).
 */
class LaplacePeerAgreementTest {
    static final String DATASET = "poisson_lds_t5000";

    static GeneralizedLinearDynamicalSystem trueModel() throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>();
        for (String k : new String[] {"A", "Q", "C", "d", "m0", "P0"}) p.put(k, SharedPeers.data(DATASET, k));
        return GeneralizedLinearDynamicalSystem.fromParameters(EmissionFamily.POISSON_EXP, p);
    }

    static TimeSeries counts() throws IOException {
        NdArray y = SharedPeers.data(DATASET, "y");
        return TimeSeries.of(y.dataView(), y.dim(0), y.dim(1));
    }

    /**
     * ssm's starting point: the emissions "inverted", x0_t = (C^T C)^{-1} C^T (log max(y_t, 0.1) - d).
     */
    static double[] ssmStart(GeneralizedLinearDynamicalSystem m, TimeSeries y) {
        int n = m.obsDim(), d = m.latentDim(), t = y.length();
        DMatrixRMaj c = new DMatrixRMaj(n, d, true, m.emissionsView());
        DMatrixRMaj z = new DMatrixRMaj(t, n);
        for (int s = 0; s < t; s++) {
            for (int k = 0; k < n; k++) z.set(s, k, Math.log(Math.max(y.value(s, k), 0.1)) - m.emissionBiasView()[k]);
        }
        DMatrixRMaj ctc = new DMatrixRMaj(d, d), zc = new DMatrixRMaj(t, d), x = new DMatrixRMaj(t, d);
        CommonOps_DDRM.multTransA(c, c, ctc);
        CommonOps_DDRM.mult(z, c, zc);
        CommonOps_DDRM.invert(ctc);
        CommonOps_DDRM.mult(zc, ctc, x);
        return x.getData();
    }

    private static double maxAbsDiff(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        return worst;
    }

    /**
     * With ssm's start and ssm's stopping rule (half the Newton decrement of log p / (T D) below 1e-4, line search
     * Armijo 0.2, shrink 0.7) the Newton iterates are ssm's, so the returned point must equal ssm's to rounding.
     */
    @Test
    void ssmStoppingRuleReproducesSsmsMode() throws IOException {
        GeneralizedLinearDynamicalSystem m = trueModel();
        TimeSeries y = counts();
        double scale = (double) y.length() * m.latentDim();
        LaplaceOptions ssmRule = new LaplaceOptions(100, 0.0, 0.0, 1e-4 * scale, 0.2, 0.7);
        LaplacePosterior post = LaplacePosterior.compute(m, y, ssmStart(m, y), ssmRule);
        double[] ref = SharedPeers.result("poisson_lds_" + DATASET, "ssm_trueparams_posterior_mode").dataView();
        double worst = maxAbsDiff(ref, post.mode());
        System.out.printf("Laplace mode (ssm's stopping rule) vs ssm: max abs diff %.3e after %d Newton steps%n", worst, post.iterations());
        assertTrue(worst < 1e-6, "max abs difference to ssm's mode " + worst);
    }

    /**
     * Run to the exact mode (gradient ~ 0), the log joint is at least ssm's: ssm stops early (decrement rule), so
     * its point differs from the exact mode by a few 1e-3, and never has a higher log p(x, y).
     */
    @Test
    void exactModeIsAtLeastAsGoodAsSsms() throws IOException {
        GeneralizedLinearDynamicalSystem m = trueModel();
        TimeSeries y = counts();
        LaplacePosterior post = LaplacePosterior.compute(m, y);
        double[] ref = SharedPeers.result("poisson_lds_" + DATASET, "ssm_trueparams_posterior_mode").dataView();
        assertTrue(post.converged(), "Newton did not converge: gradient " + post.gradientNorm());
        double ssmJoint = m.logJoint(y, ref), ours = m.logJoint(y, post.mode());
        double worst = maxAbsDiff(ref, post.mode());
        System.out.printf("exact Laplace mode vs ssm: max abs diff %.3e, log joint %.6f vs ssm %.6f, %d Newton steps, gradient %.2e, log evidence %.4f%n",
                worst, ours, ssmJoint, post.iterations(), post.gradientNorm(), post.logEvidence());
        assertTrue(ours >= ssmJoint, "exact mode log joint " + ours + " < ssm's " + ssmJoint);
        assertTrue(ours - ssmJoint < 1.0, "ssm's early stop should cost less than its tolerance 1e-4 * T * D = 1.5 nats");
        assertTrue(worst < 0.05, "exact mode far from ssm's: " + worst);
    }
}
