package io.ssm4j.benchmarks;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.em.HmmExpectationMaximization;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.lds.LdsEmOptions;
import io.ssm4j.inference.lds.LdsExpectationMaximization;
import io.ssm4j.inference.lds.LdsParameter;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The tasks {@code bench} times, each matched with the peer entries of {@code summary.json} that do the same
 * work on the same data:
 * <ul>
 *   <li>{@code hmm_fb_viterbi}: posterior (emission log-likelihoods + forward-backward) and Viterbi path of
 *       the K = 10, T = 100000 Gaussian HMM under its true parameters, by {@code HiddenMarkovInference.decode}
 *       (the emissions evaluated once for both, as {@code ssm4j infer} does); peer time = fastest "posteriors" median
 *       + fastest "Viterbi" median of task {@code hmm_fb_viterbi_hmm_k10_t100000}.</li>
 *   <li>{@code hmm_em_50}: 50 EM iterations of that HMM from {@code init/}; fastest entry of
 *       {@code hmm_em_hmm_k10_t100000}.</li>
 *   <li>{@code arhmm_em_50}: 50 EM iterations of the K = 5, D = 10, T = 20000 AR(1) HMM from {@code init/};
 *       fastest entry of {@code arhmm_em_arhmm_k5_t20000}.</li>
 *   <li>{@code lds_em_20}: 20 EM iterations of the D = 4, N = 8, T = 100000 LDS from {@code init/}, learning A, Q,
 *       C, diagonal R, m0, P0 (no offsets), the algorithm statsmodels runs; statsmodels' entry of
 *       {@code lds_em_lds_d4_t100000} (its final log-likelihood -792530.933 is the key output to compare). The
 *       E-step uses the steady-state filter and smoother (time-invariant model, no missing data).</li>
 * </ul>
 * plus the Kalman filter and smoother against Hipparchus run live in this JVM ({@link KalmanPeerTasks}).
 * All run on one thread. ssm4j's EM also scores the final parameters (one extra E-step, 51 in all), which
 * the times include.
 */
public final class BenchTasks {
    /** Iterations of the EM tasks, as in the peer harness. */
    public static final int EM_ITERATIONS = 50;
    /** Iterations of the LDS EM task, as in the peer harness. */
    public static final int LDS_EM_ITERATIONS = 20;

    private BenchTasks() {}

    /** Every task, in table order. */
    public static List<BenchTask<?>> all() {
        List<BenchTask<?>> tasks = new java.util.ArrayList<>(List.of(
                new BenchTask<>("hmm_fb_viterbi", "HMM K=10 D=5 T=1e5, true params: forward-backward + Viterbi",
                        "log p(y)", PeerDatasets::hmm, BenchTasks::posteriorAndViterbi, 3, 7,
                        s -> fbPeer(s)),
                new BenchTask<>("hmm_em_50", "HMM K=10 D=5 T=1e5: EM, 50 iterations from init/",
                        "final log p(y)", PeerDatasets::hmm, BenchTasks::em, 1, 3,
                        s -> s.fastest("hmm_em_hmm_k10_t100000", "")),
                new BenchTask<>("arhmm_em_50", "ARHMM K=5 D=10 T=2e4: EM, 50 iterations from init/",
                        "final log p(y)", PeerDatasets::arhmm, BenchTasks::em, 1, 3,
                        s -> s.fastest("arhmm_em_arhmm_k5_t20000", "")),
                new BenchTask<>("lds_em_20", "LDS D=4 N=8 T=1e5: EM, 20 iterations from init/ (diagonal R)",
                        "final log p(y)", LdsBenchmarkData::load, BenchTasks::ldsEm, 1, 3,
                        s -> s.fastest("lds_em_lds_d4_t100000", "EM, 20 iterations"))));
        tasks.addAll(KalmanPeerTasks.all());
        return List.copyOf(tasks);
    }

    private static Optional<PeerTime> fbPeer(PeerSummary s) {
        String task = "hmm_fb_viterbi_hmm_k10_t100000";
        Optional<PeerTime> post = s.fastest(task, "posteriors");
        Optional<PeerTime> vit = s.fastest(task, "viterbi");
        return post.isPresent() && vit.isPresent() ? Optional.of(post.get().plus(vit.get())) : Optional.empty();
    }

    private static DoubleSupplier posteriorAndViterbi(BenchmarkData d) {
        HiddenMarkovModel m = d.truth();
        return () -> { // what ssm4j infer runs: both results from one evaluation of the emissions
            HiddenMarkovInference.Decoding both = HiddenMarkovInference.decode(m, d.y());
            if (both.viterbi().states().length != d.y().length()) throw new IllegalStateException("Viterbi path has the wrong length");
            return both.posterior().logLikelihood();
        };
    }

    private static DoubleSupplier ldsEm(LdsBenchmarkData d) {
        Trials trials = Trials.of(d.y());
        FitOptions oneThread = new FitOptions(LDS_EM_ITERATIONS, 0, 1, null);
        LdsEmOptions em = LdsEmOptions.defaults().withDiagonalR(true).withFixed(EnumSet.of(LdsParameter.b, LdsParameter.d));
        return () -> LdsExpectationMaximization.fit(d.init(), trials, oneThread, em).finalObjective();
    }

    private static DoubleSupplier em(BenchmarkData d) {
        Trials trials = Trials.of(d.y());
        FitOptions oneThread = new FitOptions(EM_ITERATIONS, 0, 1, null);
        return () -> {
            FitResult<HiddenMarkovModel> fit = HmmExpectationMaximization.fit(d.init(), trials, oneThread);
            double[] trace = fit.objective();
            return trace[trace.length - 1];
        };
    }
}
