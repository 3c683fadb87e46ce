package io.ssm4j.cli;

import io.ssm4j.cli.figures.FigureFiles;
import io.ssm4j.cli.figures.ObservationFigure;
import io.ssm4j.cli.figures.PosteriorFigure;
import io.ssm4j.cli.figures.TransitionMatrixFigure;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.messages.HmmPosterior;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.models.hmm.HiddenMarkovModel;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

/** {@code infer} for HMMs and ARHMMs: posterior state marginals ({@code expected_states_i}) and Viterbi paths ({@code viterbi_i}). */
final class HmmInferWork implements InferWork<HiddenMarkovInference.Decoding> {
    /** Trials that get posterior and state figures. */
    static final int FIGURE_TRIALS = 4;

    private final ModelFile.Loaded loaded;
    private final HiddenMarkovModel model;

    HmmInferWork(ModelFile.Loaded loaded) {
        this.loaded = loaded;
        this.model = loaded.model();
    }

    @Override
    public HiddenMarkovInference.Decoding infer(TimeSeries trial, ForkJoinPool pool) { return HiddenMarkovInference.decode(model, trial); }

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

    /** posterior_<i> and states_<i> for the first {@link #FIGURE_TRIALS} trials, and the transition matrix. */
    @Override
    public void writeFigures(Path folder, Trials trials, List<HiddenMarkovInference.Decoding> results, List<Path> dataFiles)
            throws IOException {
        String title = ModelTitle.of(loaded.spec(), dataFiles);
        int k = model.numStates();
        for (int i = 0; i < Math.min(FIGURE_TRIALS, trials.size()); i++) {
            HmmPosterior p = results.get(i).posterior();
            String trial = trials.size() > 1 ? ", trial " + i : "";
            FigureFiles.write(PosteriorFigure.chart(p.expectedStates(), p.length(), k, 1, "time step",
                    "Posterior state probabilities, " + title + trial), folder, "posterior_" + i);
            TimeSeries y = trials.get(i);
            FigureFiles.write(ObservationFigure.chart(y.toArrayWithNaN(), y.length(), y.dim(), results.get(i).viterbi().states(),
                    k, "Observations over the Viterbi states, " + title + trial), folder, "states_" + i);
        }
        NdArray p = model.parameters().get("transition_matrix");
        boolean baseline = model.parameters().containsKey("transition_weights");
        FigureFiles.write(TransitionMatrixFigure.chart(p.dataView(), k, "Transition matrix" + (baseline ? " (inputs = 0)" : "")
                + ", " + ModelTitle.of(loaded.spec())), folder, "transition_matrix");
    }
}
