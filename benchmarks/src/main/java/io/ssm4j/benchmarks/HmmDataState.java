package io.ssm4j.benchmarks;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH state: the Gaussian HMM dataset {@code hmm_k10_t100000} (K = 10, D = 5, T = 100000), loaded once per
 * fork from the shared peer data, or simulated at the same size when that is absent ({@link PeerDatasets}).
 */
@State(Scope.Benchmark)
public class HmmDataState {
    /** The true parameters. */
    public HiddenMarkovModel truth;
    /** The fixed EM starting point. */
    public HiddenMarkovModel init;
    /** The observations. */
    public TimeSeries y;
    /** The observations as a one-trial set, for the E-step. */
    public Trials trials;

    /** Reads (or simulates) the dataset. */
    @Setup(Level.Trial)
    public void load() {
        BenchmarkData data = PeerDatasets.hmm();
        truth = data.truth();
        init = data.init();
        y = data.y();
        trials = Trials.of(y);
        System.out.println("# data: " + data.name() + " from " + data.source());
    }
}
