package io.ssm4j.benchmarks;

import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.messages.HmmPosterior;
import io.ssm4j.inference.messages.ViterbiPath;
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
 * Exact inference in the Gaussian HMM of {@code hmm_k10_t100000} (K = 10, D = 5, T = 100000) under its true
 * parameters, one thread: the emission log-likelihoods plus forward-backward (the peers' "posteriors"), the
 * emission log-likelihoods plus Viterbi (their "Viterbi"), and both in sequence (the {@code bench} task
 * {@code hmm_fb_viterbi}). Each call evaluates the emission log-likelihoods itself, as the peers' calls do.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
@Threads(1)
public class ForwardBackwardBenchmark {
    /** log p(y_t | z_t) and forward-backward: state marginals, expected transitions, log p(y). */
    @Benchmark
    public HmmPosterior posterior(HmmDataState s) {
        return HiddenMarkovInference.posterior(s.truth, s.y);
    }

    /** log p(y_t | z_t) and the Viterbi path. */
    @Benchmark
    public ViterbiPath viterbi(HmmDataState s) {
        return HiddenMarkovInference.viterbi(s.truth, s.y);
    }

    /** Posterior and Viterbi path from one evaluation of the emissions (what {@code ssm4j infer} runs). */
    @Benchmark
    public HiddenMarkovInference.Decoding posteriorAndViterbi(HmmDataState s) {
        return HiddenMarkovInference.decode(s.truth, s.y);
    }
}
