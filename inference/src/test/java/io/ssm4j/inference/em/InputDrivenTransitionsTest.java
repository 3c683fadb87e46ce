package io.ssm4j.inference.em;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import io.ssm4j.models.hmm.InputDrivenTransitions;
import io.ssm4j.models.hmm.TransitionType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EM for an HMM whose transitions follow a softmax GLM of the inputs recovers the input weights. */
class InputDrivenTransitionsTest {
    @Test
    void inputWeightsAreRecoveredAndEmIsMonotone() {
        int k = 2, d = 2, m = 1, n = 20000;
        Rng rng = Rng.seeded(21);
        double[] u = new double[n];
        for (int t = 0; t < n; t++) u[t] = rng.gaussian();
        double[] w = {1.5, -1.5};
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("transition_matrix", NdArray.of(new double[] {0.9, 0.1, 0.1, 0.9}, k, k));
        p.put("transition_weights", NdArray.of(w, k, m));
        p.put("means", NdArray.of(new double[] {-2, -2, 2, 2}, k, d));
        p.put("covariances", NdArray.of(new double[] {1, 0, 0, 1, 1, 0, 0, 1}, k, d, d));
        HmmSpec spec = new HmmSpec(k, d, EmissionType.GAUSSIAN, TransitionType.INPUT_DRIVEN, 0, m, 0, false, 0);
        assertEquals(spec, HmmFactory.specFromParameters(false, null, p));
        HiddenMarkovModel truth = HmmFactory.fromParameters(spec, p);
        TimeSeries y = truth.sample(n, u, m, rng).observations();

        Map<String, NdArray> start = new LinkedHashMap<>(p);
        start.put("transition_matrix", NdArray.of(new double[] {0.5, 0.5, 0.5, 0.5}, k, k));
        start.put("transition_weights", NdArray.of(new double[] {0, 0}, k, m));
        FitResult<HiddenMarkovModel> fit = HmmExpectationMaximization.fit(HmmFactory.fromParameters(spec, start),
                Trials.of(y), new FitOptions(50, 1e-10, 1, null));
        for (int i = 1; i < fit.objective().length; i++) {
            assertTrue(fit.objective()[i] >= fit.objective()[i - 1] - 1e-8 * Math.abs(fit.objective()[i - 1]),
                    "objective decreased at iteration " + i);
        }
        double[] fw = ((InputDrivenTransitions) fit.model().transitions()).weights();
        // weights are identified up to a common shift across states: compare the difference
        assertEquals(w[0] - w[1], fw[0] - fw[1], 0.2);
        double[] fp = fit.model().transitions().matrix();
        assertEquals(0.9, fp[0], 0.02);
        assertEquals(0.9, fp[3], 0.02);
    }
}
