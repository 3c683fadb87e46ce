package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.fit.GibbsProgress;
import io.ssm4j.inference.lds.LdsEmOptions;
import io.ssm4j.inference.lds.LdsExpectationMaximization;
import io.ssm4j.inference.lds.LdsGibbsOptions;
import io.ssm4j.inference.lds.LdsGibbsSampler;
import io.ssm4j.inference.lds.LdsInitializer;
import io.ssm4j.inference.lds.LdsParameter;
import io.ssm4j.inference.lds.LdsPrior;
import io.ssm4j.math.Rng;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code fit --model lds}: EM for a Gaussian linear dynamical system from a PCA initialisation (or from
 * {@code --init PARAMS.npz}), maximum likelihood or MAP under weak conjugate priors, or blocked Gibbs sampling
 * ({@code --method gibbs}, {@link LdsGibbsSampler}, under the weak priors of {@link LdsGibbsOptions#weak}), writing a
 * model.json of type "lds".
 */
final class LdsFitWork implements FitWork<LinearGaussianStateSpaceModel> {
    private final Integer latentDim;
    private final Path init;
    private final LdsEmOptions options;
    private final boolean conjugatePrior;
    private final Rng rng;
    private EmProgress<LinearGaussianStateSpaceModel> emResume;
    private Consumer<EmProgress<LinearGaussianStateSpaceModel>> emCheckpoint = progress -> { };
    private GibbsProgress<LinearGaussianStateSpaceModel> gibbsResume;
    private Consumer<GibbsProgress<LinearGaussianStateSpaceModel>> gibbsCheckpoint = progress -> { };

    /**
     * @param conjugatePrior whether to fit MAP under {@link LdsPrior#weak} (sized from the starting model)
     * @param gibbs          the Gibbs sampler's stream, or null to fit by EM
     */
    LdsFitWork(Integer latentDim, Path init, LdsEmOptions options, boolean conjugatePrior, Rng gibbs) {
        if (latentDim == null && init == null) throw new IllegalArgumentException("--latent-dim D is required (or --init PARAMS.npz)");
        this.latentDim = latentDim;
        this.init = init;
        this.options = options;
        this.conjugatePrior = conjugatePrior;
        this.rng = gibbs;
    }

    private boolean gibbs() { return rng != null; }

    @Override
    public String label() { return gibbs() ? "Gibbs" : "EM"; }

    @Override
    public long plannedIterations(int iterations) { return iterations; }

    @Override
    public double tolerance(double requested) { return gibbs() ? 0 : requested; }

    @Override
    public void checkpointing(FitCheckpoints checkpoints, FitCheckpoints.Saved saved) throws IOException {
        if (gibbs()) {
            var codec = CheckpointCodecs.gibbs(CheckpointCodecs.lds());
            gibbsResume = FitCheckpoints.resumed(saved, codec);
            gibbsCheckpoint = checkpoints.sink(codec, GibbsProgress::sweeps);
        } else {
            var codec = CheckpointCodecs.em(CheckpointCodecs.lds());
            emResume = FitCheckpoints.resumed(saved, codec);
            emCheckpoint = checkpoints.sink(codec, EmProgress::iterations);
        }
    }

    @Override
    public FitResult<LinearGaussianStateSpaceModel> fit(Trials trials, FitOptions fitOptions) throws IOException {
        LinearGaussianStateSpaceModel start = emResume != null ? emResume.model() : gibbsResume != null ? gibbsResume.model()
                : init == null ? LdsInitializer.pca(trials, latentDim) : loadInit();
        if (gibbs()) {
            LdsGibbsOptions g = LdsGibbsOptions.weak(start.latentDim(), start.obsDim()).withFixed(options.fixed())
                    .withDiagonalR(options.diagonalR());
            GibbsProgress<LinearGaussianStateSpaceModel> from = gibbsResume != null ? gibbsResume : GibbsProgress.start(start, rng);
            return LdsGibbsSampler.run(from, trials, g, fitOptions, sweep -> { }, gibbsCheckpoint);
        }
        LdsEmOptions em = conjugatePrior ? options.withPrior(LdsPrior.weak(start.latentDim(), start.obsDim())) : options;
        return LdsExpectationMaximization.fit(emResume != null ? emResume : EmProgress.start(start), trials, fitOptions, em,
                emCheckpoint);
    }

    private LinearGaussianStateSpaceModel loadInit() throws IOException {
        return LatentInitFile.load(init, latentDim, LinearGaussianStateSpaceModel::fromParameters,
                LinearGaussianStateSpaceModel::latentDim);
    }

    @Override
    public void writeModel(Path file, LinearGaussianStateSpaceModel model, ObjectNode provenance) throws IOException {
        ObjectNode fit = ModelFile.JSON.createObjectNode();
        fit.put("method", gibbs() ? "gibbs" : "em");
        fit.put("prior", conjugatePrior ? "conjugate" : "none");
        fit.put("diagonal_noise", options.diagonalR());
        ArrayNode fixed = fit.putArray("fixed");
        for (LdsParameter p : options.fixed()) fixed.add(p.name());
        LdsModelFile.write(file, model, fit, provenance);
    }

    /** The {@link LdsFigures} of the fitted model's posterior on the first trials. */
    @Override
    public void writeFigures(Path folder, Trials trials, LinearGaussianStateSpaceModel model, java.util.List<Path> dataFiles) throws IOException {
        new LdsInferWork(model).inferAndWriteFigures(folder, trials, LdsFigures.FIGURE_TRIALS, dataFiles);
    }

    @Override
    public String iterationAxis() { return gibbs() ? "Gibbs sweep" : "EM iteration"; }

    @Override
    public String objectiveAxis() {
        return gibbs() ? "log joint log p(y, x, θ)" : conjugatePrior ? "log p(y | θ) + log p(θ)" : "log p(y | θ)";
    }

    @Override
    public String title() { return "Gaussian LDS" + (latentDim == null ? "" : ", D=" + latentDim); }

    @Override
    public String describe(LinearGaussianStateSpaceModel model) {
        return String.format("LDS (D=%d, gaussian emissions, %s R)", model.latentDim(), options.diagonalR() ? "diagonal" : "full");
    }
}
