package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.cli.figures.FigureFiles;
import io.ssm4j.cli.figures.ObjectiveFigure;
import io.ssm4j.data.NdArray;
import io.ssm4j.data.Trials;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.inference.em.HmmExpectationMaximization;
import io.ssm4j.inference.em.HmmFitter;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.gibbs.HmmGibbsSampler;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmFactory;
import io.ssm4j.models.hmm.HmmSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ssm4j fit}: fits an HMM or ARHMM by EM (with restarts) or Gibbs sampling and writes model.json, fit.json and
 * objective.png (unless {@code --no-figures}). */
@Command(name = "fit", mixinStandardHelpOptions = true, description = "Fit an HMM or ARHMM to data.")
final class FitCommand implements Callable<Integer> {
    @Spec CommandSpec command;

    @Mixin ModelOptions structure;

    @Option(names = "--states", paramLabel = "K", description = "Number of discrete states (taken from --init when given)")
    Integer states;

    @Option(names = "--method", defaultValue = "em", description = "em or gibbs (default: ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--iters", defaultValue = "100", paramLabel = "N", description = "Iterations or Gibbs sweeps (default: ${DEFAULT-VALUE})")
    int iters;

    @Option(names = "--tol", defaultValue = "1e-8", paramLabel = "X",
            description = "Stop EM when the objective rises by less than X relative (default: ${DEFAULT-VALUE}; 0 = never)")
    double tol;

    @Option(names = "--restarts", defaultValue = "1", paramLabel = "R", description = "k-means restarts, best kept (default: ${DEFAULT-VALUE})")
    int restarts;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--init", paramLabel = "PARAMS.npz", description = "Start from these parameters instead of k-means")
    Path init;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder for model.json and fit.json")
    Path out;

    @Option(names = "--no-figures", description = "Write no figures (objective.png/.svg)")
    boolean noFigures;

    @Mixin DataInput data;

    @Override
    public Integer call() throws Exception {
        Trials trials = data.load();
        boolean gibbs = switch (method) {
            case "em" -> false;
            case "gibbs" -> true;
            default -> throw new IllegalArgumentException("--method must be em or gibbs, got '" + method + "'");
        };
        if (gibbs) structure.prior = "conjugate";
        HmmSpec spec = spec(trials);
        Rng rng = Rng.seeded(seed);
        FitOptions options = new FitOptions(iters, gibbs ? 0 : tol, data.threadCount(), null);
        long t0 = System.nanoTime();
        FitResult<HiddenMarkovModel> result;
        try (ProgressReporter progress = ProgressReporter.start(gibbs ? "Gibbs" : "EM", (long) iters * (init != null ? 1 : restarts))) {
            options = options.withListener(progress);
            HiddenMarkovModel start = init == null ? null : loadInit(spec);
            if (gibbs) {
                result = HmmGibbsSampler.run(start != null ? start
                        : io.ssm4j.inference.em.HmmInitializer.kMeans(spec, trials, rng.split()), trials, options, rng);
            } else if (start != null) {
                result = HmmExpectationMaximization.fit(start, trials, options);
            } else {
                result = HmmFitter.fit(spec, trials, options, restarts, rng);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        ObjectNode provenance = Provenance.of(data.files, seed, command.commandLine().getParseResult().originalArgs()
                .toArray(new String[0]));
        try (OutputStaging staging = new OutputStaging(out)) {
            ModelFile.write(staging.file("model.json"), spec, result.model(), provenance);
            writeFitJson(staging.file("fit.json"), result, wall);
            if (!noFigures) {
                String y = gibbs ? "log joint log p(y, z, θ)" : spec.conjugatePrior() ? "log p(y | θ) + log p(θ)" : "log p(y | θ)";
                FigureFiles.write(ObjectiveFigure.chart(result.objective(), gibbs ? "Gibbs sweep" : "EM iteration", y,
                        (gibbs ? "Gibbs" : "EM") + " objective, " + ModelTitle.of(spec, data.files)), staging.file(""), "objective");
            }
            staging.commit();
        }
        System.out.printf("fitted %s (K=%d, %s emissions) on %d trial(s), T=%d: objective %.6f after %d iterations, %.2f s (%s)%n",
                spec.emissions().isAutoregressive() ? "ARHMM" : "HMM", spec.numStates(), spec.emissions().cliName(),
                trials.size(), trials.totalLength(), result.finalObjective(), result.iterations(), wall, result.reason());
        return 0;
    }

    private HmmSpec spec(Trials trials) throws java.io.IOException {
        int k;
        if (states != null) {
            k = states;
        } else if (init != null) {
            NdArray p = Npz.read(init).get("transition_matrix");
            if (p == null) throw new IllegalArgumentException(init + ": parameter 'transition_matrix' is missing");
            k = p.dim(0);
        } else {
            throw new IllegalArgumentException("--states K is required (or --init PARAMS.npz)");
        }
        return structure.spec(trials, k);
    }

    private HiddenMarkovModel loadInit(HmmSpec spec) throws java.io.IOException {
        Map<String, NdArray> params = Npz.read(init);
        try {
            return HmmFactory.fromParameters(spec, params);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(init + ": " + ex.getMessage(), ex);
        }
    }

    private static void writeFitJson(Path file, FitResult<HiddenMarkovModel> r, double wall) throws java.io.IOException {
        ObjectNode root = ModelFile.JSON.createObjectNode();
        var trace = root.putArray("objective");
        for (double v : r.objective()) trace.add(v);
        root.put("iterations", r.iterations());
        root.put("wall_seconds", wall);
        root.put("converged", r.converged());
        root.put("reason", r.reason());
        ModelFile.JSON.writeValue(file.toFile(), root);
    }
}
