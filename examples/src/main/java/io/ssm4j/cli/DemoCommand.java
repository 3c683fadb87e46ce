package io.ssm4j.cli;

import io.ssm4j.data.NdArray;
import io.ssm4j.data.TimeSeries;
import io.ssm4j.data.Trials;
import io.ssm4j.datasets.io.Npz;
import io.ssm4j.inference.HiddenMarkovInference;
import io.ssm4j.inference.em.HeldOutLikelihood;
import io.ssm4j.inference.em.HmmFitter;
import io.ssm4j.inference.fit.CrossValidation;
import io.ssm4j.inference.fit.FitOptions;
import io.ssm4j.inference.fit.FitResult;
import io.ssm4j.math.Rng;
import io.ssm4j.models.hmm.EmissionType;
import io.ssm4j.models.hmm.HiddenMarkovModel;
import io.ssm4j.models.hmm.HmmSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ssm4j demo}: the README's main job. Fits a Poisson HMM to binned spike counts of rat hippocampal
 * units on a linear track (run, then rest; {@code hippocampus-linear-track} in the shared data folder) and
 * shows how its states line up with the animal's running speed; without that folder, fits a simulated
 * Poisson population with known states instead, and with {@code --data FILE}, the user's own counts. Writes model.json, posterior.npz, summary.txt
 * and the figures of {@link DemoFigures} (unless {@code --no-figures}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Fit a Poisson HMM to hippocampal spike counts (or your --data, or a simulated population) and summarise it.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data-home", paramLabel = "DIR", description = "Folder of the shared datasets (default: $SSM4J_DATA or ../shared/data)")
    Path dataHome;

    @Option(names = "--data", paramLabel = "FILE", description = "Your own spike counts (T x N: .npy, .npz, .csv, .mat with "
            + "--variable, or spike times .txt binned at --bin) instead of the hippocampus recording")
    Path dataFile;

    @Option(names = "--variable", paramLabel = "NAME", description = "The variable of a .mat --data file")
    String variable;

    @Option(names = "--out", defaultValue = "demo-output", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--states", defaultValue = "4", paramLabel = "K", description = "Number of states (default: ${DEFAULT-VALUE})")
    int states;

    @Option(names = "--bin", defaultValue = "0.5", paramLabel = "SECONDS", description = "Spike-count bin width (default: ${DEFAULT-VALUE})")
    double bin;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--no-figures", description = "Write no figures (PNG/SVG)")
    boolean noFigures;

    @Override
    public Integer call() throws Exception {
        Path home = DataHome.resolve(dataHome);
        Path folder = home.resolve("hippocampus-linear-track");
        DemoData data = dataFile != null ? UserDemoData.load(dataFile, variable, bin)
                : Files.isDirectory(folder) ? HippocampusDemoData.load(folder, bin) : DemoData.simulated(seed);
        System.out.println("data: " + data.description());
        HmmSpec spec = HmmSpec.of(states, data.counts().dim(), EmissionType.POISSON);
        long t0 = System.nanoTime();
        FitResult<HiddenMarkovModel> fit = HmmFitter.fit(spec, Trials.of(data.counts()),
                new FitOptions(300, 1e-7, 1, null), 5, Rng.seeded(seed));
        double secs = (System.nanoTime() - t0) / 1e9;
        HiddenMarkovModel model = fit.model();
        int[] path = HiddenMarkovInference.viterbi(model, data.counts()).states();
        double[] marginals = HiddenMarkovInference.posterior(model, data.counts()).expectedStates();
        String summary = data.summarise(model, path, fit, secs) + heldOut(spec, data.counts());
        try (OutputStaging staging = new OutputStaging(out)) {
            ModelFile.write(staging.file("model.json"), spec, model, null);
            Map<String, NdArray> arrays = new LinkedHashMap<>();
            arrays.put("counts", NdArray.of(data.counts().valuesView(), data.counts().length(), data.counts().dim()));
            arrays.put("expected_states", NdArray.of(marginals, data.counts().length(), states));
            arrays.put("viterbi", NdArray.of(Arrays.stream(path).asDoubleStream().toArray(), path.length));
            arrays.put(data.covariateName(), NdArray.of(data.covariate(), data.covariate().length));
            Npz.write(staging.file("posterior.npz"), arrays);
            Files.writeString(staging.file("summary.txt"), summary);
            if (!noFigures) DemoFigures.write(staging.file(""), data, model, fit.objective(), path, marginals);
            staging.commit();
        }
        PrintStream o = System.out;
        o.print(summary);
        o.println("wrote " + out.resolve("model.json") + ", posterior.npz, summary.txt"
                + (!noFigures ? " and figures (objective, raster, posterior, covariate_by_state, transition_matrix, state_durations)" : ""));
        return 0;
    }

    /** Held-out log-likelihood per bin: 10% of the bins, in blocks of 20, masked, the model refitted and scored there. */
    private String heldOut(HmmSpec spec, TimeSeries counts) {
        List<CrossValidation.Fold> folds = HeldOutLikelihood.overMaskedBins(spec, Trials.of(counts), 0.1, 1, 20,
                new FitOptions(300, 1e-7, 1, null), 2, Rng.seeded(seed + 1));
        CrossValidation.Fold f = folds.get(0);
        return String.format("held-out log-likelihood: %.4f per bin over %d masked bins (10%%, blocks of 20; refitted "
                + "without them)%n", f.perStep(), f.steps());
    }
}
