package io.ssm4j.benchmarks;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two benchmark datasets of the peer comparison, read from {@code <shared>/peers/data} (see
 * {@link SharedPeers}): {@code hmm_k10_t100000} (Gaussian HMM, K = 10, D = 5, T = 100000) and
 * {@code arhmm_k5_t20000} (AR(1) HMM, K = 5, D = 10, T = 20000), each with its true parameters and the
 * fixed EM initialisation in {@code init/}. When the shared folder is absent, {@link SimulatedDatasets}
 * supplies data of the same sizes instead, and {@link BenchmarkData#source()} says so.
 */
public final class PeerDatasets {
    /** The Gaussian HMM dataset's name. */
    public static final String HMM = "hmm_k10_t100000";
    /** The autoregressive HMM dataset's name. */
    public static final String ARHMM = "arhmm_k5_t20000";

    private PeerDatasets() {}

    /** The Gaussian HMM dataset, K = 10, D = 5, T = 100000. */
    public static BenchmarkData hmm() {
        return SharedPeers.dataset(HMM).map(dir -> {
            HmmSpec spec = HmmSpec.of(10, 5, EmissionType.GAUSSIAN);
            return new BenchmarkData(HMM, gaussian(spec, dir, ""), gaussian(spec, dir, "init/"), series(dir),
                    dir.toString());
        }).orElseGet(SimulatedDatasets::hmm);
    }

    /** The AR(1) HMM dataset, K = 5, D = 10, T = 20000. */
    public static BenchmarkData arhmm() {
        return SharedPeers.dataset(ARHMM).map(dir -> {
            HmmSpec spec = HmmSpec.of(5, 10, EmissionType.AUTOREGRESSIVE);
            return new BenchmarkData(ARHMM, autoregressive(spec, dir, ""), autoregressive(spec, dir, "init/"),
                    series(dir), dir.toString());
        }).orElseGet(SimulatedDatasets::arhmm);
    }

    private static HiddenMarkovModel gaussian(HmmSpec spec, Path dir, String prefix) {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("initial_probs", SharedPeers.array(dir, prefix + "pi0"));
        p.put("transition_matrix", SharedPeers.array(dir, prefix + "P"));
        p.put("means", SharedPeers.array(dir, prefix + "mus"));
        p.put("covariances", SharedPeers.array(dir, prefix + "Sigmas"));
        return HmmFactory.fromParameters(spec, p);
    }

    private static HiddenMarkovModel autoregressive(HmmSpec spec, Path dir, String prefix) {
        Map<String, NdArray> p = new LinkedHashMap<>();
        p.put("initial_probs", SharedPeers.array(dir, prefix + "pi0"));
        p.put("transition_matrix", SharedPeers.array(dir, prefix + "P"));
        p.put("weights", SharedPeers.array(dir, prefix + "As"));
        p.put("biases", SharedPeers.array(dir, prefix + "bs"));
        p.put("covariances", SharedPeers.array(dir, prefix + "Sigmas"));
        p.put("initial_means", SharedPeers.array(dir, prefix + "mu_init"));
        p.put("initial_covariances", SharedPeers.array(dir, prefix + "Sigma_init"));
        return HmmFactory.fromParameters(spec, p);
    }

    private static TimeSeries series(Path dir) {
        NdArray y = SharedPeers.array(dir, "y");
        return TimeSeries.of(y.dataView(), y.dim(0), y.dim(1));
    }

}
