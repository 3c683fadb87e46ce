package io.ssm4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ssm4j.cli.figures.FigureFiles;
import io.ssm4j.cli.figures.ObjectiveFigure;
import io.ssm4j.data.Trials;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.inference.lds.LdsEmOptions;
import io.ssm4j.inference.lds.LdsParameter;
import io.ssm4j.math.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ssm4j fit}: fits an HMM or ARHMM (EM with restarts, or Gibbs sampling; {@link HmmFitWork}) or a Gaussian
 * LDS (EM; {@link LdsFitWork}) or a Poisson / Bernoulli LDS ({@code --model plds}, or {@code lds} with those
 * emissions; Laplace-EM; {@link GlmLdsFitWork}) and writes model.json, fit.json (objective trace, iterations, wall seconds,
 * convergence and its reason, and the seconds of the untimed {@code --warm-up} iterations) and, unless
 * {@code --no-figures}, objective.png and, for an LDS, the {@link LdsFigures} of the fitted model's posterior. With {@code --checkpoint-every N} every fit saves its state in {@code DIR/checkpoint}
 * ({@link FitCheckpoints}), and {@code --resume DIR} continues a killed fit to exactly the uninterrupted result.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, description = "Fit an HMM, ARHMM, LDS or Poisson/Bernoulli LDS to data.")
final class FitCommand implements Callable<Integer> {
    @Spec CommandSpec command;

    @Mixin ModelOptions structure;

    @Option(names = "--states", paramLabel = "K", description = "Number of discrete states (taken from --init when given)")
    Integer states;

    @Option(names = "--latent-dim", paramLabel = "D", description = "LDS latent dimension (taken from --init when given)")
    Integer latentDim;

    @Option(names = "--method", defaultValue = "em",
            description = "em or gibbs (default: ${DEFAULT-VALUE}; poisson/bernoulli lds: Laplace-EM only)")
    String method;

    @Option(names = "--iters", defaultValue = "100", paramLabel = "N", description = "Iterations or Gibbs sweeps (default: ${DEFAULT-VALUE})")
    int iters;

    @Option(names = "--tol", defaultValue = "1e-8", paramLabel = "X",
            description = "Stop EM when the objective rises by less than X relative (default: ${DEFAULT-VALUE}; 0 = never)")
    double tol;

    @Option(names = "--restarts", defaultValue = "1", paramLabel = "R", description = "k-means restarts, best kept (default: ${DEFAULT-VALUE}; hmm/arhmm)")
    int restarts;

    @Option(names = "--diagonal-noise", description = "lds: learn a diagonal emission covariance R (needed with partly observed steps)")
    boolean diagonalNoise;

    @Option(names = "--fix", paramLabel = "A,Q,...", description = "lds: parameters held at their starting values "
            + "(any of A, B, b, Q, C, D, d, R, m0, P0)")
    String fix;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--init", paramLabel = "PARAMS.npz", description = "Start from these parameters (instead of k-means or PCA)")
    Path init;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder for model.json and fit.json")
    Path out;

    @Option(names = "--checkpoint-every", defaultValue = "20", paramLabel = "N",
            description = "Save a checkpoint in DIR/checkpoint every N iterations or sweeps (0 = never; default: ${DEFAULT-VALUE})")
    int checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the killed fit whose --out was DIR, from its checkpoint")
    Path resume;

    /** The checkpoint to continue from, set when this command re-runs a --resume'd fit's original arguments. */
    private FitCheckpoints.Saved resumed;

    /** Where this fit writes its checkpoints (null when it writes none). */
    private FitCheckpoints checkpoints;

    @Option(names = "--warm-up", defaultValue = "2", paramLabel = "N",
            description = "Before the timed fit, run N iterations of the same fit on the same data and discard them, so that "
                    + "the JIT has compiled the fit's code (0 = none; default: ${DEFAULT-VALUE}); fit.json gives their time apart")
    int warmUpIterations;

    @Option(names = "--no-figures", description = "Write no figures (objective; for an lds also latents, latent planes, "
            + "observations, flow field)")
    boolean noFigures;

    @Mixin DataInput data;

    @Override
    public Integer call() throws Exception {
        if (resume != null) return resumeFit();
        if (out == null) throw new IllegalArgumentException("--out DIR is required");
        if (warmUpIterations < 0) throw new IllegalArgumentException("--warm-up must be >= 0, got " + warmUpIterations);
        Trials trials = data.load();
        FitWork<?> work = newWork(trials, restarts);
        if (checkpointEvery < 0) throw new IllegalArgumentException("--checkpoint-every must be >= 0, got " + checkpointEvery);
        if (checkpointEvery > 0) {
            checkpoints = new FitCheckpoints(out, originalArguments(), checkpointEvery, resumed);
            work.checkpointing(checkpoints, resumed);
        }
        return run(work, trials, warmUp(trials));
    }

    /** The fit these options ask for, from its start, with its own random stream. */
    private FitWork<?> newWork(Trials trials, int restarts) throws java.io.IOException {
        return LdsEmissions.isLdsModel(structure.model) ? ldsWork() : hmmWork(trials, restarts);
    }

    /**
     * Runs {@code --warm-up} iterations of the same fit on the same data (one restart, no checkpoints, its own random
     * stream, so the fit that follows draws exactly what it would have drawn) and discards them; returns their seconds.
     * The JVM compiles the fit's code while they run (the Vector API kernels and the first iteration cost about a
     * second on a cold start), so the timed fit that follows measures the algorithm, not the JIT: the protocol of
     * the Python peers' timings, which exclude their numba compile and a 1-2 iteration warm-up fit.
     */
    private double warmUp(Trials trials) throws java.io.IOException {
        if (warmUpIterations == 0) return 0;
        FitWork<?> rehearsal = newWork(trials, 1);
        long t0 = System.nanoTime();
        rehearsal.fit(trials, new FitOptions(warmUpIterations, 0, data.threadCount(), null));
        return (System.nanoTime() - t0) / 1e9;
    }

