package io.ssm4j.tests;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.lds.LdsEmOptions;
import io.ssm4j.inference.lds.LdsExpectationMaximization;
import io.ssm4j.inference.lds.LdsParameter;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LDS EM against the peers' recorded traces on lds_d4_t100000 from its fixed initialisation (init/): pykalman's
 * textbook EM (A, C, Q, full R, m0, P0; no offsets) on the first 10000 steps and statsmodels' exact EM (A, Q, C,
 * diagonal R; m0, P0 set to the smoothed x_1 each iteration, which is the EM update for one trial) on all 100000.
 * Both log-likelihoods at theta_0 and theta_20 come from RESULTS.md / summary.json.
 */
class LdsEmPeerAgreementTest {
    private static final String DATA = "lds_d4_t100000";

    private static LinearGaussianStateSpaceModel init() throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>();
        for (String k : new String[] {"A", "Q", "C", "R", "m0", "P0"}) p.put(k, SharedPeers.data(DATA, "init/" + k));
        return LinearGaussianStateSpaceModel.fromParameters(p);
    }

    private static TimeSeries y() throws IOException {
        NdArray y = SharedPeers.data(DATA, "y");
        return TimeSeries.of(y.dataView(), y.dim(0), y.dim(1));
    }

    private static FitResult<LinearGaussianStateSpaceModel> fit(TimeSeries y, boolean diagonalR) throws IOException {
        LdsEmOptions em = LdsEmOptions.defaults().withFixed(EnumSet.of(LdsParameter.b, LdsParameter.d)).withDiagonalR(diagonalR);
        return LdsExpectationMaximization.fit(init(), Trials.of(y), new FitOptions(20, 0, 1, null), em);
    }

    private static void assertMonotone(double[] trace) {
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1] - 1e-9 * Math.abs(trace[i - 1]), "objective fell at iteration " + i);
        }
    }

    @Test
    void pykalmanFullRFirst10000Steps() throws IOException {
        FitResult<LinearGaussianStateSpaceModel> r = fit(y().slice(0, 10000), false);
        double[] trace = r.objective();
        System.out.printf("pykalman trace: start %.6f (peer -117601.42345111122), final %.6f (peer -79723.37495488259), rel diff %.3e%n",
                trace[0], trace[20], Math.abs(trace[20] / -79723.37495488259 - 1));
        assertEquals(21, trace.length);
        assertEquals(-117601.42345111122, trace[0], 1e-9 * 117601.4);
        assertEquals(-79723.37495488259, trace[20], 1e-8 * 79723.4);
        assertMonotone(trace);
    }

    @Test
    void statsmodelsDiagonalRFullSeries() throws IOException {
        FitResult<LinearGaussianStateSpaceModel> r = fit(y(), true);
        double[] trace = r.objective();
        System.out.printf("statsmodels trace: start %.6f (peer -1174513.0724979872), final %.6f (peer -792530.9334216348), rel diff %.3e%n",
                trace[0], trace[20], Math.abs(trace[20] / -792530.9334216348 - 1));
        assertEquals(-1174513.0724979872, trace[0], 1e-9 * 1174513.1);
        assertEquals(-792530.9334216348, trace[20], 1e-8 * 792530.9);
        assertMonotone(trace);
    }
}
