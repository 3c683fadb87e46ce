package io.ssm4j.inference.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The M-step checked where the truth is independent of it: given the states exactly (a posterior with zero
 * covariance), the expected complete-data log joint is the model's own {@code logJoint}, so the update must be
 * ordinary least squares (checked with EJML) and must beat every nearby parameter value on logJoint + log prior.
 */
class LdsMStepTest {
    private static LdsStatistics pointStatistics(LinearGaussianStateSpaceModel m, TimeSeries y, double[] x) {
        int t = y.length(), d = m.latentDim();
        return LdsEStep.fromPosterior(m, y, new SmoothedPosterior(t, d, 0, x, new double[t * d * d], new double[(t - 1) * d * d]));
    }

    @Test
    void givenTheStatesTheDynamicsUpdateIsOrdinaryLeastSquares() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(3, 1, true);
        LinearGaussianStateSpaceModel.Sample s = LdsTestModels.sample(truth, 400, 7);
        TimeSeries y = s.observations();
        double[] x = s.states();
        LinearGaussianStateSpaceModel fit = LdsMStep.maximize(truth, pointStatistics(truth, y, x), LdsEmOptions.defaults());
        int t = y.length(), p = 4;
        DMatrixRMaj z = new DMatrixRMaj(t - 1, p), target = new DMatrixRMaj(t - 1, 2), w = new DMatrixRMaj(p, 2);
        for (int i = 0; i < t - 1; i++) {
            z.set(i, 0, x[2 * i]);
            z.set(i, 1, x[2 * i + 1]);
            z.set(i, 2, y.input(i, 0));
            z.set(i, 3, 1);
            target.set(i, 0, x[2 * i + 2]);
            target.set(i, 1, x[2 * i + 3]);
        }
        assertTrue(CommonOps_DDRM.solve(z, target, w));
        Map<String, NdArray> got = fit.parameters();
        double[] a = got.get("A").dataView(), b = got.get("B").dataView(), bias = got.get("b").dataView();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(new double[] {w.get(0, i), w.get(1, i), w.get(2, i), w.get(3, i)},
                    new double[] {a[2 * i], a[2 * i + 1], b[i], bias[i]}, 1e-9, "row " + i + " of [A B b]");
        }
        DMatrixRMaj res = new DMatrixRMaj(t - 1, 2);
        CommonOps_DDRM.mult(z, w, res);
        CommonOps_DDRM.subtract(target, res, res);
        DMatrixRMaj q = new DMatrixRMaj(2, 2);
        CommonOps_DDRM.multTransA(res, res, q);
        CommonOps_DDRM.divide(q, t - 1);
        assertArrayEquals(q.data, got.get("Q").dataView(), 1e-9, "Q = residual covariance");
    }

    @Test
    void givenTheStatesTheUpdateMaximisesLogJointPlusLogPrior() {
        LinearGaussianStateSpaceModel truth = LdsTestModels.model(4, 1, true);
        LinearGaussianStateSpaceModel.Sample s = LdsTestModels.sample(truth, 300, 8);
        TimeSeries y = LdsTestModels.maskEntries(s.observations(), 0.25, 3);
        double[] x = s.states();
        // one trial with known states would collapse P0 to zero: hold the initial state fixed
        LdsEmOptions base = LdsEmOptions.defaults().withDiagonalR(true).withFixed(LdsParameter.parseList("m0,P0"));
        for (LdsEmOptions o : new LdsEmOptions[] {base,
                base.withPrior(new LdsPrior(new RegressionPrior(4, 0.3, 5), new RegressionPrior(2, 0.5, 3))),
                base.withFixed(LdsParameter.parseList("C,b,Q,m0,P0"))}) {
            LinearGaussianStateSpaceModel best = LdsMStep.maximize(truth, pointStatistics(truth, y, x), o);
            double top = best.logJoint(y, x) + LdsMStep.logPrior(best, o);
            for (int k = 0; k < 20; k++) {
                LinearGaussianStateSpaceModel near = LdsTestModels.perturbed(best, 0.01, 100 + k);
                Map<String, NdArray> p = near.parameters();
                for (LdsParameter fixed : o.fixed()) p.put(fixed.name(), best.parameters().get(fixed.name()));
                double[] r = p.get("R").toArray(), q = p.get("Q").toArray();
                for (int i = 0; i < 4; i++) r[i * 5] *= 1 + 0.05 * Math.sin(k + i);
                if (o.learns(LdsParameter.Q)) q[0] *= 1.03;
                p.put("R", NdArray.of(r, 4, 4));
                p.put("Q", NdArray.of(q, 2, 2));
                near = LinearGaussianStateSpaceModel.fromParameters(p);
                double v = near.logJoint(y, x) + LdsMStep.logPrior(near, o);
                assertTrue(v <= top + 1e-9 * Math.abs(top), "a nearby point scores higher: " + v + " > " + top);
            }
        }
    }
}
