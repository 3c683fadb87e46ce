package io.ssm4j.cli;

import io.ssm4j.inference.em.FitterState;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.GibbsProgress;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.NdArray;
import io.ssm4j.data.Trials;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.inference.em.HmmExpectationMaximization;
import io.ssm4j.inference.em.HmmFitter;
import io.ssm4j.inference.em.HmmInitializer;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.gibbs.HmmGibbsSampler;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code fit} for HMMs and ARHMMs: EM from k-means with restarts (or from {@code --init}), or Gibbs sampling.
 */
final class HmmFitWork implements FitWork<HiddenMarkovModel> {
    private final HmmSpec spec;
    private final boolean gibbs;
    private final Path init;
    private final int restarts;
    private final Rng rng;
    private FitterState resume;
    private Consumer<FitterState> checkpoint = state -> { };
    private GibbsProgress<HiddenMarkovModel> gibbsResume;
    private Consumer<GibbsProgress<HiddenMarkovModel>> gibbsCheckpoint = progress -> { };

    HmmFitWork(HmmSpec spec, boolean gibbs, Path init, int restarts, Rng rng) {
        this.spec = spec;
        this.gibbs = gibbs;
        this.init = init;
        this.restarts = restarts;
        this.rng = rng;
    }

    /** The number of states: {@code --states}, else the rows of the init file's transition matrix. */
    static int states(Integer states, Path init) throws IOException {
        if (states != null) return states;
        if (init == null) throw new IllegalArgumentException("--states K is required (or --init PARAMS.npz)");
        NdArray p = Npz.read(init).get("transition_matrix");
        if (p == null) throw new IllegalArgumentException(init + ": parameter 'transition_matrix' is missing");
        return p.dim(0);
    }

    @Override
    public void checkpointing(FitCheckpoints checkpoints, FitCheckpoints.Saved saved) throws IOException {
        if (gibbs) {
            var codec = CheckpointCodecs.gibbs(CheckpointCodecs.hmm(spec));
            gibbsResume = FitCheckpoints.resumed(saved, codec);
            gibbsCheckpoint = checkpoints.sink(codec, GibbsProgress::sweeps);
        } else {
            var codec = CheckpointCodecs.restarts(spec);
            resume = FitCheckpoints.resumed(saved, codec);
            checkpoint = checkpoints.sink(codec, state -> state.current().iterations());
        }
    }

    @Override
    public String label() { return gibbs ? "Gibbs" : "EM"; }

    @Override
    public long plannedIterations(int iterations) { return (long) iterations * (init != null || gibbs ? 1 : restarts); }

    @Override
    public double tolerance(double requested) { return gibbs ? 0 : requested; }

    @Override
    public FitResult<HiddenMarkovModel> fit(Trials trials, FitOptions options) throws IOException {
        HiddenMarkovModel start = init == null ? null : loadInit();
        if (gibbs) {
            GibbsProgress<HiddenMarkovModel> from = gibbsResume != null ? gibbsResume
                    : GibbsProgress.start(start != null ? start : HmmInitializer.kMeans(spec, trials, rng.split()), rng);
            return HmmGibbsSampler.run(from, trials, options, sweep -> { }, gibbsCheckpoint);
        }
        if (start != null) {
            EmProgress<HiddenMarkovModel> from = resume != null ? resume.current() : EmProgress.start(start);
            return HmmExpectationMaximization.fit(from, trials, options, p -> checkpoint.accept(new FitterState(0, p, null)));
        }
        return HmmFitter.fit(spec, trials, options, restarts, rng, resume, checkpoint);
    }

    private HiddenMarkovModel loadInit() throws IOException {
        Map<String, NdArray> params = Npz.read(init);
        try {
            return HmmFactory.fromParameters(spec, params);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(init + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public void writeModel(Path file, HiddenMarkovModel model, ObjectNode provenance) throws IOException {
        ModelFile.write(file, spec, model, provenance);
    }

    @Override
    public String iterationAxis() { return gibbs ? "Gibbs sweep" : "EM iteration"; }

    @Override
    public String objectiveAxis() {
        return gibbs ? "log joint log p(y, z, θ)" : spec.conjugatePrior() ? "log p(y | θ) + log p(θ)" : "log p(y | θ)";
    }

    @Override
    public String title() { return ModelTitle.of(spec); }

    @Override
    public String describe(HiddenMarkovModel model) {
        return String.format("%s (K=%d, %s emissions)", spec.emissions().isAutoregressive() ? "ARHMM" : "HMM", spec.numStates(),
                spec.emissions().cliName());
    }
}
