package io.ssm4j.benchmarks;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.hmm.HiddenMarkovModel;

/**
 * One benchmark dataset: the observations, the parameters that generated them and the fixed EM starting
 * point.
 *
 * @param name   the peers' dataset name, e.g. {@code hmm_k10_t100000}
 * @param truth  the true parameters (forward-backward and Viterbi run with these)
 * @param init   the EM initialisation (the peers' {@code init/} folder)
 * @param y      the observations, T x D
 * @param source where the data came from: the shared folder's path, or a note that it was simulated
 */
public record BenchmarkData(String name, HiddenMarkovModel truth, HiddenMarkovModel init, TimeSeries y,
                            String source) implements BenchData {
    /** True when the shared peer data was absent and the data were simulated instead. */
    public boolean simulated() { return source.startsWith(SimulatedDatasets.SOURCE_PREFIX); }
}
