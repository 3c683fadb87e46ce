package io.ssm4j.benchmarks;

import io.ssm4j.data.TimeSeries;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH state: an LDS dataset of the peer comparison, {@code lds_d4_t100000} (D = 4, N = 8, T = 100000) or
 * {@code lds_d10_t10000} (D = 10, T = 10000), with its true parameters ({@link LdsTruthData}: shared peer data,
 * or simulated data of the same size; the printed source says which).
 */
@State(Scope.Benchmark)
public class LdsDataState {
    /** The dataset's name. */
    @Param({"lds_d4_t100000", "lds_d10_t10000"})
    public String dataset;
    /** The true parameters. */
    public LinearGaussianStateSpaceModel model;
    /** The observations. */
    public TimeSeries y;

    /** Reads (or simulates) the dataset. */
    @Setup(Level.Trial)
    public void load() {
        LdsTruthData data = LdsTruthData.load(dataset);
        model = data.model();
        y = data.y();
        System.out.println("# data: " + dataset + " from " + data.source());
    }
}
