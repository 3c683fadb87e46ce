package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.EmProgress;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.laplace.LaplaceEmState;
import io.ssm4j.inference.laplace.PoissonLdsFitter;
import io.ssm4j.inference.laplace.PoissonLdsSpec;
import io.ssm4j.models.lds.GeneralizedLinearDynamicalSystem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code fit --model plds} or {@code fit --model lds --emissions poisson|bernoulli}: Laplace-EM for the LDS with
 * Poisson (exp or softplus link) or Bernoulli (logistic) emissions ({@link PoissonLdsFitter}), from its PCA start or
 * from {@code --init PARAMS.npz}, writing a model.json of type "lds" that records the emissions and the link. The
 * objective is the Laplace approximation of log p(y | θ), which Laplace-EM need not raise at every step.
 */
final class GlmLdsFitWork implements FitWork<GeneralizedLinearDynamicalSystem> {
    private final LdsEmissions emissions;
    private final Integer latentDim;
    private final Path init;
    private EmProgress<LaplaceEmState> resume;
    private Consumer<EmProgress<LaplaceEmState>> checkpoint = progress -> { };

    GlmLdsFitWork(LdsEmissions emissions, Integer latentDim, Path init) {
        if (emissions.family() == null) throw new IllegalArgumentException("Laplace-EM needs poisson or bernoulli emissions, got " + emissions.emissions());
        if (latentDim == null && init == null) throw new IllegalArgumentException("--latent-dim D is required (or --init PARAMS.npz)");
        if (latentDim != null && latentDim < 1) throw new IllegalArgumentException("--latent-dim must be >= 1, got " + latentDim);
        this.emissions = emissions;
        this.latentDim = latentDim;
        this.init = init;
    }

    @Override
    public String label() { return "Laplace-EM"; }

    @Override
    public long plannedIterations(int iterations) { return iterations; }

    @Override
    public double tolerance(double requested) { return requested; }

    @Override
    public void checkpointing(FitCheckpoints checkpoints, FitCheckpoints.Saved saved) throws IOException {
        var codec = CheckpointCodecs.em(CheckpointCodecs.laplaceEm());
        resume = FitCheckpoints.resumed(saved, codec);
        checkpoint = checkpoints.sink(codec, EmProgress::iterations);
    }

    /** Laplace-EM from the PCA start or --init; both are deterministic, so --seed plays no part. */
    @Override
    public FitResult<GeneralizedLinearDynamicalSystem> fit(Trials trials, FitOptions options) throws IOException {
        if (resume != null) return PoissonLdsFitter.fit(resume, trials, options, checkpoint);
        PoissonLdsSpec spec;
        if (init == null) {
            spec = PoissonLdsSpec.of(latentDim, emissions.family());
        } else {
            GeneralizedLinearDynamicalSystem start = loadInit();
            spec = PoissonLdsSpec.of(start.latentDim(), emissions.family()).startingFrom(start);
        }
        return PoissonLdsFitter.fit(EmProgress.start(PoissonLdsFitter.start(spec, trials)), trials, options, checkpoint);
    }

    private GeneralizedLinearDynamicalSystem loadInit() throws IOException {
        return LatentInitFile.load(init, latentDim, p -> GeneralizedLinearDynamicalSystem.fromParameters(emissions.family(), p),
                GeneralizedLinearDynamicalSystem::latentDim);
    }

    @Override
    public void writeModel(Path file, GeneralizedLinearDynamicalSystem model, ObjectNode provenance) throws IOException {
        LdsModelFile.write(file, model, ModelFile.JSON.createObjectNode().put("method", "laplace-em"), provenance);
    }

    /** The {@link LdsFigures} of the fitted model's posterior on the first trials. */
    @Override
    public void writeFigures(Path folder, Trials trials, GeneralizedLinearDynamicalSystem model, java.util.List<Path> dataFiles) throws IOException {
        new GlmLdsInferWork(model).inferAndWriteFigures(folder, trials, LdsFigures.FIGURE_TRIALS, dataFiles);
    }

    @Override
    public String iterationAxis() { return "Laplace-EM iteration"; }

    @Override
    public String objectiveAxis() { return "Laplace approximation of log p(y | θ)"; }

    @Override
    public String title() { return emissions.title() + (latentDim == null ? "" : ", D=" + latentDim); }

    @Override
    public String describe(GeneralizedLinearDynamicalSystem model) {
        return String.format("LDS (D=%d, %s emissions, %s link)", model.latentDim(), emissions.emissions(), emissions.link());
    }
}
