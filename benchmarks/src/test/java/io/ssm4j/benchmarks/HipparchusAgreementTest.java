package io.ssm4j.benchmarks;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.inference.kalman.KalmanSmoother;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ssm4j's Kalman filter and RTS smoother against Hipparchus' (an independent implementation): filtered and
 * smoothed means agree within 1e-8 on a seeded D = 3, N = 5 model, and on the shared peer datasets
 * {@code lds_d10_t10000} and {@code lds_d4_t100000} under their true parameters when {@code ../shared} is present.
 */
class HipparchusAgreementTest {
    static final double TOL = 1e-8;

    static void assertAgree(LinearGaussianStateSpaceModel model, TimeSeries y, String what) {
        HipparchusKalman ref = HipparchusKalman.of(model, y);
        double[] ours = KalmanFilter.filter(model, y).filteredMeans(), theirs = ref.filter();
        assertClose(ours, theirs, what + " filtered means");
        assertClose(KalmanSmoother.smooth(model, y).means(), ref.smooth(), what + " smoothed means");
    }

    static void assertClose(double[] a, double[] b, String what) {
        assertTrue(a.length == b.length, what + ": lengths " + a.length + " vs " + b.length);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < a.length; i++) {
            double e = Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i]));
            if (e > worst) {
                worst = e;
                at = i;
            }
        }
        assertTrue(worst <= TOL, what + ": largest difference " + worst + " at index " + at);
    }

    @Test
    void agreesOnSeededModel() {
        int d = 3, n = 5;
        Rng rng = Rng.seeded(17);
        double[] a = {0.9, 0.1, 0, -0.1, 0.85, 0.05, 0, 0.2, 0.7}, c = new double[n * d], r = new double[n * n];
        for (int i = 0; i < c.length; i++) c[i] = rng.gaussian();
        for (int i = 0; i < n; i++) r[i * n + i] = 0.3 + 0.1 * i;
        r[1] = r[n] = 0.05;
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("A", NdArray.of(a, d, d));
        p.put("Q", NdArray.of(new double[] {0.2, 0.05, 0, 0.05, 0.1, 0, 0, 0, 0.3}, d, d));
        p.put("C", NdArray.of(c, n, d));
        p.put("R", NdArray.of(r, n, n));
        p.put("m0", NdArray.of(new double[] {1, 0, -1}, d));
        p.put("P0", NdArray.of(new double[] {2, 0, 0, 0, 1, 0, 0, 0, 0.5}, d, d));
        LinearGaussianStateSpaceModel model = LinearGaussianStateSpaceModel.fromParameters(p);
        assertAgree(model, model.sample(300, null, rng).observations(), "seeded D=3");
    }

    @Test
    void agreesOnSharedPeerDatasets() {
        for (String name : new String[] {"lds_d10_t10000", "lds_d4_t100000"}) {
            Assumptions.assumeTrue(SharedPeers.dataset(name).isPresent(),
                    "shared peer dataset " + name + " absent under " + SharedPeers.sharedDir() + ": skipped");
            LdsTruthData data = LdsTruthData.load(name);
            assertAgree(data.model(), data.y(), name);
        }
    }
}
