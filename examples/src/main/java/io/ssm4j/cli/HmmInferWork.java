package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.util.Arrays;
import java.util.Map;

/** {@code infer} for HMMs and ARHMMs: posterior state marginals ({@code expected_states_i}) and Viterbi paths ({@code viterbi_i}). */
final class HmmInferWork implements InferWork<HiddenMarkovInference.Decoding> {
    private final HiddenMarkovModel model;

    HmmInferWork(HiddenMarkovModel model) { this.model = model; }

    @Override
    public HiddenMarkovInference.Decoding infer(TimeSeries trial) { return HiddenMarkovInference.decode(model, trial); }

    @Override
    public double logLikelihood(HiddenMarkovInference.Decoding r) { return r.posterior().logLikelihood(); }

    @Override
    public void addArrays(int i, HiddenMarkovInference.Decoding r, Map<String, NdArray> arrays) {
        arrays.put("expected_states_" + i, NdArray.of(r.posterior().expectedStates(), r.posterior().length(), r.posterior().numStates()));
        int[] z = r.viterbi().states();
        arrays.put("viterbi_" + i, NdArray.of(NdArray.DType.INT64, Arrays.stream(z).asDoubleStream().toArray(), z.length));
    }

    @Override
    public String timed() {
        return "forward-backward posterior marginals + Viterbi path for every trial, emission log-likelihoods included; "
                + "no file I/O, no JVM start";
    }
}
