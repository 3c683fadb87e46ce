package io.ssm4j.benchmarks;

import io.ssm4j.data.Trials;
import io.ssm4j.inference.TrialExecutor;
import io.ssm4j.inference.em.HmmEStep;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One EM iteration from the peers' fixed initialisation, one thread: the E-step (emission log-likelihoods,
 * forward-backward, expected sufficient statistics) followed by the M-step. Fifty of these are the
 * {@code bench} tasks {@code hmm_em_50} ({@code hmm_k10_t100000}: Gaussian HMM, K = 10, D = 5, T = 100000) and
 * {@code arhmm_em_50} ({@code arhmm_k5_t20000}: AR(1) HMM, K = 5, D = 10, T = 20000).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Threads(1)
public class EmIterationBenchmark {
    /** E-step and M-step of the Gaussian HMM, starting from {@code init/}. */
    @Benchmark
    public HiddenMarkovModel hmmIteration(HmmDataState s) {
        return iterate(s.init, s.trials);
    }

    /** E-step and M-step of the AR(1) HMM, starting from {@code init/}. */
    @Benchmark
    public HiddenMarkovModel arhmmIteration(ArhmmDataState s) {
        return iterate(s.init, s.trials);
    }

    private static HiddenMarkovModel iterate(HiddenMarkovModel model, Trials trials) {
        try (TrialExecutor one = new TrialExecutor(1)) {
            return HmmEStep.maximize(model, HmmEStep.of(model, trials, one));
        }
    }
}