    private HmmFitWork hmmWork(Trials trials, int restarts) throws java.io.IOException {
        if (latentDim != null || diagonalNoise || fix != null) {
            throw new IllegalArgumentException("--latent-dim, --diagonal-noise and --fix apply to --model lds");
        }
        boolean gibbs = gibbs();
        if (gibbs) structure.prior = "conjugate";
        return new HmmFitWork(structure.spec(trials, HmmFitWork.states(states, init)), gibbs, init, restarts, Rng.seeded(seed));
    }

    /** This command's own arguments, as typed after "fit" (or as recorded in the checkpoint being resumed). */
    private String[] originalArguments() {
        if (resumed != null) return resumed.arguments();
        java.util.List<String> args = command.commandLine().getParseResult().originalArgs();
        int from = !args.isEmpty() && args.get(0).equals(command.name()) ? 1 : 0;
        return args.subList(from, args.size()).toArray(new String[0]);
    }

    /** Re-runs the checkpointed fit's own arguments, continuing from its checkpoint. */
    private int resumeFit() throws Exception {
        FitCheckpoints.Saved saved = FitCheckpoints.load(resume);
        FitCommand original = new FitCommand();
        new picocli.CommandLine(original).parseArgs(saved.arguments());
        if (original.resume != null) throw new IllegalArgumentException("a checkpoint cannot itself be a --resume");
        original.resumed = saved;
        return original.call();
    }

    /** Whether --method asks for Gibbs sampling (else EM). */
    private boolean gibbs() {
        return switch (method) {
            case "em" -> false;
            case "gibbs" -> true;
            default -> throw new IllegalArgumentException("--method must be em or gibbs, got '" + method + "'");
        };
    }

    private FitWork<?> ldsWork() {
        if (states != null || restarts != 1) {
            throw new IllegalArgumentException("--states and --restarts apply to --model hmm and arhmm");
        }
        boolean gibbs = gibbs();
        LdsEmissions emissions = LdsEmissions.forModel(structure.model, structure.emissions, structure.link);
        if (emissions != null && emissions != LdsEmissions.GAUSSIAN) {
            if (diagonalNoise || fix != null || !"none".equals(structure.prior) || gibbs) {
                throw new IllegalArgumentException("--diagonal-noise, --fix, --prior and --method gibbs apply to gaussian emissions; the "
                        + emissions.title() + " is fitted by maximum-likelihood Laplace-EM");
            }
            return new GlmLdsFitWork(emissions, latentDim, init);
        }
        LdsEmOptions options = LdsEmOptions.defaults().withFixed(LdsParameter.parseList(fix)).withDiagonalR(diagonalNoise);
        if (gibbs) return new LdsFitWork(latentDim, init, options, true, Rng.seeded(seed));
        return switch (structure.prior) {
            case "none" -> new LdsFitWork(latentDim, init, options, false, null);
            case "conjugate" -> new LdsFitWork(latentDim, init, options, true, null);
            default -> throw new IllegalArgumentException("--prior must be none or conjugate, got '" + structure.prior + "'");
        };
    }

    private <M> int run(FitWork<M> work, Trials trials, double warmUpSeconds) throws java.io.IOException {
        FitOptions options = new FitOptions(iters, work.tolerance(tol), data.threadCount(), null);
        FitResult<M> result;
        double wall;
        try (ProgressReporter progress = ProgressReporter.start(work.label(), work.plannedIterations(iters))) {
            long t0 = System.nanoTime(); // the fit alone: not the progress bar's start and close (~0.25 s)
            result = work.fit(trials, options.withListener(progress));
            wall = (System.nanoTime() - t0) / 1e9;
        }
        ObjectNode provenance = Provenance.of(data.files, seed, originalArguments());
        try (OutputStaging staging = new OutputStaging(out)) {
            work.writeModel(staging.file("model.json"), result.model(), provenance);
            writeFitJson(staging.file("fit.json"), result, wall, warmUpIterations, warmUpSeconds);
            if (!noFigures) {
                FigureFiles.write(ObjectiveFigure.chart(result.objective(), work.iterationAxis(), work.objectiveAxis(),
                        work.label() + " objective, " + ModelTitle.withData(work.title(), data.files)), staging.file(""), "objective");
                work.writeFigures(staging.file(""), trials, result.model(), data.files);
            }
            staging.commit();
        }
        if (checkpoints != null) checkpoints.clear();
        System.out.printf("fitted %s on %d trial(s), T=%d: objective %.6f after %d iterations, %.2f s%s (%s)%n",
                work.describe(result.model()), trials.size(), trials.totalLength(), result.finalObjective(), result.iterations(),
                wall, warmUpIterations == 0 ? "" : String.format(" after a %.2f s warm-up", warmUpSeconds), result.reason());
        return 0;
    }

    /** fit.json; wall_seconds (the timed fit) comes before the warm-up's seconds, for readers that take the first. */
    private static void writeFitJson(Path file, FitResult<?> r, double wall, int warmUpIterations, double warmUpSeconds)
            throws java.io.IOException {
        ObjectNode root = ModelFile.JSON.createObjectNode();
        var trace = root.putArray("objective");
        for (double v : r.objective()) trace.add(v);
        root.put("iterations", r.iterations());
        root.put("wall_seconds", wall);
        root.put("warm_up_iterations", warmUpIterations);
        root.put("warm_up_seconds", warmUpSeconds);
        root.put("converged", r.converged());
        root.put("reason", r.reason());
        ModelFile.JSON.writeValue(file.toFile(), root);
    }
}
