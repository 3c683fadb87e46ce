package io.ssm4j.models.lds;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.distributions.MultivariateNormal;
import io.ssm4j.math.Rng;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parameter validation, the log joint against MultivariateNormal densities, and round trips of parameters(). */
class LinearGaussianStateSpaceModelTest {
    static Map<String, NdArray> params() {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(new double[] {0.9, 0.2, -0.1, 0.8}, 2, 2));
        p.put("B", NdArray.of(new double[] {0.5, -0.3}, 2, 1));
        p.put("b", NdArray.of(new double[] {0.1, 0.2}, 2));
        p.put("Q", NdArray.of(new double[] {0.3, 0.1, 0.1, 0.2}, 2, 2));
        p.put("C", NdArray.of(new double[] {1, 0.5, -0.2, 1, 0.3, 0.3}, 3, 2));
        p.put("D", NdArray.of(new double[] {0.2, 0, -0.4}, 3, 1));
        p.put("d", NdArray.of(new double[] {1, 2, 3}, 3));
        p.put("R", NdArray.of(new double[] {0.5, 0.1, 0, 0.1, 0.4, 0, 0, 0, 0.3}, 3, 3));
        p.put("m0", NdArray.of(new double[] {0.5, -0.5}, 2));
        p.put("P0", NdArray.of(new double[] {1, 0.2, 0.2, 2}, 2, 2));
        return p;
    }

    @Test
    void logJointIsTheSumOfGaussianFactors() {
        LinearGaussianStateSpaceModel m = LinearGaussianStateSpaceModel.fromParameters(params());
        int t = 6;
        double[] u = {0.3, -1, 2, 0.5, 0, 1};
        LinearGaussianStateSpaceModel.Sample s = m.sample(t, u, Rng.seeded(3));
        boolean[] mask = new boolean[t * 3];
        java.util.Arrays.fill(mask, true);
        mask[4] = false;
        mask[9] = mask[10] = mask[11] = false;
        TimeSeries y = s.observations().withMask(mask);
        double[] x = s.states();
        double[] a = {0.9, 0.2, -0.1, 0.8}, c = {1, 0.5, -0.2, 1, 0.3, 0.3}, dIn = {0.2, 0, -0.4}, dd = {1, 2, 3};
        double[] r = {0.5, 0.1, 0, 0.1, 0.4, 0, 0, 0, 0.3};
        double expected = MultivariateNormal.of(new double[] {0.5, -0.5}, new double[] {1, 0.2, 0.2, 2})
                .logDensity(new double[] {x[0], x[1]});
        for (int k = 1; k < t; k++) {
            double[] mean = {a[0] * x[2 * k - 2] + a[1] * x[2 * k - 1] + 0.5 * u[k - 1] + 0.1,
                    a[2] * x[2 * k - 2] + a[3] * x[2 * k - 1] - 0.3 * u[k - 1] + 0.2};
            expected += MultivariateNormal.of(mean, new double[] {0.3, 0.1, 0.1, 0.2}).logDensity(new double[] {x[2 * k], x[2 * k + 1]});
        }
        for (int k = 0; k < t; k++) {
            java.util.List<Integer> obs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) if (y.isObserved(k, i)) obs.add(i);
            if (obs.isEmpty()) continue;
            int n = obs.size();
            double[] mean = new double[n], cov = new double[n * n], v = new double[n];
            for (int p = 0; p < n; p++) {
                int i = obs.get(p);
                mean[p] = c[2 * i] * x[2 * k] + c[2 * i + 1] * x[2 * k + 1] + dIn[i] * u[k] + dd[i];
                v[p] = y.value(k, i);
                for (int q = 0; q < n; q++) cov[p * n + q] = r[i * 3 + obs.get(q)];
            }
            expected += MultivariateNormal.of(mean, cov).logDensity(v);
        }
        assertEquals(expected, m.logJoint(y, x), 1e-12 * Math.abs(expected));
    }

    @Test
    void parametersRoundTrip() {
        LinearGaussianStateSpaceModel m = LinearGaussianStateSpaceModel.fromParameters(params());
        assertEquals(m.parameters(), LinearGaussianStateSpaceModel.fromParameters(m.parameters()).parameters());
    }

    @Test
    void diagonalRAndTimeVaryingC() {
        Map<String, NdArray> p = params();
        p.put("R", NdArray.of(new double[] {0.5, 0.4, 0.3}, 3));
        double[] cs = new double[5 * 6];
        for (int i = 0; i < cs.length; i++) cs[i] = 0.1 * i;
        p.put("C", NdArray.of(cs, 5, 3, 2));
        LinearGaussianStateSpaceModel m = LinearGaussianStateSpaceModel.fromParameters(p);
        assertEquals(5, m.length());
        assertEquals(0.4, m.emissionCovariance().view()[4]);
        assertEquals(0.1 * 6, m.emissions().view()[m.emissions().offset(1)]);
    }

    private static void assertRejected(String fragment, Map<String, NdArray> p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinearGaussianStateSpaceModel.fromParameters(p));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void badParametersAreNamed() {
        Map<String, NdArray> p = params();
        p.remove("Q");
        assertRejected("'Q' is missing", p);
        p = params();
        p.put("R", NdArray.of(new double[] {0.5, 0.9, 0.0, 0.9, 0.4, 0, 0, 0, 0.3}, 3, 3));
        assertRejected("R is not positive semidefinite", p);
        p = params();
        p.put("P0", NdArray.of(new double[] {1, 0.2, 0.3, 2}, 2, 2));
        assertRejected("P0 is not symmetric", p);
        p = params();
        p.put("C", NdArray.of(new double[6], 2, 3));
        assertRejected("C: expected shape [2, 2] or [T, 2, 2], got [2, 3]", p);
        p = params();
        p.put("A", NdArray.of(new double[4 * 4], 4, 2, 2));
        p.put("C", NdArray.of(new double[4 * 6], 4, 3, 2));
        assertRejected("implies T", p);
        p = params();
        p.put("m0", NdArray.of(new double[] {Double.NaN, 0}, 2));
        assertRejected("m0: non-finite", p);
        p = params();
        p.put("Z", NdArray.scalar(1));
        assertRejected("unknown LDS parameter 'Z'", p);
    }
}
