package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.lds.LdsEmOptions;
import io.ssm4j.inference.lds.LdsExpectationMaximization;
import io.ssm4j.inference.lds.LdsInitializer;
import io.ssm4j.inference.lds.LdsPrior;
import io.ssm4j.models.lds.LinearGaussianStateSpaceModel;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code fit --model lds}: EM for a Gaussian linear dynamical system from a PCA initialisation (or from
 * {@code --init PARAMS.npz}), maximum likelihood or MAP under weak conjugate priors, writing a model.json of type "lds".
 */
final class LdsFitWork implements FitWork<LinearGaussianStateSpaceModel> {
    private final Integer latentDim;
    private final Path init;
    private final LdsEmOptions options;
    private final boolean conjugatePrior;

    /** @param conjugatePrior whether to fit MAP under {@link LdsPrior#weak} (sized from the starting model) */
    LdsFitWork(Integer latentDim, Path init, LdsEmOptions options, boolean conjugatePrior) {
        if (latentDim == null && init == null) throw new IllegalArgumentException("--latent-dim D is required (or --init PARAMS.npz)");
        this.latentDim = latentDim;
        this.init = init;
        this.options = options;
        this.conjugatePrior = conjugatePrior;
    }

    @Override
    public String label() { return "EM"; }

    @Override
    public long plannedIterations(int iterations) { return iterations; }

    @Override
    public double tolerance(double requested) { return requested; }

    @Override
    public FitResult<LinearGaussianStateSpaceModel> fit(Trials trials, FitOptions fitOptions) throws IOException {
        LinearGaussianStateSpaceModel start = init == null ? LdsInitializer.pca(trials, latentDim) : loadInit();
        LdsEmOptions em = conjugatePrior ? options.withPrior(LdsPrior.weak(start.latentDim(), start.obsDim())) : options;
        return LdsExpectationMaximization.fit(start, trials, fitOptions, em);
    }

    private LinearGaussianStateSpaceModel loadInit() throws IOException {
        return LatentInitFile.load(init, latentDim, LinearGaussianStateSpaceModel::fromParameters,
                LinearGaussianStateSpaceModel::latentDim);
    }

    @Override
    public void writeModel(Path file, LinearGaussianStateSpaceModel model, ObjectNode provenance) throws IOException {
        LdsModelFile.write(file, model, provenance);
    }

    @Override
    public String iterationAxis() { return "EM iteration"; }

    @Override
    public String objectiveAxis() { return conjugatePrior ? "log p(y | θ) + log p(θ)" : "log p(y | θ)"; }

    @Override
    public String title() { return "Gaussian LDS" + (latentDim == null ? "" : ", D=" + latentDim); }

    @Override
    public String describe(LinearGaussianStateSpaceModel model) {
        return String.format("LDS (D=%d, gaussian emissions, %s R)", model.latentDim(), options.diagonalR() ? "diagonal" : "full");
    }
}
