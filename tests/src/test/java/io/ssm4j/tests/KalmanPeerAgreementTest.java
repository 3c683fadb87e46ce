package io.ssm4j.tests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.kalman.FilteredPosterior;
import io.ssm4j.inference.kalman.KalmanFilter;
import io.ssm4j.inference.kalman.KalmanOptions;
import io.ssm4j.inference.kalman.KalmanSmoother;
import io.ssm4j.inference.kalman.SmoothedPosterior;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agreement with ssm, statsmodels and pykalman on the shared LDS datasets under their true parameters:
 * log-likelihood, filtered and smoothed means, smoothed covariances at recorded steps.
 */
class KalmanPeerAgreementTest {
    private static LinearGaussianStateSpaceModel model(String dataset) throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>();
        for (String k : new String[] {"A", "Q", "C", "R", "m0", "P0"}) p.put(k, SharedPeers.data(dataset, k));
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    private static TimeSeries series(String dataset) throws IOException {
        NdArray y = SharedPeers.data(dataset, "y");
        return TimeSeries.of(y.dataView(), y.dim(0), y.dim(1));
    }

    private static void assertClose(double[] expected, double[] actual, double tol, String what) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        assertTrue(worst <= tol, what + ": max abs error " + worst + " > " + tol);
    }

    @Test
    void d10MatchesSsmStatsmodelsAndPykalman() throws IOException {
        String ds = "lds_d10_t10000", task = "kalman_" + ds;
        LinearGaussianStateSpaceModel m = model(ds);
        TimeSeries y = series(ds);
        FilteredPosterior f = KalmanFilter.filter(m, y);
        SmoothedPosterior s = KalmanSmoother.smooth(m, f, KalmanOptions.defaults());
        int d = m.latentDim();
        for (String peer : new String[] {"ssm", "statsmodels", "pykalman"}) {
            double ref = SharedPeers.result(task, peer + "_loglik").dataView()[0];
            assertEquals(ref, s.logLikelihood(), 1e-9 * Math.abs(ref), peer + " log-likelihood");
            double[] means = SharedPeers.result(task, peer + "_smoothed_means_first1000").dataView();
            assertClose(means, java.util.Arrays.copyOf(s.means(), 1000 * d), 1e-7, peer + " smoothed means");
            double[] covs = SharedPeers.result(task, peer + "_smoothed_covs_at_steps").dataView();
            double[] steps = SharedPeers.result(task, "cov_steps").dataView();
            double[] ours = new double[covs.length];
            for (int k = 0; k < steps.length; k++) System.arraycopy(s.covariances(), (int) steps[k] * d * d, ours, k * d * d, d * d);
            assertClose(covs, ours, 1e-9, peer + " smoothed covariances");
        }
        for (String peer : new String[] {"ssm", "statsmodels"}) {
            double[] filtered = SharedPeers.result(task, peer + "_filtered_means_first1000").dataView();
            assertClose(filtered, java.util.Arrays.copyOf(f.filteredMeans(), 1000 * d), 1e-7, peer + " filtered means");
        }
        assertTrue(f.steadyFrom() < 100, "steady state reached at t=" + f.steadyFrom());
    }

    @Test
    void d4MatchesTheRecordedPeerLogLikelihoods() throws IOException {
        String ds = "lds_d4_t100000";
        LinearGaussianStateSpaceModel m = model(ds);
        TimeSeries y = series(ds);
        SmoothedPosterior fast = KalmanSmoother.smooth(m, y);
        SmoothedPosterior full = KalmanSmoother.smooth(m, y, KalmanOptions.defaults().withoutSteadyState());
        JsonNode summary = new ObjectMapper().readTree(SharedPeers.root().resolve("results/summary.json").toFile());
        int checked = 0;
        for (JsonNode e : summary.path("entries")) {
            JsonNode ll = e.path("outputs").path("loglik");
            if (!("kalman_" + ds).equals(e.path("task").asText()) || !ll.isNumber()) continue;
            assertEquals(ll.asDouble(), fast.logLikelihood(), 1e-9 * Math.abs(ll.asDouble()), e.path("peer").asText());
            checked++;
        }
        assertTrue(checked >= 2, "peer log-likelihoods found: " + checked);
        assertClose(full.means(), fast.means(), 1e-10, "steady-state vs full smoothed means");
        assertClose(full.covariances(), fast.covariances(), 1e-12, "steady-state vs full smoothed covariances");
    }
}
