package io.ssm4j.tests;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.em.HmmExpectationMaximization;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.messages.HmmPosterior;
import io.ssm4j.inference.messages.ViterbiPath;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Agreement with the Python peers (hmmlearn, ssm) on the shared datasets: posteriors and Viterbi under the
 * true parameters, and EM log-likelihood traces from the shared initialisations.
 */
class HmmPeerAgreementTest {
    private static HiddenMarkovModel gaussianHmm(String dir) throws IOException {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("initial_probs", SharedPeers.data("hmm_k10_t100000", dir + "pi0"));
        p.put("transition_matrix", SharedPeers.data("hmm_k10_t100000", dir + "P"));
        p.put("means", SharedPeers.data("hmm_k10_t100000", dir + "mus"));
        p.put("covariances", SharedPeers.data("hmm_k10_t100000", dir + "Sigmas"));
        return HmmFactory.fromParameters(HmmSpec.of(10, 5, EmissionType.GAUSSIAN), p);
    }

    private static TimeSeries series(String dataset) throws IOException {
        NdArray y = SharedPeers.data(dataset, "y");
        return TimeSeries.of(y.dataView(), y.dim(0), y.dim(1));
    }

    @Test
    void posteriorAndViterbiMatchHmmlearnUnderTrueParameters() throws IOException {
        HiddenMarkovModel m = gaussianHmm("");
        TimeSeries y = series("hmm_k10_t100000");
        String task = "hmm_fb_viterbi_hmm_k10_t100000";
        HmmPosterior post = HiddenMarkovInference.posterior(m, y);
        double ref = SharedPeers.result(task, "hmmlearn_loglik").dataView()[0];
        assertEquals(ref, post.logLikelihood(), 1e-8 * Math.abs(ref));
        double[] marg = SharedPeers.result(task, "hmmlearn_posteriors_first1000").dataView();
        for (int i = 0; i < marg.length; i++) assertEquals(marg[i], post.expectedStates()[i], 1e-6, "marginal " + i);
        double[] occupancy = SharedPeers.result(task, "hmmlearn_state_occupancy").dataView();
        for (int k = 0; k < 10; k++) {
            double s = 0;
            for (int t = 0; t < y.length(); t++) s += post.expectedStates()[t * 10 + k];
            assertEquals(occupancy[k], s, 1e-5, "occupancy of state " + k);
        }
        ViterbiPath path = HiddenMarkovInference.viterbi(m, y);
        double[] refPath = SharedPeers.result(task, "hmmlearn_viterbi_path").dataView();
        int[] expected = new int[refPath.length];
        for (int t = 0; t < expected.length; t++) expected[t] = (int) refPath[t];
        assertArrayEquals(expected, path.states());
        double refJoint = SharedPeers.result(task, "hmmlearn_viterbi_log_joint").dataView()[0];
        assertEquals(refJoint, path.logJoint(), 1e-8 * Math.abs(refJoint));
    }

    private static void assertTraceMatches(double[] ref, double[] ours, double relTol) {
        assertEquals(ref.length, ours.length, "trace length");
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], ours[i], relTol * Math.abs(ref[i]), "log-likelihood after " + i + " EM iterations");
        }
    }

    @Test
    void emFollowsTheSsmTraceFromTheSharedInitialisation() throws IOException {
        HiddenMarkovModel init = gaussianHmm("init/");
        FitResult<HiddenMarkovModel> fit = HmmExpectationMaximization.fit(init,
                Trials.of(series("hmm_k10_t100000")), new FitOptions(50, 0, 1, null));
        assertTraceMatches(SharedPeers.result("hmm_em_hmm_k10_t100000", "ssm_ll_trace").dataView(), fit.objective(), 1e-6);
        double[] mus = SharedPeers.result("hmm_em_hmm_k10_t100000", "hmmlearn_final_mus").dataView();
        double[] ours = fit.model().emissions().parameters().get("means").dataView();
        for (int i = 0; i < mus.length; i++) assertEquals(mus[i], ours[i], 1e-6, "final mean " + i);
    }

    @Test
    void arhmmEmFollowsTheSsmMaximumLikelihoodTrace() throws IOException {
        String d = "arhmm_k5_t20000";
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("initial_probs", SharedPeers.data(d, "init/pi0"));
        p.put("transition_matrix", SharedPeers.data(d, "init/P"));
        p.put("weights", SharedPeers.data(d, "init/As"));
        p.put("biases", SharedPeers.data(d, "init/bs"));
        p.put("covariances", SharedPeers.data(d, "init/Sigmas"));
        p.put("initial_means", SharedPeers.data(d, "init/mu_init"));
        p.put("initial_covariances", SharedPeers.data(d, "init/Sigma_init"));
        HiddenMarkovModel init = HmmFactory.fromParameters(HmmSpec.of(5, 10, EmissionType.AUTOREGRESSIVE), p);
        FitResult<HiddenMarkovModel> fit = HmmExpectationMaximization.fit(init, Trials.of(series(d)),
                new FitOptions(50, 0, 1, null));
        assertTraceMatches(SharedPeers.result("arhmm_em_arhmm_k5_t20000", "ssm_ml_ll_trace").dataView(), fit.objective(),
                1e-6);
        double[] as = SharedPeers.result("arhmm_em_arhmm_k5_t20000", "ssm_ml_final_As").dataView();
        double[] ours = fit.model().emissions().parameters().get("weights").dataView();
        for (int i = 0; i < as.length; i++) assertEquals(as[i], ours[i], 1e-5, "final A entry " + i);
    }
}
