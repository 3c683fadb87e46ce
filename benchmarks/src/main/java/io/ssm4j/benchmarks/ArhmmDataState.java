package io.ssm4j.benchmarks;

import io.ssm4j.data.Trials;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH state: the AR(1) HMM dataset {@code arhmm_k5_t20000} (K = 5, D = 10, T = 20000), loaded once per fork
 * from the shared peer data, or simulated at the same size when that is absent ({@link PeerDatasets}).
 */
@State(Scope.Benchmark)
public class ArhmmDataState {
    /** The fixed EM starting point. */
    public HiddenMarkovModel init;
    /** The observations as a one-trial set. */
    public Trials trials;

    /** Reads (or simulates) the dataset. */
    @Setup(Level.Trial)
    public void load() {
        BenchmarkData data = PeerDatasets.arhmm();
        init = data.init();
        trials = Trials.of(data.y());
        System.out.println("# data: " + data.name() + " from " + data.source());
    }
}
